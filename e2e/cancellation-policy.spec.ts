// A late cancellation at the desk, in Chromium, through the relay and the sandbox: the owner set
// the service's policy from the desk (the relay keeps it with the business); the cancel dialog
// shows the text to read out and says the cancellation is late; the history marks it late; and
// once Cal.com's webhook reaches the relay, the owner's notifications hold a late cancellation.
// By keyboard alone, in English and Spanish, axe on the dialog.
import { expect, test, type Page } from '@playwright/test'
import type { PeopleList } from '../src/shared/api/people'
import type { NotificationHistoryResponse } from '../src/shared/relay/relay-contract'
import { deskFetch } from '../test/support/temp-desk'
import { until } from '../test/support/until'
import { expectAccessible } from './axe'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
const OWNER_PIN = '4321'
const POLICY = 'Please cancel at least a day ahead.\nLater cancellations are charged half.'

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

/** A public booking of the haircut at the next free time, with the service's policy set. */
async function bookedWithPolicy(name: string, windowHours: number) {
  const zone = world.account.timeZone
  const start = (await world.freeSlots('haircut'))[0]!
  const { uid } = await world.publicBooking({ eventSlug: 'haircut', start, name })
  const appointment = await world.appointmentAtDesk(uid)
  const set = await send(`/api/cancellation-policies/${appointment.eventType!.id}`, 'PUT', {
    pin: OWNER_PIN,
    windowHours,
    text: POLICY,
  })
  expect(set.status).toBe(200)
  return { uid, date: dayOf(start, zone) }
}

async function tabTo(page: Page, what: string, is: (text: string) => boolean, limit = 150) {
  const focused = page.locator('*:focus')
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if ((await focused.count()) === 1 && is((await focused.textContent()) ?? '')) return
  }
  throw new Error(`Tab never reached ${what}`)
}

test('a late cancellation by keyboard: the policy read out, marked late, the owner notified', async ({
  page,
}) => {
  // Thirty days: the next free time is well inside it.
  const { uid, date } = await bookedWithPolicy('Lena Late', 720)
  await openDesk(page, world, `/day/${date}/appointment/${uid}`)
  const drawer = page.getByTestId('appointment-drawer')
  await tabTo(page, 'Cancel appointment', (t) => t === 'Cancel appointment')
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('cancel-dialog')
  await expect(dialog).toBeVisible()
  const policy = dialog.getByTestId('cancel-policy')
  await expect(policy).toContainText('The service’s cancellation policy (read it to the client)')
  await expect(policy).toContainText('Later cancellations are charged half.')
  await expect(dialog.getByTestId('cancel-late')).toHaveText(
    'This cancellation is late: less than 720 hours before the start. It will be marked as a late cancellation.',
  )
  await expectAccessible(page, 'the cancel dialog with a late policy')
  await page.screenshot({ path: test.info().outputPath('relay-notify-cancel-late.png') })
  // The reason field has the focus (Enter there is a new line): type, Tab to send, Enter.
  await page.keyboard.type('Feeling unwell')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Cancel the appointment' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(drawer.getByTestId('drawer-status')).toHaveText('Cancelled')
  await expect(drawer.getByTestId('history')).toContainText(
    'Cancelled at the desk, late: less than 720 h before the start',
  )

  // Cal.com's BOOKING_CANCELLED reaches the relay, which judges it by the same policy.
  const device = (await world.desk.services.sync.relayDevice())!
  await until(
    'the relay recording a late cancellation for the owner',
    async () => {
      const r = await fetch(`${world.relay.url}/v1/business/notifications/history?limit=100`, {
        headers: { authorization: `Bearer ${device.deviceToken}` },
      })
      const { entries } = (await r.json()) as NotificationHistoryResponse
      return entries.some((e) => e.kind === 'booking.late_cancellation')
    },
    20_000,
  )
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })

  test('on time, in Spanish: the policy shown, nothing late', async ({ page }) => {
    const { uid, date } = await bookedWithPolicy('Olivia A Tiempo', 0)
    await openDesk(page, world, `/day/${date}/appointment/${uid}`)
    await page
      .getByTestId('appointment-drawer')
      .getByRole('button', { name: 'Cancelar cita' })
      .click()
    const dialog = page.getByTestId('cancel-dialog')
    await expect(dialog.getByTestId('cancel-policy')).toContainText(
      'Política de cancelación del servicio (léasela al cliente)',
    )
    await expect(dialog.getByTestId('cancel-on-time')).toHaveText('A tiempo: antes del inicio.')
    await expect(dialog.getByTestId('cancel-late')).toHaveCount(0)
    await expectAccessible(page, 'the cancel dialog, on time, in Spanish')
    await page.screenshot({ path: test.info().outputPath('relay-notify-cancel-on-time-es.png') })
  })
})
