// The owner's cancellation policies screen (Notifications › Cancellation policies), in Chromium
// against the sandbox, the relay and the headless desk: every service of the branch is listed;
// the owner adds a policy by keyboard with the PIN (a wrong PIN refused, nothing saved), the
// relay keeps it and the desk's API reads it back; the owner removes it. A policy set on the
// screen is then read out in the cancel dialog, which says a cancellation inside it is late. In
// English and Spanish, axe on the list, the open form and the cancel dialog.
import { expect, test, type Page } from '@playwright/test'
import type { PeopleList } from '../src/shared/api/people'
import type { ServicePolicyList } from '../src/shared/api/cancellation-policy'
import { deskFetch } from '../test/support/temp-desk'
import { expectAccessible } from './axe'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
const OWNER_PIN = '4321'
const SERVICE = 'Haircut & style'

const send = (path: string, method: string, body: unknown) =>
  deskFetch(world.desk, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

test.beforeAll(async () => {
  world = await startFrontDeskWorld()
  const created = await send('/api/business', 'POST', {
    name: 'Olga’s Salons',
    owner: { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: OWNER_PIN },
  })
  expect(created.status).toBe(200)
  const ownerId = ((await created.json()) as PeopleList).people[0]!.id
  expect((await send('/api/session', 'POST', { personId: ownerId, pin: OWNER_PIN })).status).toBe(
    200,
  )
})
test.afterAll(() => world.close())

async function policies(): Promise<ServicePolicyList['services']> {
  const r = await deskFetch(world.desk, '/api/cancellation-policies')
  expect(r.status).toBe(200)
  return ((await r.json()) as ServicePolicyList).services
}

async function tabTo(page: Page, name: string, limit = 150) {
  const focused = page.locator('*:focus')
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if ((await focused.count()) === 1 && (await focused.getAttribute('aria-label')) === name) return
  }
  throw new Error(`Tab never reached ${name}`)
}

test('the owner adds and removes a service’s policy by keyboard, with the PIN', async ({
  page,
}) => {
  await openDesk(page, world, '/notifications/policies')
  const screen = page.getByTestId('cancellation-policies')
  await expect(page.getByRole('link', { name: 'Cancellation policies' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  const titles = (await policies()).map((s) => s.title)
  expect(titles).toContain(SERVICE)
  await expect(screen.getByRole('heading', { level: 3 })).toHaveText(titles)
  await expectAccessible(page, 'the cancellation policies list')

  await tabTo(page, `Add a policy: ${SERVICE}`)
  await page.keyboard.press('Enter')
  const form = screen.getByRole('form', { name: SERVICE })
  await expect(form.getByLabel('Hours before the start')).toBeFocused()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('48')
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('What to read to the client')).toBeFocused()
  await page.keyboard.type('Please cancel two days ahead; later ones are charged in full.')
  await page.keyboard.press('Tab')
  await page.keyboard.type('0000')
  await expectAccessible(page, 'the cancellation policy form')
  await page.screenshot({ path: test.info().outputPath('cancellation-policies-form.png') })
  await page.keyboard.press('Enter')
  await expect(form.getByRole('alert')).toContainText(/PIN/)
  expect((await policies()).find((s) => s.title === SERVICE)!.policy).toBeNull()

  await form.getByLabel('Your PIN').fill(OWNER_PIN)
  await page.keyboard.press('Enter')
  await expect(form).toBeHidden()
  const card = screen.getByRole('listitem').filter({ hasText: SERVICE })
  await expect(card.getByTestId('policy-window')).toHaveText(
    'Late if cancelled less than 48 hours before',
  )
  await expect(card).toContainText('Please cancel two days ahead; later ones are charged in full.')
  expect((await policies()).find((s) => s.title === SERVICE)!.policy).toEqual({
    windowHours: 48,
    text: 'Please cancel two days ahead; later ones are charged in full.',
  })
  await page.screenshot({ path: test.info().outputPath('cancellation-policies-list.png') })

  await card.getByRole('button', { name: `Change: ${SERVICE}` }).click()
  await form.getByLabel('Your PIN').fill(OWNER_PIN)
  await form.getByRole('button', { name: 'Remove policy' }).click()
  await expect(form).toBeHidden()
  await expect(card).toContainText('No policy: cancelling is never late.')
  expect((await policies()).find((s) => s.title === SERVICE)!.policy).toBeNull()
})

test('a policy the owner sets on the screen is read out at cancel, and a cancel inside it is late', async ({
  page,
}) => {
  const text = 'Cancel a month ahead, please; later ones are charged in full.'
  await openDesk(page, world, '/notifications/policies')
  const screen = page.getByTestId('cancellation-policies')
  const card = screen.getByRole('listitem').filter({ hasText: SERVICE })
  await card.getByRole('button', { name: `Add a policy: ${SERVICE}` }).click()
  const form = screen.getByRole('form', { name: SERVICE })
  await form.getByLabel('Hours before the start').fill('720')
  await form.getByLabel('What to read to the client').fill(text)
  await form.getByLabel('Your PIN').fill(OWNER_PIN)
  await form.getByLabel('Your PIN').press('Enter')
  await expect(form).toBeHidden()
  await expect(card.getByTestId('policy-window')).toHaveText(
    'Late if cancelled less than 720 hours before',
  )

  // A client books the haircut at its next free time: well inside thirty days.
  const start = (await world.freeSlots('haircut'))[0]!
  const { uid } = await world.publicBooking({ eventSlug: 'haircut', start, name: 'Lola Late' })
  const appointment = await world.appointmentAtDesk(uid)
  await openDesk(page, world, `/day/${dayOf(start, world.account.timeZone)}/appointment/${uid}`)
  await page
    .getByTestId('appointment-drawer')
    .getByRole('button', { name: 'Cancel appointment' })
    .click()
  const dialog = page.getByTestId('cancel-dialog')
  await expect(dialog.getByTestId('cancel-policy')).toContainText(text)
  await expect(dialog.getByTestId('cancel-late')).toHaveText(
    'This cancellation is late: less than 720 hours before the start. It will be marked as a late cancellation.',
  )
  await expectAccessible(page, 'the cancel dialog with the policy set on the screen')
  // The next test starts from a service without a policy.
  const removed = await send(`/api/cancellation-policies/${appointment.eventType!.id}`, 'DELETE', {
    pin: OWNER_PIN,
  })
  expect(removed.status).toBe(200)
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })

  test('the policies screen speaks Spanish and stays accessible', async ({ page }) => {
    await openDesk(page, world, '/notifications/policies')
    await expect(page.getByRole('link', { name: 'Políticas de cancelación' })).toBeVisible()
    const card = page
      .getByTestId('cancellation-policies')
      .getByRole('listitem')
      .filter({ hasText: SERVICE })
    await card.getByRole('button', { name: `Añadir una política: ${SERVICE}` }).click()
    await expect(card.getByLabel('Horas antes del inicio')).toBeFocused()
    await expect(card.getByLabel('Qué leer al cliente')).toBeVisible()
    await expectAccessible(page, 'the cancellation policy form in Spanish')
    await page.keyboard.press('Escape')
    await expect(card.getByText('Sin política: cancelar nunca es tarde.')).toBeVisible()
  })
})
