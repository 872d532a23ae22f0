// Settings against the real sandbox, relay and headless desk: the language switches at once from
// the keyboard, without a restart, and is remembered; the connection can be disconnected (after
// a confirmation) and connected again with an API key; the relay's address and state, the app's
// version and how it is updated, and the data folder are shown. axe clean in both languages.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe'
import { openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

test.use({ locale: 'en-GB' })

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
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
  await expect(relay).toContainText(world.relay.url)
  await expect(page.getByTestId('settings-relay-state')).toHaveText(/Reachable/)
  await expect(page.getByTestId('settings-version')).toHaveText(/^\d+\.\d+\.\d+/)
  await expect(page.getByTestId('settings-updates')).toContainText(
    'updates come with the installed Frontdesk app',
  )
  await expect(page.getByTestId('settings-data-dir')).toHaveText(world.desk.dataDir)
  await expectAccessible(page, 'settings')
  await page.screenshot({ path: testInfo.outputPath('settings-en.png'), fullPage: true })

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
  await expect(page.getByTestId('settings-relay-state')).toHaveText(/Off until the branch/)
  await expectAccessible(page, 'settings, disconnected')
  await connection.getByRole('button', { name: 'Use an API key instead' }).click()
  await connection.getByLabel('Cal.com API key').fill(world.account.apiKey)
  await page.keyboard.press('Enter')
  await expect(connection).toContainText('Connected to Cal.com', { timeout: 20_000 })
  await expect(page.getByTestId('settings-relay-state')).toHaveText(/Reachable/, {
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
  await expectAccessible(page, 'settings in Spanish')
  await page.screenshot({ path: testInfo.outputPath('settings-es.png'), fullPage: true })

  // Remembered on this desk.
  await page.reload()
  await expect(page.getByRole('link', { name: 'Ajustes' })).toBeVisible()
  await expect(page.getByLabel('Idioma')).toHaveValue('es')
})
