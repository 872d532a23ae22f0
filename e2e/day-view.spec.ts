// The headless desk in Debian's Chromium: real appointments from the core's store appear in the
// right staff columns at the right branch-zone times, and a new one appears without a reload.
import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { startTempDesk, type TempDesk } from '../test/support/temp-desk'

const root = join(import.meta.dirname, '..')
let desk: TempDesk
let branchId: number
let staffIds: { anna: number; bruno: number }

test.beforeEach(async () => {
  desk = await startTempDesk({ rendererDir: join(root, 'out', 'renderer') })
  const home = desk.services.branches.current()
  branchId = desk.services.branches.update(home.id, {
    name: 'Lisbon Baixa',
    timeZone: 'Europe/Lisbon',
  }).id
  staffIds = {
    anna: desk.services.staff.upsert({
      branchId,
      calcomHostId: 11,
      name: 'Anna Costa',
      colour: '#2f6fdf',
    }).id,
    bruno: desk.services.staff.upsert({
      branchId,
      calcomHostId: 12,
      name: 'Bruno Reis',
      colour: '#d9822b',
    }).id,
  }
})
test.afterEach(() => desk.dispose())

const booking = (uid: string, startUtc: string, staffId: number, name: string, minutes = 45) => ({
  uid,
  branchId,
  staffId,
  title: 'Haircut',
  start: startUtc,
  end: new Date(Date.parse(startUtc) + minutes * 60_000).toISOString(),
  status: 'SCHEDULED' as const,
  attendee: { name, email: `${uid}@example.com` },
})

test('the day view shows appointments by staff, in the branch time zone, and updates live', async ({
  page,
}, testInfo) => {
  // 1 July: Lisbon is on WEST (UTC+1), so 08:00 UTC is 09:00 at the branch.
  desk.services.appointments.upsertMany(
    [
      booking('a-1', '2026-07-01T08:00:00Z', staffIds.anna, 'Maria Silva'),
      booking('b-1', '2026-07-01T09:30:00Z', staffIds.bruno, 'João Pereira', 30),
      booking('other-day', '2026-07-02T09:00:00Z', staffIds.anna, 'Not Today'),
    ],
    'calcom',
  )

  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain(desk.token)

  await expect(page.getByText('Lisbon Baixa')).toBeVisible()
  await expect(page.getByTestId('branch-zone')).toHaveText('Lisbon time')
  await expect(page.getByTestId('branch-zone')).toHaveAttribute('title', 'Europe/Lisbon')
  await expect(page.getByText('Not connected to Cal.com')).toBeVisible()

  await page.locator('input[type="date"]').fill('2026-07-01')
  const anna = page.locator(`[data-testid="staff-column"][data-staff-id="${staffIds.anna}"]`)
  const bruno = page.locator(`[data-testid="staff-column"][data-staff-id="${staffIds.bruno}"]`)
  await expect(anna).toHaveAccessibleName('Anna Costa')
  await expect(bruno).toHaveAccessibleName('Bruno Reis')

  const maria = anna.locator('[data-testid="appointment"][data-uid="a-1"]')
  await expect(maria).toContainText('Maria Silva')
  await expect(maria.getByTestId('appointment-time')).toContainText('09:00')
  await expect(maria.getByTestId('appointment-time')).toContainText('09:45')
  const joao = bruno.locator('[data-testid="appointment"][data-uid="b-1"]')
  await expect(joao.getByTestId('appointment-time')).toContainText('10:30')
  await expect(page.locator('[data-uid="other-day"]')).toHaveCount(0)

  // A booking arriving while the page is open appears without a reload.
  const navigations: string[] = []
  page.on('framenavigated', (f) => navigations.push(f.url()))
  desk.services.appointments.upsert(
    booking('b-2', '2026-07-01T13:15:00Z', staffIds.bruno, 'Rita Gomes'),
    'calcom',
  )
  const rita = bruno.locator('[data-testid="appointment"][data-uid="b-2"]')
  await expect(rita).toContainText('Rita Gomes')
  await expect(rita.getByTestId('appointment-time')).toContainText('14:15')
  expect(navigations).toEqual([])

  await page.screenshot({ path: testInfo.outputPath('day-view.png'), fullPage: true })
  await testInfo.attach('day-view', {
    path: testInfo.outputPath('day-view.png'),
    contentType: 'image/png',
  })
})

test('a date with nothing booked says so and still shows the staff', async ({ page }) => {
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.locator('input[type="date"]').fill('2026-08-15')
  await expect(page.getByText(/No appointments on/)).toBeVisible()
  await expect(page.locator('[data-testid="staff-column"]')).toHaveCount(2)
})
