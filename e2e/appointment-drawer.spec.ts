// The appointment drawer against the sandbox through the relay: a visit walked by keyboard alone,
// cancel with a reason, reschedule through the slot picker, confirm and decline a pending booking.
// Each answer shows at once, marked "waiting to sync", and reaches Cal.com.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'
import type { DaySlots } from '../src/shared/api/schemas'
import { until } from '../test/support/until'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

/** Books publicly on Cal.com (a free slot as of now, not on `avoidDay`) and waits for the desk. */
async function booked(eventSlug: 'haircut' | 'full-colour', name: string, avoidDay?: string) {
  const zone = world.account.timeZone
  const start = (await world.freeSlots(eventSlug)).find((s) => dayOf(s, zone) !== avoidDay)!
  const { uid } = await world.publicBooking({ eventSlug, start, name })
  const appointment = await world.appointmentAtDesk(uid)
  return { uid, start, date: dayOf(start, zone), appointment }
}

/** Presses Tab until the focused element is the one `is` accepts (keyboard only, no clicks). */
async function tabTo(
  page: Page,
  what: string,
  is: (focused: { uid: string | null; text: string }) => boolean,
  limit = 150,
) {
  const focused = page.locator('*:focus')
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if ((await focused.count()) !== 1) continue
    const seen = {
      uid: await focused.getAttribute('data-uid'),
      text: (await focused.textContent()) ?? '',
    }
    if (is(seen)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

async function calcomStatus(uid: string) {
  return (await world.calcomBookings()).find((b) => b.uid === uid)?.status
}

test('a visit by keyboard alone: check in, in service, done', async ({ page }) => {
  const { uid, date } = await booked('haircut', 'Kira Keys')
  await openDesk(page, world, `/day/${date}`)
  await tabTo(page, 'the card', (el) => el.uid === uid && el.text.includes('Kira Keys'))
  await page.keyboard.press('Enter')
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`#/day/${date}/appointment/${uid}$`))
  await expectAccessible(page, 'the appointment drawer')

  await tabTo(page, 'Check in', (el) => el.text === 'Check in')
  await page.keyboard.press('Enter')
  await expect(drawer.getByTestId('drawer-visit')).toContainText('Arrived')
  // Focus moved to the next action: Enter walks the visit on.
  await expect(drawer.getByRole('button', { name: 'Start service' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(drawer.getByTestId('drawer-visit')).toContainText('In service')
  await expect(drawer.getByRole('button', { name: 'Done' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(drawer.getByTestId('drawer-visit')).toContainText('Done')
  await expect(drawer.getByTestId('history')).toContainText('Checked in')
  await expect(drawer.getByTestId('history')).toContainText('Service started')

  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/day/${date}$`))
  const card = page.locator(`[data-testid="appointment"][data-uid="${uid}"]`)
  await expect(card).toBeFocused()
  await expect(card).toContainText('Done')
  expect((await world.appointmentAtDesk(uid)).visitState).toBe('DONE')
})

test('cancel with a reason: shown at once, waiting to sync, then cancelled in Cal.com', async ({
  page,
}) => {
  const { uid, date } = await booked('haircut', 'Carl Cancel')
  await openDesk(page, world, `/day/${date}/appointment/${uid}`)
  const drawer = page.getByTestId('appointment-drawer')
  await drawer.getByRole('button', { name: 'Cancel appointment' }).click()
  const dialog = page.getByTestId('cancel-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel the appointment' })).toBeDisabled()
  await expectAccessible(page, 'the cancel dialog')
  await dialog.getByLabel(/Reason/).fill('Client is ill')
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/${uid}/cancel`))
  await dialog.getByRole('button', { name: 'Cancel the appointment' }).click()
  // The desk answered at once with the queued change, which the drawer shows as it is.
  const queued = await (await answer).json()
  expect(queued.appointment).toMatchObject({ status: 'CANCELLED', syncState: 'pending' })
  await expect(dialog).toBeHidden()
  await expect(drawer.getByTestId('drawer-status')).toHaveText('Cancelled')
  const card = page.locator(`[data-testid="appointment"][data-uid="${uid}"]`)
  await expect(card).toContainText('Reason: Client is ill')
  await until('Cal.com cancelled it', async () => (await calcomStatus(uid)) === 'cancelled', 20_000)
  await expect(drawer.getByTestId('drawer-sync')).toHaveCount(0, { timeout: 20_000 })
  expect((await world.appointmentAtDesk(uid)).cancellationReason).toBe('Client is ill')
})

test('reschedule through the slot picker', async ({ page }) => {
  const { uid, date, start, appointment } = await booked('haircut', 'Rosa Move')
  await openDesk(page, world, `/day/${date}/appointment/${uid}`)
  const drawer = page.getByTestId('appointment-drawer')
  await drawer.getByRole('button', { name: 'Reschedule' }).click()
  const dialog = page.getByTestId('reschedule-dialog')
  // The picker offers the appointment's own staff member's free times: move to another day on
  // which they have one (the sandbox's seeded days can keep one host busy all day while the
  // service is still free with another).
  const zone = world.account.timeZone
  const days = [...new Set((await world.freeSlots('haircut')).map((s) => dayOf(s, zone)))].filter(
    (d) => d !== date,
  )
  let target: string | undefined
  for (const day of days) {
    const { slots } = await world.get<DaySlots>(
      `/api/slots?date=${day}&eventTypeId=${appointment.eventType!.id}&staffId=${appointment.staffId}`,
    )
    if (slots.length > 0) {
      target = day
      break
    }
  }
  if (!target)
    throw new Error(`staff member ${appointment.staffId} has no free time in the coming week`)
  await dialog.getByLabel('Day').fill(target)
  const picker = dialog.getByTestId('slot-picker')
  await expect(picker.getByRole('radio').first()).toBeVisible({ timeout: 15_000 })
  await expectAccessible(page, 'the reschedule dialog')
  const radios = picker.getByRole('radio')
  const last = radios.nth((await radios.count()) - 1)
  const label = (await last.locator('..').textContent())!.trim()
  await last.check({ force: true })
  await dialog.getByRole('button', { name: `Move to ${label}` }).click()
  await expect(dialog).toBeHidden()
  await expect(drawer.getByTestId('drawer-time')).toContainText(label)
  await until(
    'Cal.com moved the booking',
    async () => {
      const bookings = await world.calcomBookings()
      const moved = bookings.find(
        (b) => b.attendees[0]?.name === 'Rosa Move' && b.status === 'accepted' && b.start !== start,
      )
      return moved !== undefined
    },
    20_000,
  )
})

test('confirm one pending booking and decline another with a reason', async ({ page }) => {
  const first = await booked('full-colour', 'Paula Pending')
  const second = await booked('full-colour', 'Dora Decline', first.date)
  expect(first.appointment.status).toBe('PENDING')

  await openDesk(page, world, `/day/${first.date}/appointment/${first.uid}`)
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer.getByTestId('drawer-status')).toHaveText('Pending')
  await drawer.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(drawer.getByTestId('drawer-status')).toHaveText('Scheduled')
  await until(
    'Cal.com accepted it',
    async () => (await calcomStatus(first.uid)) === 'accepted',
    20_000,
  )

  await page.goto(`${world.desk.url}/#/day/${second.date}/appointment/${second.uid}`)
  await expect(drawer.getByTestId('drawer-status')).toHaveText('Pending')
  await drawer.getByRole('button', { name: 'Decline booking' }).click()
  const dialog = page.getByTestId('decline-dialog')
  await expectAccessible(page, 'the decline dialog')
  await dialog.getByLabel(/Reason/).fill('Colourist away that day')
  await dialog.getByRole('button', { name: 'Decline the booking' }).click()
  await expect(drawer.getByTestId('drawer-status')).toHaveText('Declined')
  await until(
    'Cal.com rejected it',
    async () => (await calcomStatus(second.uid)) === 'rejected',
    20_000,
  )
})
