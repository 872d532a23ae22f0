// A slot taken meanwhile: the receptionist has the free times on screen when a client takes one
// of them on Cal.com's booking page (its webhook not at the desk yet). Booked anyway, the desk
// keeps the booking, Cal.com refuses it, and the card, the drawer and the Needs attention list
// say why in plain words, with the badge counting it. There the main action is "Choose another
// time" (Send again can only be refused again): with the drawer's slot picker, keyboard alone, the
// receptionist picks another time and Cal.com books it then; the row also opens the booking's
// drawer. Or Discard, after its question, takes it off the list and leaves it on the day only as
// never booked. The drawer's own Reschedule of such a booking sends it again for the new time too.
// Checked in since, it still offers another time; cancelled since, Send again alone (the desk
// says which, canTakeAnotherTime), in English and Spanish.
import { expect, test, type Page } from '@playwright/test'
import type { Staff } from '../src/shared/api/schemas'
import { expectAccessible } from './axe'
import { pickDay } from './day-picker'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

/** Starts already used: each test's client takes a time of its own. */
const used = new Set<string>()

/**
 * A phone booking for `client` with a staff member at a time another member is free too, which a
 * client takes with that member on Cal.com's page while the desk's booking waits to reach Cal.com
 * (Cal.com answering 500 for a moment): Cal.com refuses the desk's booking, and its card says so.
 * (Taken before Book, the desk's own check of the member's free times refuses it at once.)
 */
async function refusedPhoneBooking(page: Page, client: string) {
  const zone = world.account.timeZone
  const today = dayOf(new Date().toISOString(), zone)
  const free = (await world.freeSlots('haircut', 8)).filter(
    (s) => dayOf(s, zone) > today && !used.has(s),
  )
  // A time two people are free at: once one of them is taken, Cal.com still offers the time
  // for the service.
  const takes = (name: string, at: string) => world.hostTakes('haircut', name, at)
  const staff = world.account.staff
  let host: (typeof staff)[number] | undefined
  let start: string | undefined
  for (const at of free) {
    host = staff.find((h) => takes(h.name, at) && staff.some((o) => o !== h && takes(o.name, at)))
    if (host) {
      start = at
      break
    }
  }
  expect(host && start).toBeTruthy()
  used.add(start!)
  const date = dayOf(start!, zone)
  const member = (await world.get<Staff[]>('/api/staff')).find((s) => s.name === host!.name)!

  await openDesk(page, world, `/day/${date}`)
  await page.getByTestId('new-booking-button').click()
  const dialog = page.getByTestId('new-booking')
  await dialog.getByText('Phone booking').click()
  await dialog.getByTestId('booking-service').getByRole('button').click()
  await page.getByRole('option', { name: /^Haircut & style/ }).click()
  await dialog.getByTestId('booking-staff').getByRole('button').click()
  await page.getByRole('option', { name: host!.name }).click()
  await pickDay(page, 'booking-day', date)
  const picker = dialog.getByTestId('slot-picker')
  await expect(picker).toBeVisible()
  await expect(picker.locator(`input[value="${start}"]`)).toHaveCount(1)

  await picker
    .locator('label')
    .filter({ has: page.locator(`input[value="${start}"]`) })
    .click()
  await expect(picker.locator(`input[value="${start}"]`)).toBeChecked()
  const name = dialog.getByRole('combobox', { name: 'Client name' })
  await name.fill(client)
  // Cal.com takes no booking for a moment: the desk's waits in its outbox.
  const down = await fetch(`${world.sandbox.url}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'http500', count: 100_000, pathPrefix: '/v2/bookings' }),
  })
  expect(down.status).toBe(201)
  // The suggestions' list is open ("no past client by that name"), which hides the rest of the
  // dialog from assistive technology until it closes; a click on Book still books at once.
  await dialog.getByRole('button', { name: 'Book', includeHidden: true }).click()
  await expect(dialog).toHaveCount(0)

  // Meanwhile, on Cal.com's page, a client takes that time with that person; Cal.com's webhook
  // about it is late, so the desk does not know yet. Then Cal.com answers again.
  const late = await fetch(`${world.sandbox.url}/_sandbox/faults/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'delay', count: 1, delayMs: 120_000 }),
  })
  expect(late.status).toBe(201)
  await world.publicBooking({
    eventSlug: 'haircut',
    start: start!,
    name: `Quinn Quicker ${used.size}`,
    hostId: host!.id,
  })
  // Its delivery is already held back; clearing the faults lets Cal.com's API answer again.
  const up = await fetch(`${world.sandbox.url}/_sandbox/faults`, { method: 'DELETE' })
  expect(up.status).toBe(200)

  // Kept at the desk, and marked once Cal.com refused it.
  const card = page
    .locator(`[data-testid="staff-column"][data-staff-id="${member.id}"]`)
    .locator('[data-testid="appointment"]')
    .filter({ hasText: client })
  await expect(card).toContainText('Needs attention', { timeout: 20_000 })
  return { date, start: start!, host: host!, member, card }
}

