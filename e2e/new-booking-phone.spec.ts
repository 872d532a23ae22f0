// A phone booking by mouse, against the sandbox through the relay: N, the service, a staff
// member, a day from the calendar and one of its free times, a past client found by typing part
// of their name (their phone and email come with them), Book. The card shows on that day at once
// and the booking reaches Cal.com. axe on the dialog, the calendar and the suggestions. Then the
// same booking with the keyboard alone. Then a service a walk-in cannot have (the bridal trial,
// 48 hours' notice): a phone booking offers it, with exactly Cal.com's times after the notice.
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { ClientSuggestion } from '../src/shared/api/client-suggestions'
import type { Staff } from '../src/shared/api/schemas'
import { expectAccessible } from './axe'
import { pickDay } from './day-picker'
import {
  aTuesdayMorning,
  dayOf,
  openDesk,
  startFrontDeskWorld,
  type FrontDeskWorld,
} from './front-desk-world'

/** What the page's elements offer here (the tests project has no DOM types). */
interface Attributed {
  getAttribute(name: string): string | null
}
interface InDocument {
  ownerDocument: { activeElement: unknown }
}

// A Tuesday morning, at the sandbox, the desk and the page alike: what a walk-in can have (and the
// day's free times) do not depend on the hour the tests run at.
const NOW = aTuesdayMorning()
let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ now: NOW })
})
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW))
})
test.afterAll(() => world.close())

/** A client the branch has seen, with an email, as the desk would suggest them. */
async function pastClient(): Promise<ClientSuggestion> {
  for (const first of ['Olivia', 'Ethan', 'Mateo', 'Amara', 'Lucas', 'Hannah', 'Priya', 'Felix']) {
    const found = await world.get<ClientSuggestion[]>(`/api/clients/suggestions?q=${first}`)
    const withEmail = found.find((c) => c.email)
    if (withEmail) return withEmail
  }
  throw new Error('the sandbox seeded no past client the desk can suggest')
}

