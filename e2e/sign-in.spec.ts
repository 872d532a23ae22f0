// Signing in at a shared desk, in Chromium: the branch's business is set up at the desk (its
// owner's PIN) and a receptionist added at the relay; the desk then opens on the sign-in screen.
// The receptionist signs in by keyboard alone and sees no Disconnect; the owner does; five wrong
// PINs lock the owner at this desk and say until when. axe on each screen.
import { expect, test, type Page } from '@playwright/test'
import type { PeopleList } from '../src/shared/api/people'
import type { PersonChangeResponse } from '../src/shared/relay/relay-contract'
import { deskFetch } from '../test/support/temp-desk'
import { until } from '../test/support/until'
import { expectAccessible } from './axe'
import { startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
let ownerId: string
const OWNER_PIN = '4321'
const RECEPTIONIST_PIN = '5555'

test.beforeEach(async () => {
  world = await startFrontDeskWorld()
  const created = await deskFetch(world.desk, '/api/business', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Olga’s Salons',
      owner: { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: OWNER_PIN },
    }),
  })
  expect(created.status).toBe(200)
  ownerId = ((await created.json()) as PeopleList).people[0]!.id
  const device = (await world.desk.services.sync.relayDevice())!
  const added = await fetch(`${world.relay.url}/v1/business/people`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${device.deviceToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      actor: { personId: ownerId, pin: OWNER_PIN },
      person: {
        name: 'Rita Reception',
        email: 'rita@example.com',
        language: 'en',
        pin: RECEPTIONIST_PIN,
        role: 'receptionist',
        branches: [device.channelId],
      },
    }),
  })
  expect(added.status).toBe(201)
  const { person } = (await added.json()) as PersonChangeResponse
  await until('the desk copying the receptionist', async () =>
    (await world.get<PeopleList>('/api/people')).people.some((p) => p.id === person.id),
  )
})
test.afterEach(async () => {
  await world.close()
})

async function openDesk(page: Page) {
  await page.goto(`${world.desk.url}/?token=${world.desk.token}`)
  await expect(page.getByRole('heading', { name: 'Who is at the desk?' })).toBeVisible()
}

async function signInByKeyboard(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: new RegExp(name) }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel(`PIN for ${name}`)).toBeFocused()
  await page.keyboard.type(pin)
  await page.keyboard.press('Enter')
}

test('a receptionist signs in by keyboard and sees no Disconnect; the owner does', async ({
  page,
}) => {
  await openDesk(page)
  await expectAccessible(page, 'the sign-in screen')

  await signInByKeyboard(page, 'Rita Reception', RECEPTIONIST_PIN)
  await expect(page.getByTestId('signed-in')).toContainText(
    'Signed in: Rita Reception (Receptionist)',
  )
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected')
  await expect(page.getByRole('button', { name: 'Disconnect' })).toHaveCount(0)
  await expectAccessible(page, 'the day, signed in as a receptionist')

  await page.getByRole('button', { name: 'Switch person' }).click()
  await expect(page.getByRole('heading', { name: 'Who is at the desk?' })).toBeVisible()
  await signInByKeyboard(page, 'Olga Owner', OWNER_PIN)
  await expect(page.getByTestId('signed-in')).toContainText('Signed in: Olga Owner (Owner)')
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeVisible()
})

test('five wrong PINs lock that person at this desk, and the screen says until when', async ({
  page,
}) => {
  await openDesk(page)
  await page.getByRole('button', { name: /Olga Owner/ }).click()
  const pad = page.getByRole('group', { name: 'PIN pad' })
  for (let left = 4; left >= 1; left--) {
    // The on-screen pad, as a touch screen would use it.
    for (const digit of '9999') await pad.getByRole('button', { name: digit, exact: true }).click()
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('sign-in-problem')).toContainText(
      left === 1 ? '1 try left' : `${left} tries left`,
    )
  }
  await page.getByLabel('PIN for Olga Owner').fill('9999')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('sign-in-problem')).toContainText(
    'Too many wrong PINs: Olga Owner is locked at this desk until',
  )
  await expectAccessible(page, 'the sign-in screen with the lock message')

  // The right PIN does not open the lock early.
  await page.getByLabel('PIN for Olga Owner').fill(OWNER_PIN)
  await page.keyboard.press('Enter')
  // The field empties once the desk has answered: the message read below is that answer's, not
  // the last one's left on screen.
  await expect(page.getByLabel('PIN for Olga Owner')).toHaveValue('')
  await expect(page.getByTestId('sign-in-problem')).toContainText('is locked at this desk until')
  await expect(page.getByTestId('signed-in')).toHaveCount(0)
})

for (const { locale, heading, submit, wrong } of [
  {
    locale: 'en-GB',
    heading: 'Who is at the desk?',
    submit: 'Sign in',
    wrong: 'That PIN is not right. 4 tries left',
  },
  {
    locale: 'es-ES',
    heading: '¿Quién está en el mostrador?',
    submit: 'Entrar',
    wrong: 'Ese PIN no es correcto. Quedan 4 intentos',
  },
]) {
  test(`at 1366×768 (${locale}), a wrong PIN is said under the PIN field, in view without scrolling, the keys unmoved`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(`${world.desk.url}/?token=${world.desk.token}`)
    await expect(page.getByRole('heading', { name: heading })).toBeVisible()
    await page.getByRole('button', { name: /Olga Owner/ }).click()
    const field = page.getByTestId('pin')
    const keys = page.locator('.pin-pad__keys')
    const keysBefore = await keys.boundingBox()
    await field.fill('9999')
    await page.getByRole('button', { name: submit }).click()
    const problem = page.getByRole('alert').filter({ hasText: wrong })
    await expect(problem).toBeVisible()
    // The pad stays where the finger is: the message has its own place, beside the keys.
    expect(await keys.boundingBox()).toEqual(keysBefore)
    const keysBox = (await keys.boundingBox())!
    expect((await problem.boundingBox())!.x).toBeGreaterThanOrEqual(keysBox.x + keysBox.width)

    // Right under the field, before the pad, and whole inside the viewport as the page stands.
    const box = (await problem.boundingBox())!
    const fieldBox = (await field.boundingBox())!
    const viewport = page.viewportSize()!
    expect(await page.evaluate('window.scrollY')).toBe(0)
    expect(box.y).toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height)
    expect(box.y - (fieldBox.y + fieldBox.height)).toBeLessThan(24)
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    await expect(field).toHaveAttribute(
      'aria-describedby',
      (await page.getByTestId('sign-in-problem').getAttribute('id'))!,
    )
    await expectAccessible(page, `the sign-in screen with a wrong PIN (${locale})`)
    await page.screenshot({ path: testInfo.outputPath(`sign-in-wrong-pin-${locale}-1366.png`) })
    await context.close()
  })
}
