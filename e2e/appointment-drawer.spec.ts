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
async function booked(
  eventSlug: 'haircut' | 'full-colour',
  name: string,
  takes: (day: string) => boolean = () => true,
) {
  const zone = world.account.timeZone
  const start = (await world.freeSlots(eventSlug, 10)).find((s) => takes(dayOf(s, zone)))!
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
  // The branch's zone as its city, not its IANA id.
  await expect(drawer.getByTestId('drawer-time')).toContainText('(Toronto time)')
  await expect(drawer.getByTestId('drawer-time')).not.toContainText('America/')
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

test('a long email address breaks inside the drawer, never past its edge', async ({ page }) => {
  // The sandbox's booking page makes the email of the name: 61 characters, with no space.
  const { uid, date } = await booked('haircut', 'Maximiliana Wolfeschlegelsteinhausen Bergerdorff')
  await openDesk(page, world, `/day/${date}/appointment/${uid}`)
  const drawer = page.getByTestId('appointment-drawer')
  const email = drawer.getByText('maximiliana.wolfeschlegelsteinhausen.bergerdorff@example.com')
  await expect(email).toBeVisible()
  const [box, edge] = [await email.boundingBox(), await drawer.boundingBox()]
  expect(box!.x + box!.width).toBeLessThanOrEqual(edge!.x + edge!.width)
  await expectAccessible(page, 'the drawer with a long email', '[data-testid="appointment-drawer"]')
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
  await expect(drawer.getByTestId('drawer-no-actions')).toHaveText(
    'Nothing left to do for this appointment.',
  )
  // The button that opened the dialog is gone: focus stays in the drawer, not on the page.
  await expect(drawer).toBeFocused()
  const card = page.locator(`[data-testid="appointment"][data-uid="${uid}"]`)
  await expect(card).toContainText('Reason: Client is ill')
  await until('Cal.com cancelled it', async () => (await calcomStatus(uid)) === 'cancelled', 20_000)
  await expect(drawer.getByTestId('drawer-sync')).toHaveCount(0, { timeout: 20_000 })
  expect((await world.appointmentAtDesk(uid)).cancellationReason).toBe('Client is ill')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
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
  const second = await booked('full-colour', 'Dora Decline', (day) => day !== first.date)
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

/** Minutes after midnight of `instant` on the branch's wall clock. */
function wallMinute(instant: string) {
  const [h, m] = new Intl.DateTimeFormat('en-GB', {
    timeZone: world.account.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(instant))
    .split(':')
    .map(Number)
  return h! * 60 + m!
}
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

/** A booking's staff member's free times for its service on `date` (the reschedule picker's). */
async function staffFreeTimes(
  appointment: { eventType: { id: number } | null; staffId: number | null },
  date: string,
) {
  const { slots } = await world.get<DaySlots>(
    `/api/slots?date=${date}&eventTypeId=${appointment.eventType!.id}&staffId=${appointment.staffId}`,
  )
  return slots
}

/** Presses the card, drags it `minutes` down its column (up when negative), and lets go. */
async function dragCard(
  page: Page,
  uid: string,
  minutes: number,
  beforeRelease?: () => Promise<void>,
) {
  const box = (await page.locator(`[data-testid="appointment"][data-uid="${uid}"]`).boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + Math.min(10, box.height / 2)
  await page.mouse.move(x, y)
  await page.mouse.down()
  // 1.6 px a minute (features/day/day-layout.ts), in a few steps as a hand would.
  await page.mouse.move(x, y + minutes * 0.8, { steps: 4 })
  await page.mouse.move(x, y + minutes * 1.6, { steps: 4 })
  await beforeRelease?.()
  await page.mouse.up()
}

test.describe('dragging a card to another time', () => {
  test('drops on a free time: the reschedule dialog opens with it chosen, and Cal.com moves it', async ({
    page,
  }) => {
    // A day past the sandbox's seeded week (4 days on from today), and so still free around the
    // booking: in the seeded days the staff member's other times may all be taken.
    const quiet = dayOf(new Date(Date.now() + 5 * 86_400_000).toISOString(), world.account.timeZone)
    const { uid, date, start, appointment } = await booked(
      'haircut',
      'Drew Drag',
      (d) => d >= quiet,
    )
    const slots = await staffFreeTimes(appointment, date)
    const from = wallMinute(start)
    // The nearest other free time on a quarter hour: where a drop lands.
    const target = slots
      .map(wallMinute)
      .filter((m) => m !== from && m % 15 === 0)
      .sort((a, b) => Math.abs(a - from) - Math.abs(b - from))[0]
    if (target === undefined) throw new Error(`no other free time on ${date} for this staff member`)

    await openDesk(page, world, `/day/${date}`)
    // Tall enough for the whole day, so the drop is inside the window.
    await page.setViewportSize({ width: 1366, height: 1500 })
    await dragCard(page, uid, target - from, async () => {
      await expect(page.getByTestId('drag-ghost')).toContainText(`${hhmm(target)}–`)
      await expect(page.getByTestId('drag-ghost')).toContainText('Drew Drag')
    })
    await expect(page.getByTestId('drag-ghost')).toHaveCount(0)
    await expect(page).toHaveURL(new RegExp(`#/day/${date}/appointment/${uid}$`))
    const dialog = page.getByTestId('reschedule-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: hhmm(target) })).toBeChecked({
      timeout: 15_000,
    })
    await expectAccessible(page, 'the reschedule dialog opened by a drop')
    await dialog.getByRole('button', { name: `Move to ${hhmm(target)}` }).click()
    await expect(dialog).toBeHidden()
    // At once on the grid, at the new time (waiting to sync until Cal.com has it).
    await expect(
      page.locator('[data-testid="appointment"]', { hasText: 'Drew Drag' }).filter({
        has: page.getByTestId('appointment-time').getByText(new RegExp(`^${hhmm(target)}`)),
      }),
    ).toHaveCount(1)
    await until(
      'Cal.com moved the booking',
      async () =>
        (await world.calcomBookings()).some(
          (b) =>
            b.attendees[0]?.name === 'Drew Drag' &&
            b.status === 'accepted' &&
            wallMinute(b.start) === target,
        ),
      20_000,
    )
    // Cal.com made a new booking for the new time: the drawer, still on the old one, leads to it.
    const drawer = page.getByTestId('appointment-drawer')
    await expect(drawer.getByTestId('drawer-status')).toHaveText('Rescheduled', { timeout: 20_000 })
    const moved = drawer.getByTestId('drawer-moved')
    await expect(moved).toContainText('Moved to')
    await expect(moved).toContainText(hhmm(target))
    await moved.getByRole('link', { name: 'Open the new booking' }).click()
    await expect(drawer.getByTestId('drawer-status')).toHaveText('Scheduled')
    await expect(drawer.getByTestId('drawer-time')).toContainText(hhmm(target))
    await expect(drawer.getByTestId('drawer-moved')).toContainText(`Moved here from`)
    await expect(drawer.getByTestId('drawer-moved')).toContainText(hhmm(from))
  })

  test('a drop where the staff member is not free says so; Esc while dragging moves nothing', async ({
    page,
  }) => {
    const { uid, date, start, appointment } = await booked('haircut', 'Nora Notfree')
    const slots = await staffFreeTimes(appointment, date)
    const from = wallMinute(start)
    const free = new Set(slots.map(wallMinute))
    await openDesk(page, world, `/day/${date}`)
    await page.setViewportSize({ width: 1366, height: 1500 })
    const window = (await page.getByTestId('day-board').getAttribute('data-window'))!
    // "08:00-20:00": the hours the grid shows, where a drop can land.
    const [opens, closes] = window
      .split('-')
      .map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)))
    // A quarter hour of the grid on which this staff member has no free time for a haircut.
    const busy = [] as number[]
    for (let m = opens!; m + 30 <= closes!; m += 15) if (m !== from && !free.has(m)) busy.push(m)
    busy.sort((a, b) => Math.abs(a - from) - Math.abs(b - from))
    const target = busy[0]
    if (target === undefined) throw new Error(`the staff member is free all of ${date}`)

    // Esc while dragging: the card stays, nothing opens.
    await dragCard(page, uid, target - from, async () => {
      await expect(page.getByTestId('drag-ghost')).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('drag-ghost')).toHaveCount(0)
    })
    await expect(page).toHaveURL(new RegExp(`#/day/${date}$`))
    await expect(page.getByTestId('reschedule-dialog')).toHaveCount(0)
    // The next plain click still opens the card: nothing of the drag is left to swallow it.
    await page.locator(`[data-testid="appointment"][data-uid="${uid}"]`).click()
    await expect(page).toHaveURL(new RegExp(`#/day/${date}/appointment/${uid}$`))
    await expect(page.getByTestId('reschedule-dialog')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL(new RegExp(`#/day/${date}$`))

    await dragCard(page, uid, target - from)
    const dialog = page.getByTestId('reschedule-dialog')
    await expect(dialog.getByTestId('wanted-not-free')).toContainText(
      `${hhmm(target)} is not free for this service with this staff member on this day`,
      { timeout: 15_000 },
    )
    await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(0)
    await expect(dialog.getByRole('button', { name: 'Pick a time' })).toBeDisabled()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    // Nothing was moved: the booking is where it was, at the desk and in Cal.com.
    expect((await world.appointmentAtDesk(uid)).start).toBe(start)
  })
})