test('a time Cal.com gave to someone else meanwhile ends in Needs attention, then is discarded', async ({
  page,
}) => {
  const { date, card } = await refusedPhoneBooking(page, 'Rita Refused')
  const badge = page.getByTestId('attention-count')
  await expect(badge).toHaveAttribute('data-count', '1')
  await expect(badge).toContainText('1 needs attention')

  // The drawer says why.
  await card.click()
  const refused = page.getByTestId('drawer-refused')
  await expect(refused).toContainText('Someone else took this time in Cal.com first.')
  await expectAccessible(page, 'the drawer of a refused booking')

  // The list says why too; its main button is another time, since this one is gone.
  await refused.getByRole('link').click()
  const row = page.getByTestId('attention-row').filter({ hasText: 'Rita Refused' })
  await expect(row.getByTestId('attention-reason')).toHaveText(
    'Someone else took this time in Cal.com first.',
  )
  const another = row.getByRole('button', {
    name: 'Choose another time: New booking: Rita Refused',
  })
  const sendAgain = row.getByRole('button', { name: 'Send again: New booking: Rita Refused' })
  await expect(another).toHaveClass(/button--primary/)
  await expect(sendAgain).not.toHaveClass(/button--primary/)
  await expectAccessible(page, 'the needs attention list')
  // Send again goes: the desk takes it (no "check what you typed"), Cal.com refuses it again,
  // and it is back in the list.
  await sendAgain.click()
  await expect(page.getByTestId('attention-done')).toHaveText(
    'Sent again: New booking: Rita Refused. It is waiting to sync.',
  )
  await expect(row.getByTestId('attention-reason')).toHaveText(
    'Someone else took this time in Cal.com first.',
    { timeout: 20_000 },
  )
  await row.getByRole('button', { name: /^Discard/ }).click()
  const ask = page.getByTestId('discard-dialog')
  await expect(ask).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await expectAccessible(page, 'the discard question', '[data-testid="discard-dialog"]')
  await ask.getByRole('button', { name: 'Yes, discard' }).click()
  await expect(ask).toHaveCount(0)
  await expect(row).toHaveCount(0)
  await expect(badge).toHaveAttribute('data-count', '0')
  await expect(page.getByText('Nothing needs attention.')).toBeVisible()
  // The list is empty now: a line says what was done, and focus is on it, not lost to the page.
  const done = page.getByTestId('attention-done')
  await expect(done).toHaveText('Discarded: New booking: Rita Refused.')
  await expect(done).toBeFocused()

  // On the day it stays struck through, saying it was never booked, and no longer waits.
  await page.goto(`${world.desk.url}/?token=${world.desk.token}#/day/${date}`)
  await expect(page.getByTestId('day-board')).toHaveAttribute('data-date', date)
  const after = page.locator('[data-testid="appointment"]').filter({ hasText: 'Rita Refused' })
  await expect(after).toContainText('Cancelled')
  await expect(after).toContainText('Never booked')
  await expect(after).not.toContainText('Needs attention')
  const atCalcom = await world.calcomBookings()
  expect(atCalcom.some((b) => b.attendees.some((a) => a.name === 'Rita Refused'))).toBe(false)
})

