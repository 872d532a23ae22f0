// The day grid against the sandbox's seeded week, through the relay: cards sit in their staff
// member's column, and a booking made on Cal.com's public page appears without a reload.
import { expect, test } from '@playwright/test'
import type { DayView } from '../src/shared/api/schemas'
import { expectAccessible } from './axe'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

/** The busiest of the next seven branch days. */
async function busiestDay(): Promise<DayView> {
  const zone = world.account.timeZone
  let busiest: DayView | undefined
  for (let i = 0; i < 7; i++) {
    const date = dayOf(new Date(Date.now() + i * 86_400_000).toISOString(), zone)
    const view = await world.get<DayView>(`/api/appointments?date=${date}`)
    if (!busiest || view.appointments.length > busiest.appointments.length) busiest = view
  }
  return busiest!
}

test("the grid shows the sandbox's day in staff columns, in the branch zone", async ({
  page,
}, testInfo) => {
  const day = await busiestDay()
  expect(day.appointments.length).toBeGreaterThan(0)
  await openDesk(page, world, `/day/${day.date}`)
  expect(world.account.timeZone).toBe('America/Toronto')
  await expect(page.getByTestId('branch-zone')).toHaveText('Toronto time')
  await expect(page.getByTestId('day-board')).toHaveAttribute('data-date', day.date)

  for (const staff of day.staff) {
    await expect(
      page.locator(`[data-testid="staff-column"][data-staff-id="${staff.id}"]`),
    ).toBeVisible()
  }
  for (const a of day.appointments) {
    const column = page.locator(
      `[data-testid="staff-column"][data-staff-id="${a.staffId ?? 'unassigned'}"]`,
    )
    const card = column.locator(`[data-testid="appointment"][data-uid="${a.uid}"]`)
    await expect(card).toHaveCount(1)
    await expect(card).toContainText(a.attendee.name)
    const start = new Intl.DateTimeFormat('en-GB', {
      timeZone: day.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(a.start))
    await expect(card.getByTestId('appointment-time')).toContainText(start)
  }
  await expectAccessible(page, 'the day grid')
  await page.screenshot({ path: testInfo.outputPath('day-grid-1366.png') })
})

test('a public booking on Cal.com appears in the grid without a reload', async ({ page }) => {
  const [slot] = await world.freeSlots('haircut')
  expect(slot).toBeDefined()
  const date = dayOf(slot!, world.account.timeZone)
  await openDesk(page, world, `/day/${date}`)
  await expect(page.getByTestId('day-board')).toHaveAttribute('data-date', date)
  const navigations: string[] = []
  page.on('framenavigated', (f) => navigations.push(f.url()))

  const booked = await world.publicBooking({
    eventSlug: 'haircut',
    start: slot!,
    name: 'Greta Live',
  })

  const card = page.locator(`[data-testid="appointment"][data-uid="${booked.uid}"]`)
  await expect(card).toContainText('Greta Live', { timeout: 20_000 })
  await expect(card).toContainText('Haircut & style')
  expect(navigations).toEqual([])
})

test('keys move between days: → next, ← previous, T today, G to the date field', async ({
  page,
}) => {
  const today = dayOf(new Date().toISOString(), world.account.timeZone)
  await openDesk(page, world, '/')
  const board = page.getByTestId('day-board')
  await expect(board).toHaveAttribute('data-date', today)
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/#\/day\/\d{4}-\d{2}-\d{2}$/)
  await expect(board).not.toHaveAttribute('data-date', today)
  await page.keyboard.press('ArrowLeft')
  await expect(board).toHaveAttribute('data-date', today)
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('t')
  await expect(board).toHaveAttribute('data-date', today)
  await page.keyboard.press('g')
  const jump = page.getByTestId('day-jump')
  await expect(jump.getByRole('spinbutton').first()).toBeFocused()
})

test('the week strip and the calendar jump to a day, by mouse and by keyboard', async ({
  page,
}) => {
  const today = dayOf(new Date().toISOString(), world.account.timeZone)
  await openDesk(page, world, '/')
  const board = page.getByTestId('day-board')
  await expect(board).toHaveAttribute('data-date', today)

  // The week strip: seven days, the shown one marked; a click shows another day of the week.
  const strip = page.getByRole('list', { name: 'This week' })
  const days = strip.getByRole('link')
  await expect(days).toHaveCount(7)
  await expect(strip.locator('[aria-current="date"]')).toHaveAttribute('data-date', today)
  const week = await Promise.all(
    (await days.all()).map(async (l) => (await l.getAttribute('data-date'))!),
  )
  const other = week.find((d) => d !== today)!
  await strip.locator(`[data-date="${other}"]`).click()
  await expect(board).toHaveAttribute('data-date', other)
  await expect(strip.locator('[aria-current="date"]')).toHaveAttribute('data-date', other)

  // Next week's button moves the strip by seven days.
  await page.getByRole('button', { name: 'Next week' }).click()
  const nextWeek = addDays(other, 7)
  await expect(board).toHaveAttribute('data-date', nextWeek)

  // The calendar, by mouse: open it, go a month on, pick the 15th.
  const jump = page.getByTestId('day-jump')
  await jump.getByRole('button', { name: 'Calendar' }).click()
  const calendar = page.getByTestId('calendar')
  await expect(calendar).toBeVisible()
  await expectAccessible(page, 'the date jump calendar', '[data-testid="calendar"]')
  await calendar.locator('button[slot="next"]').click()
  const monthOn = nextMonth15(nextWeek)
  await calendar.getByRole('gridcell').getByText('15', { exact: true }).click()
  await expect(board).toHaveAttribute('data-date', monthOn)
  await expect(calendar).toHaveCount(0)

  // By keyboard: G to the field, Alt+↓ opens the calendar, → a day later, Enter picks it.
  await page.keyboard.press('g')
  await expect(jump.getByRole('spinbutton').first()).toBeFocused()
  await page.keyboard.press('Alt+ArrowDown')
  await expect(calendar).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(board).toHaveAttribute('data-date', addDays(monthOn, 1))
})

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The 15th of the month after `date`'s. */
function nextMonth15(date: string): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + 1)
  return `${d.toISOString().slice(0, 7)}-15`
}