test('a phone booking for a past client, by mouse, shows on its day and reaches Cal.com', async ({
  page,
}) => {
  const client = await pastClient()
  const zone = world.account.timeZone
  // A day after today with free haircut times.
  const today = dayOf(NOW, zone)
  const free = await world.freeSlots('haircut', 8)
  const date = free.map((s) => dayOf(s, zone)).find((d) => d > today)!
  expect(date).toBeDefined()
  // Someone who works that day (the desk cannot know one person's hours: Cal.com decides).
  const staffName = world.account.staff
    .map((s) => s.name)
    .find((n) => free.some((s) => dayOf(s, zone) === date && world.hostTakes('haircut', n, s)))!
  expect(staffName).toBeDefined()

  await openDesk(page, world, '/')
  await page.keyboard.press('n')
  const dialog = page.getByTestId('new-booking')
  await expect(dialog).toBeVisible()
  await dialog.getByText('Phone booking').click()

  await dialog.getByTestId('booking-service').getByRole('button').click()
  await page.getByRole('option', { name: /^Haircut & style/ }).click()
  await dialog.getByTestId('booking-staff').getByRole('button').click()
  await page.getByRole('option', { name: staffName }).click()
  // The select's button shows the choice (the select itself also holds every name, hidden).
  await expect(dialog.getByTestId('booking-staff').getByRole('button')).toContainText(staffName)

  await pickDay(page, 'booking-day', date)
  await expectAccessible(page, 'the new booking dialog, phone', '[data-testid="new-booking"]')
  const picker = dialog.getByTestId('slot-picker')
  await expect(picker).toBeVisible()
  await expect(dialog.getByTestId('slots-stale')).toHaveCount(0)
  // The desk offers the service's free times; the first one Cal.com gives this person.
  const offered = await picker
    .getByRole('radio')
    .evaluateAll((radios) => radios.map((r) => (r as unknown as Attributed).getAttribute('value')!))
  const index = offered.findIndex((s) => world.hostTakes('haircut', staffName, s))
  expect(index).toBeGreaterThanOrEqual(0)
  const start = offered[index]!
  const time = (await picker.locator('label').nth(index).textContent())!.trim()
  expect(dayOf(start, zone)).toBe(date)
  await picker.locator('label').nth(index).click()
  await expect(picker.getByRole('radio').nth(index)).toBeChecked()

  const name = dialog.getByRole('combobox', { name: 'Client name' })
  await name.click()
  await name.pressSequentially(client.name.slice(0, 4))
  const suggestion = page.getByRole('option', { name: new RegExp(`^${client.name}`) }).first()
  await expect(suggestion).toBeVisible()
  await expectAccessible(page, 'the client suggestions', '[role="listbox"]')
  await suggestion.click()
  await expect(name).toHaveValue(client.name)
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(client.email!)
  await expect(dialog.getByRole('textbox', { name: 'Phone' })).toHaveValue(client.phone ?? '')

  await dialog.getByRole('button', { name: 'Book' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page).toHaveURL(new RegExp(`#/day/${date}$`))
  const member = (await world.get<Staff[]>('/api/staff')).find((s) => s.name === staffName)!
  const column = page.locator(`[data-testid="staff-column"][data-staff-id="${member.id}"]`)
  const card = column
    .locator('[data-testid="appointment"]')
    .filter({ hasText: client.name })
    .filter({ has: page.getByTestId('appointment-time').getByText(time) })
  await expect(card).toHaveCount(1)

  // Cal.com has it, for that client at that time, and the card loses its waiting mark.
  await expect
    .poll(async () =>
      (await world.calcomBookings()).some(
        (b) =>
          b.start === start &&
          b.status === 'accepted' &&
          b.attendees.some((a) => a.name === client.name),
      ),
    )
    .toBe(true)
  await expect(card).not.toContainText('Waiting to sync')
  await expect(card).toHaveCount(1)
})

/** Presses Tab (or Shift+Tab) until one of `target`'s elements has the focus. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 40) {
  for (let i = 0; i < limit; i++) {
    const there = await target.evaluateAll((els) =>
      els.some((el) => el === (el as unknown as InDocument).ownerDocument.activeElement),
    )
    if (there) return
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${target}`)
}

test('a phone booking for a past client with the keyboard alone', async ({ page }) => {
  const client = await pastClient()
  const zone = world.account.timeZone
  const today = dayOf(NOW, zone)
  const free = await world.freeSlots('haircut', 8)
  const date = free.map((s) => dayOf(s, zone)).find((d) => d > today)!
  const staffName = world.account.staff
    .map((s) => s.name)
    .find((n) => free.some((s) => dayOf(s, zone) === date && world.hostTakes('haircut', n, s)))!

  await openDesk(page, world, '/')
  await page.keyboard.press('n')
  const dialog = page.getByTestId('new-booking')
  const name = dialog.getByRole('combobox', { name: 'Client name' })
  await expect(name).toBeFocused()

  // Back to the kind of booking; → makes it a phone booking.
  await tabTo(page, dialog.getByRole('radio', { name: 'Walk-in' }), 'Shift+Tab')
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'Phone booking' })).toBeChecked()

  // The service and the person: ↓ opens each list, typing finds the entry, Enter takes it. Each
  // list can be opened once it is there (its select is disabled while it loads).
  const serviceButton = dialog.getByTestId('booking-service').getByRole('button')
  await expect(serviceButton).toBeEnabled()
  await tabTo(page, serviceButton)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type('Haircut')
  await page.keyboard.press('Enter')
  await expect(serviceButton).toContainText('Haircut & style')
  const staffButton = dialog.getByTestId('booking-staff').getByRole('button')
  await expect(staffButton).toBeEnabled()
  await tabTo(page, staffButton)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type(staffName)
  await page.keyboard.press('Enter')
  await expect(staffButton).toContainText(staffName)

  // The day, typed into the date field (month, day, year in English).
  await tabTo(page, dialog.getByTestId('booking-day').getByRole('spinbutton').first())
  const [year, month, day] = date.split('-')
  await page.keyboard.type(`${month}${day}${year}`)
  const picker = dialog.getByTestId('slot-picker')
  await expect(picker).toBeVisible()
  const radios = picker.getByRole('radio')
  await expect(radios.first()).toHaveAttribute('value', new RegExp(`^${date.slice(0, 8)}`))
  const offered = await radios.evaluateAll((rs) =>
    rs.map((r) => (r as unknown as Attributed).getAttribute('value')!),
  )
  const start = offered.find(
    (s) => dayOf(s, zone) === date && world.hostTakes('haircut', staffName, s),
  )!
  expect(start).toBeDefined()

  // A free time: Space takes the focused one, → moves to the next.
  await tabTo(page, radios)
  await page.keyboard.press('Space')
  for (let i = 0; i < offered.length; i++) {
    if (await picker.locator(`input[value="${start}"]`).isChecked()) break
    await page.keyboard.press('ArrowRight')
  }
  await expect(picker.locator(`input[value="${start}"]`)).toBeChecked()

  // The client: type part of the name, ↓ to the suggestion, Enter takes it, Enter books.
  await tabTo(page, name)
  await page.keyboard.type(client.name.slice(0, 4))
  await expect(
    page.getByRole('option', { name: new RegExp(`^${client.name}`) }).first(),
  ).toBeVisible()
  let chosen = false
  for (let i = 0; i < 8 && !chosen; i++) {
    await page.keyboard.press('ArrowDown')
    const focused = page.locator('[role="option"][data-focused]')
    chosen = ((await focused.textContent()) ?? '').startsWith(client.name)
  }
  expect(chosen).toBe(true)
  await page.keyboard.press('Enter')
  await expect(name).toHaveValue(client.name)
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(client.email!)
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)

  await expect(page).toHaveURL(new RegExp(`#/day/${date}$`))
  await expect(
    page.locator('[data-testid="appointment"]').filter({ hasText: client.name }).first(),
  ).toBeVisible()
  await expect
    .poll(async () =>
      (await world.calcomBookings()).some(
        (b) => b.start === start && b.attendees.some((a) => a.name === client.name),
      ),
    )
    .toBe(true)
})

test('a phone booking offers every service, and one needing notice only the times Cal.com gives after it', async ({
  page,
}) => {
  const zone = world.account.timeZone
  await openDesk(page, world, '/')
  await page.keyboard.press('n')
  const dialog = page.getByTestId('new-booking')
  const service = dialog.getByTestId('booking-service')
  await dialog.getByText('Phone booking').click()

  // Every service can be phoned in, the bridal trial (48 hours' notice) too.
  await service.getByRole('button').click()
  await expect(page.getByRole('option')).toHaveCount(world.account.eventTypes.length)
  await expect(page.locator('[role="option"][aria-disabled="true"]')).toHaveCount(0)
  await page.getByRole('option', { name: /^Bridal hair trial/ }).click()
  await expect(service.getByRole('button')).toContainText('Bridal hair trial')

  // Today has no time for it; its first day with one offers what Cal.com offers, all after the
  // notice: the desk neither adds times inside it nor hides any after it.
  await expect(dialog.getByTestId('no-slots')).toBeVisible()
  const free = await world.freeSlots('bridal-trial', 8)
  const { now } = (await (await fetch(`${world.sandbox.url}/_sandbox/clock`)).json()) as {
    now: string
  }
  expect(free.length).toBeGreaterThan(0)
  expect(free.every((s) => Date.parse(s) >= Date.parse(now) + 48 * 3_600_000)).toBe(true)
  const date = dayOf(free[0]!, zone)
  await pickDay(page, 'booking-day', date)
  const radios = dialog.getByTestId('slot-picker').getByRole('radio')
  await expect(radios.first()).toBeVisible()
  const offered = await radios.evaluateAll((rs) =>
    rs.map((r) => (r as unknown as Attributed).getAttribute('value')!),
  )
  expect(offered.map((s) => new Date(s).toISOString())).toEqual(
    free.filter((s) => dayOf(s, zone) === date),
  )

  // A walk-in cannot have it: Walk-in shows the walk-in's service (on a Tuesday morning, the
  // haircut: an hour's notice, the shortest), Phone booking brings it back.
  await dialog.getByText('Walk-in').click()
  await expect(service.getByRole('button')).toContainText('Haircut & style')
  await expect(dialog.getByTestId('walk-in-slot')).toContainText('Next free time')
  await dialog.getByText('Phone booking').click()
  await expect(service.getByRole('button')).toContainText('Bridal hair trial')
})