test('from Needs attention the receptionist opens the booking, then picks another time with the keyboard, and Cal.com books it then', async ({
  page,
}) => {
  const { date, start, host } = await refusedPhoneBooking(page, 'Rosa Rebooked')
  const badge = page.getByTestId('attention-count')
  await expect(badge).toHaveAttribute('data-count', '1')
  await badge.click()
  const row = page.getByTestId('attention-row').filter({ hasText: 'Rosa Rebooked' })
  await expect(row.getByTestId('attention-reason')).toHaveText(
    'Someone else took this time in Cal.com first.',
  )

  // The row's booking opens its drawer, named for which appointment it is.
  const open = row.getByRole('link', {
    name: new RegExp(`^Open the appointment: Rosa Rebooked, Haircut & style · ${host.name}, .+`),
  })
  await open.click()
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer.getByRole('heading', { name: 'Rosa Rebooked' })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`#/day/${date}/appointment/local-`))
  await expect(drawer.getByTestId('drawer-refused')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)
  await badge.click()

  // Keyboard alone: from the booking's link to its main action, the day's free times with that
  // staff member, one of them, and Book.
  const another = row.getByRole('button', {
    name: 'Choose another time: New booking: Rosa Rebooked',
  })
  await expect(another).toHaveClass(/button--primary/)
  await expect(row.getByRole('button', { name: /^Send again/ })).not.toHaveClass(/button--primary/)
  await open.focus()
  await page.keyboard.press('Tab')
  await expect(another).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('reschedule-dialog')
  await expect(
    dialog.getByRole('heading', { name: 'Another time for Rosa Rebooked' }),
  ).toBeVisible()
  await expect(dialog.getByLabel('Day')).toBeFocused()
  const picker = dialog.getByTestId('slot-picker')
  await expect(picker.getByRole('radio').first()).toBeVisible()
  // The time Cal.com refused is not offered again.
  await expect(picker.locator(`input[value="${start}"]`)).toHaveCount(0)
  await expectAccessible(page, 'the another time dialog', '[data-testid="reschedule-dialog"]')
  await page.keyboard.press('Tab') // previous day
  await page.keyboard.press('Tab') // next day
  await page.keyboard.press('Tab') // the free times
  await page.keyboard.press('ArrowRight')
  const chosen = picker.locator('input:checked')
  await expect(chosen).toHaveCount(1)
  const newStart = (await chosen.getAttribute('value'))!
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: world.account.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(newStart))
  await page.keyboard.press('Tab')
  const book = dialog.getByRole('button', { name: `Book at ${time}` })
  await expect(book).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('attention-done')).toHaveText(
    new RegExp(
      `^Sent again for .+, ${time}: New booking: Rosa Rebooked\\. It is waiting to sync\\.$`,
    ),
  )
  await expect(row).toHaveCount(0)
  await expect(badge).toHaveAttribute('data-count', '0')

  // Cal.com holds it at the time picked, and the day shows it there, in sync.
  await expect
    .poll(
      async () =>
        (await world.calcomBookings())
          .filter((b) => b.attendees.some((a) => a.name === 'Rosa Rebooked'))
          .map((b) => ({ status: b.status, start: new Date(b.start).toISOString() })),
      { timeout: 20_000 },
    )
    .toEqual([{ status: 'accepted', start: newStart }])
  await page.goto(
    `${world.desk.url}/?token=${world.desk.token}#/day/${dayOf(newStart, world.account.timeZone)}`,
  )
  const card = page.locator('[data-testid="appointment"]').filter({ hasText: 'Rosa Rebooked' })
  await expect(card).toHaveAttribute('data-sync', 'synced', { timeout: 20_000 })
  await expect(card.getByTestId('appointment-time')).toHaveAttribute('dateTime', newStart)
})

