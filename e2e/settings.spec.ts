// Settings against the real sandbox, relay and headless desk: the language switches at once from
// the keyboard, without a restart, and is remembered; the connection can be disconnected (after
// a confirmation) and connected again with an API key; the relay reads by its
// host, connected or not reachable since when (its line cut), its raw address in the details;
// the app's version and how it is updated, and the data folder are shown. axe clean in both
// languages.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe'
import { openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

test.use({ locale: 'en-GB', viewport: { width: 1366, height: 768 } })

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ relayLink: true })
})
test.afterAll(() => world.close())

test('settings: language without a restart, the connection, the relay, the app and the data folder', async ({
  page,
}, testInfo) => {
  await openDesk(page, world, '/settings')
  const settings = page.getByTestId('settings-page')
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await expect(page.getByTestId('settings-connection')).toContainText(
    `Connected to Cal.com as ${world.account.username}`,
  )
  const relay = page.getByTestId('settings-relay')
  const relayState = page.getByTestId('settings-relay-state')
  const relayUrl = world.relayLink!.url
  const relayHost = new URL(relayUrl).host
  await expect(relayState).toHaveText(`● Connected to the relay (${relayHost})`)
  // The raw address is for whoever looks after the relay: folded in the details, and a tooltip.
  await expect(relayState).toHaveAttribute('title', relayUrl)
  const address = page.getByTestId('settings-relay-address')
  await expect(address).toBeHidden()
  await relay.getByText('Technical details').click()
  await expect(address).toHaveText(relayUrl)
  await expect(page.getByTestId('settings-version')).toHaveText(/^\d+\.\d+\.\d+/)
  await expect(page.getByTestId('settings-updates')).toContainText(
    'updates come with the installed Frontdesk app',
  )
  await expect(page.getByTestId('settings-data-dir')).toHaveText(world.desk.dataDir)
  await expectAccessible(page, 'settings')
  await page.screenshot({ path: testInfo.outputPath('settings-en.png'), fullPage: true })

  // The line to the relay is cut: since when, in the branch's time; then it is back.
  world.relayLink!.down()
  await expect(relayState).toHaveText(
    new RegExp(
      `^○ Cannot reach the relay \\(${relayHost.replaceAll('.', '\\.')}\\) since \\d{2}:\\d{2}: the desk keeps trying$`,
    ),
    { timeout: 20_000 },
  )
  await expectAccessible(page, 'settings, relay cut')
  await page.screenshot({ path: testInfo.outputPath('settings-relay-cut-en.png'), fullPage: true })
  world.relayLink!.up()
  await expect(relayState).toContainText('Connected to the relay', {
    timeout: 20_000,
  })

  // Disconnect asks first; "Stay connected" changes nothing.
  const connection = page.getByTestId('settings-connection')
  await connection.getByRole('button', { name: 'Disconnect' }).click()
  await expect(connection).toContainText('Disconnect from Cal.com?')
  await expect(connection.getByRole('button', { name: 'Stay connected' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(connection).not.toContainText('Disconnect from Cal.com?')
  await expect(connection.getByTestId('connection')).toHaveAttribute('data-connection', 'connected')

  // Disconnect for real, then connect again with the branch's API key, by keyboard.
  await connection.getByRole('button', { name: 'Disconnect' }).click()
  await connection.getByRole('button', { name: 'Yes, disconnect' }).click()
  await expect(connection).toContainText('Not connected to Cal.com')
  await expect(relayState).toContainText('Off until the branch is connected to Cal.com')
  await expectAccessible(page, 'settings, disconnected')
  await connection.getByRole('button', { name: 'Use an API key instead' }).click()
  await connection.getByLabel('Cal.com API key').fill(world.account.apiKey)
  await page.keyboard.press('Enter')
  await expect(connection).toContainText('Connected to Cal.com', { timeout: 20_000 })
  await expect(relayState).toContainText('Connected to the relay', {
    timeout: 20_000,
  })

  // The language, from the keyboard: Spanish at once, no reload.
  const language = page.getByLabel('Language')
  await language.focus()
  await page.keyboard.type('Español')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('link', { name: 'Ajustes' })).toBeVisible()
  await expect(page.getByTestId('settings-data')).toContainText('Dónde están los datos')
  await expect(page.getByTestId('settings-updates')).toContainText(
    'las actualizaciones llegan con la aplicación Frontdesk instalada',
  )
  await expect(relayState).toHaveText(`● Conectado al relé (${relayHost})`)
  await expectAccessible(page, 'settings in Spanish')
  await page.screenshot({ path: testInfo.outputPath('settings-es.png'), fullPage: true })
  world.relayLink!.down()
  await expect(relayState).toHaveText(/desde las \d{2}:\d{2}: el mostrador sigue intentándolo$/, {
    timeout: 20_000,
  })
  await expectAccessible(page, 'settings in Spanish, relay cut')
  await page.screenshot({ path: testInfo.outputPath('settings-relay-cut-es.png'), fullPage: true })
  world.relayLink!.up()

  // Remembered on this desk.
  await page.reload()
  await expect(page.getByRole('link', { name: 'Ajustes' })).toBeVisible()
  await expect(page.getByLabel('Idioma')).toHaveValue('es')
})
