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
  await expect(page.getByTestId('branch-zone')).toContainText(world.account.timeZone)
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
  await expect(page.locator('input[type="date"]').first()).toBeFocused()
})