test("the drawer's Reschedule of a refused booking sends it again for the new time, instead of queueing a move behind it", async ({
  page,
}) => {
  const { card, start } = await refusedPhoneBooking(page, 'Remy Moved')
  const badge = page.getByTestId('attention-count')
  await expect(badge).toHaveAttribute('data-count', '1')
  await card.click()
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer.getByTestId('drawer-refused')).toBeVisible()
  await drawer.getByRole('button', { name: 'Reschedule' }).click()
  const dialog = page.getByTestId('reschedule-dialog')
  const picker = dialog.getByTestId('slot-picker')
  await expect(picker.locator(`input[value="${start}"]`)).toHaveCount(0)
  await picker.locator('label').first().click()
  const newStart = (await picker.locator('input:checked').getAttribute('value'))!
  await dialog.getByRole('button', { name: /^Move to / }).click()
  await expect(dialog).toHaveCount(0)

  // Nothing is left needing attention, and Cal.com books it at the new time.
  await expect(badge).toHaveAttribute('data-count', '0')
  await expect
    .poll(
      async () =>
        (await world.calcomBookings())
          .filter((b) => b.attendees.some((a) => a.name === 'Remy Moved'))
          .map((b) => ({ status: b.status, start: new Date(b.start).toISOString() })),
      { timeout: 20_000 },
    )
    .toEqual([{ status: 'accepted', start: newStart }])
})

test('a refused booking the client came in for still takes another time from Needs attention, one cancelled since does not, in English and Spanish', async ({
  page,
  browser,
}) => {
  // The desk says which rows can take another time (canTakeAnotherTime); a check-in is the
  // desk's own and stands in nobody's way, a cancel would undo the new time.
  const drawer = page.getByTestId('appointment-drawer')
  const here = await refusedPhoneBooking(page, 'Cleo Checked')
  await here.card.click()
  await drawer.getByRole('button', { name: 'Check in' }).click()
  await expect(drawer.getByTestId('drawer-visit')).toContainText('Arrived')
  const gone = await refusedPhoneBooking(page, 'Cass Cancelled')
  await gone.card.click()
  await drawer.getByRole('button', { name: 'Cancel appointment' }).click()
  const cancel = page.getByTestId('cancel-dialog')
  await cancel.getByLabel(/Reason/).fill('Client called to cancel')
  await cancel.getByRole('button', { name: 'Cancel the appointment' }).click()
  await expect(cancel).toBeHidden()

  await drawer.getByTestId('drawer-refused').getByRole('link').click()
  const checkedIn = page.getByTestId('attention-row').filter({ hasText: 'Cleo Checked' })
  const another = checkedIn.getByRole('button', {
    name: 'Choose another time: New booking: Cleo Checked',
  })
  await expect(another).toHaveClass(/button--primary/)
  const cancelled = page.getByTestId('attention-row').filter({ hasText: 'Cass Cancelled' })
  await expect(cancelled.getByRole('button', { name: /^Send again/ })).toHaveClass(
    /button--primary/,
  )
  await expect(cancelled.getByRole('button', { name: /^Choose another time/ })).toHaveCount(0)
  await expectAccessible(page, 'needs attention with a checked-in and a cancelled booking')
  await page.screenshot({ path: test.info().outputPath('attention-another-time-en.png') })

  // The same rows in Spanish.
  const es = await browser.newContext({ locale: 'es-ES' })
  const pageEs = await es.newPage()
  await openDesk(pageEs, world, '/attention')
  const rowEs = (name: string) => pageEs.getByTestId('attention-row').filter({ hasText: name })
  await expect(
    rowEs('Cleo Checked').getByRole('button', {
      name: 'Elegir otra hora: Nueva cita: Cleo Checked',
    }),
  ).toHaveClass(/button--primary/)
  await expect(
    rowEs('Cass Cancelled').getByRole('button', { name: /^Elegir otra hora/ }),
  ).toHaveCount(0)
  await expectAccessible(pageEs, 'needs attention in Spanish')
  await pageEs.screenshot({ path: test.info().outputPath('attention-another-time-es.png') })
  await es.close()

  // It opens the slot picker (Cal.com booking it then is the keyboard test's, above). The
  // picker offers the member's own free times: the refused one was their last of that day when
  // earlier tests took the others, so a day on is where the next ones are.
  await another.click()
  const dialog = page.getByTestId('reschedule-dialog')
  await expect(dialog.getByRole('heading', { name: 'Another time for Cleo Checked' })).toBeVisible()
  const times = dialog.getByTestId('slot-picker').getByRole('radio')
  const none = dialog.getByText('No free time on this day.')
  for (let day = 0; day < 5; day++) {
    await expect(times.first().or(none)).toBeVisible()
    if ((await times.count()) > 0) break
    await dialog.getByRole('button', { name: /Next day/ }).click()
  }
  await expect(times.first()).toBeVisible()
})
