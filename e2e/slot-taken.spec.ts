// A slot taken meanwhile: the receptionist has the free times on screen when a client takes one
// of them on Cal.com's booking page (its webhook not at the desk yet). Booked anyway, the desk
// keeps the booking, Cal.com refuses it, and the card, the drawer and the Needs attention list
// say why in plain words, with the badge counting it; Discard, after its question, takes it off
// the list and leaves it on the day only as never booked.
import { expect, test } from '@playwright/test'
import type { Staff } from '../src/shared/api/schemas'
import { expectAccessible } from './axe'
import { pickDay } from './day-picker'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

test('a time Cal.com gave to someone else meanwhile ends in Needs attention, then is discarded', async ({
  page,
}) => {
  const zone = world.account.timeZone
  const today = dayOf(new Date().toISOString(), zone)
  const free = (await world.freeSlots('haircut', 8)).filter((s) => dayOf(s, zone) > today)
  // A time two people are free at: once one of them is taken, Cal.com still offers the time
  // for the service, so the desk cannot tell before Cal.com refuses this person.
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

  // Meanwhile, on Cal.com's page, a client takes that time with that person; Cal.com's webhook
  // about it is late, so the desk does not know yet.
  const late = await fetch(`${world.sandbox.url}/_sandbox/faults/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'delay', count: 1, delayMs: 120_000 }),
  })
  expect(late.status).toBe(201)
  await world.publicBooking({
    eventSlug: 'haircut',
    start: start!,
    name: 'Quinn Quicker',
    hostId: host!.id,
  })

  await picker
    .locator('label')
    .filter({ has: page.locator(`input[value="${start}"]`) })
    .click()
  await expect(picker.locator(`input[value="${start}"]`)).toBeChecked()
  const name = dialog.getByRole('combobox', { name: 'Client name' })
  await name.fill('Rita Refused')
  // The suggestions' list is open ("no past client by that name"), which hides the rest of the
  // dialog from assistive technology until it closes; a click on Book still books at once.
  await dialog.getByRole('button', { name: 'Book', includeHidden: true }).click()
  await expect(dialog).toHaveCount(0)

  // Kept at the desk, and marked once Cal.com refused it.
  const card = page
    .locator(`[data-testid="staff-column"][data-staff-id="${member.id}"]`)
    .locator('[data-testid="appointment"]')
    .filter({ hasText: 'Rita Refused' })
  await expect(card).toContainText('Needs attention', { timeout: 20_000 })
  const badge = page.getByTestId('attention-count')
  await expect(badge).toHaveAttribute('data-count', '1')
  await expect(badge).toContainText('1 needs attention')

  // The drawer says why.
  await card.click()
  const refused = page.getByTestId('drawer-refused')
  await expect(refused).toContainText('Someone else took this time in Cal.com first.')
  await expectAccessible(page, 'the drawer of a refused booking')

  // The list says why too; Discard asks first, then the booking is gone from the desk.
  await refused.getByRole('link').click()
  const row = page.getByTestId('attention-row').filter({ hasText: 'Rita Refused' })
  await expect(row.getByTestId('attention-reason')).toHaveText(
    'Someone else took this time in Cal.com first.',
  )
  await expectAccessible(page, 'the needs attention list')
  // Send again goes: the desk takes it (no "check what you typed"), Cal.com refuses it again,
  // and it is back in the list.
  await row.getByRole('button', { name: /^Send again/ }).click()
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
