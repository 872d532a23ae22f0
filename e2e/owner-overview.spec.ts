// The owner's app holding both sandbox branches, in Chromium: the branch switcher keeps the two
// branches' days apart, by keyboard alone; "All branches" shows numbers equal to those computed
// from the sandbox's own bookings of each branch, and a branch's name opens that branch's day;
// axe on the switcher and the overview, in English and in Spanish.
import { expect, test, type Page } from '@playwright/test'
import type { BranchList } from '../src/shared/api/branches'
import type { Overview } from '../src/shared/api/overview'
import type { DayView } from '../src/shared/api/schemas'
import { until } from '../test/support/until'
import { rangeDays } from '../src/main/core/overview/overview-range'
import { expectAccessible } from './axe'
import { dayOf } from './front-desk-world'
import {
  openOwnerApp,
  SECOND_BRANCH_KEY,
  startOwnerAppWorld,
  type OwnerAppWorld,
} from './owner-app-world'

let world: OwnerAppWorld
test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  world = await startOwnerAppWorld()
})
test.afterAll(() => world.close())

type Account = OwnerAppWorld['accounts'][number]

/** The branch's day as the app's API gives it: its cards' uids. */
async function uidsOfDay(prefix: string, date: string): Promise<string[]> {
  const day = await world.get<DayView>(`${prefix}/api/appointments?date=${date}`)
  return day.appointments.map((a) => a.uid).sort()
}

async function uidsOnScreen(page: Page): Promise<string[]> {
  const cards = await page.getByTestId('appointment').all()
  return (await Promise.all(cards.map((c) => c.getAttribute('data-uid')))).map(String).sort()
}

/**
 * The bookings this spec paid through the sandbox (Cal.com's BOOKING_PAID webhook). Cal.com's API
 * does not say whether a booking was paid, so a booking the seed marked paid without the webhook
 * is paid to no desk: revenue is counted from what Cal.com announced.
 */
const paidHere = new Set<string>()

/**
 * Has Cal.com announce the payment of two of this week's priced bookings (BOOKING_PAID). The seed
 * marks such bookings paid without a webhook, so the flag is cleared first and the sandbox's pay
 * route sets it again, as a payment arriving at Cal.com would.
 */
async function payTwo(account: Account) {
  const days = rangeDays('week', Date.now(), account.timeZone)
  const store = world.sandbox.sandbox.store
  const payable = [...store.bookings.values()].filter((b) => {
    const start = Date.parse(b.start)
    return (
      b.accountId === account.userId &&
      start >= days.startMs &&
      start < days.endMs &&
      b.status === 'accepted' &&
      (store.eventTypes.get(b.eventTypeId)?.price ?? 0) > 0
    )
  })
  for (const b of payable.slice(0, 2)) {
    b.paid = false
    const res = await fetch(`${world.sandbox.url}/_sandbox/bookings/${b.uid}/pay`, {
      method: 'POST',
    })
    expect(res.status).toBe(200)
    paidHere.add(b.uid)
  }
  return payable.slice(0, 2).length
}

/** What the overview should say of a branch, counted from the sandbox's own bookings. */
function expectedFromSandbox(account: Account, range: 'today' | 'week') {
  const days = rangeDays(range, Date.now(), account.timeZone)
  const store = world.sandbox.sandbox.store
  const bookings = [...store.bookings.values()].filter((b) => {
    const start = Date.parse(b.start)
    return b.accountId === account.userId && start >= days.startMs && start < days.endMs
  })
  const revenue = new Map<string, number>()
  for (const b of bookings) {
    const type = store.eventTypes.get(b.eventTypeId)
    const moved = b.status === 'cancelled' && b.rescheduledToUid
    if (
      paidHere.has(b.uid) &&
      type &&
      type.price > 0 &&
      !['cancelled', 'rejected'].includes(b.status) &&
      !moved
    )
      revenue.set(
        type.currency.toUpperCase(),
        (revenue.get(type.currency.toUpperCase()) ?? 0) + type.price,
      )
  }
  return {
    appointments: bookings.length,
    pending: bookings.filter((b) => b.status === 'pending').length,
    noShows: bookings.filter((b) => b.status === 'accepted' && b.attendees[0]?.absent).length,
    revenue: [...revenue].map(([currency, amount]) =>
      new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100),
    ),
  }
}

/** Tabs through the page until `name` has the focus (the keyboard path a person takes). */
async function tabTo(page: Page, name: RegExp) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const focus = page.locator(':focus')
    const focused =
      (await focus.getAttribute('aria-label').catch(() => null)) ||
      ((await focus.textContent().catch(() => null)) ?? '')
    if (name.test(focused)) return
  }
  throw new Error(`Tab never reached ${name}`)
}

test('the switcher moves the whole UI to the other branch and never mixes their days', async ({
  page,
}) => {
  const branches = await world.get<BranchList>('/api/branches')
  expect(branches.map((b) => b.key)).toEqual(['main', SECOND_BRANCH_KEY])
  const [first, second] = branches as [BranchList[number], BranchList[number]]
  // A day both branches work (the sandbox seeds the days around today; a Sunday may be closed).
  let today = ''
  let firstDay: string[] = []
  let secondDay: string[] = []
  for (let ahead = 0; ahead < 4 && (firstDay.length === 0 || secondDay.length === 0); ahead++) {
    today = dayOf(
      new Date(Date.now() + ahead * 86_400_000).toISOString(),
      world.accounts[0].timeZone,
    )
    firstDay = await uidsOfDay('', today)
    secondDay = await uidsOfDay(`/b/${SECOND_BRANCH_KEY}`, today)
  }
  expect(firstDay.length).toBeGreaterThan(0)
  expect(secondDay.length).toBeGreaterThan(0)
  expect(firstDay.filter((uid) => secondDay.includes(uid))).toEqual([])

  await openOwnerApp(page, world, `/day/${today}`)
  const switcher = page.getByTestId('branch-switcher')
  await expect(switcher.getByRole('button')).toContainText(first.name)
  await expect(page.getByTestId('branch-name')).toHaveText(first.name)
  await expect.poll(() => uidsOnScreen(page)).toEqual(firstDay)

  // Keyboard alone: B opens the switcher, the arrow and Enter choose the second branch.
  await page.keyboard.press('b')
  await expect(page.getByRole('listbox')).toBeVisible()
  await expectAccessible(page, 'the branch switcher open')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('branch-name')).toHaveText(second.name)
  await expect(switcher.getByRole('button')).toContainText(second.name)
  await expect(page).toHaveURL(new RegExp(`#/day/${today}$`))
  await expect.poll(() => uidsOnScreen(page)).toEqual(secondDay)
  await expect(page.getByTestId('live-status')).toHaveText('Live')
  await expectAccessible(page, "the second branch's day")

  // A reload stays on the chosen branch; switching back shows the first branch's day again.
  await page.reload()
  await expect(page.getByTestId('branch-name')).toHaveText(second.name)
  await switcher.getByRole('button').click()
  await page.getByRole('option', { name: first.name }).click()
  await expect(page.getByTestId('branch-name')).toHaveText(first.name)
  await expect.poll(() => uidsOnScreen(page)).toEqual(firstDay)
})

test('the switcher tells, live, of a booking needing attention at the other branch, and when it is dealt with', async ({
  page,
}) => {
  const [first, second] = (await world.get<BranchList>('/api/branches')) as [
    BranchList[number],
    BranchList[number],
  ]
  expect(second.attention).toBe(0)
  // A booking of the second branch that its client cancelled on Cal.com while the news of it was
  // lost: the second branch still shows it, so a reschedule there is refused by Cal.com.
  const store = world.sandbox.sandbox.store
  const booking = [...store.bookings.values()].find(
    (b) =>
      b.accountId === world.accounts[1].userId &&
      b.status === 'accepted' &&
      Date.parse(b.start) > Date.now() + 86_400_000,
  )!
  expect(booking).toBeTruthy()
  await world.get(`/b/${SECOND_BRANCH_KEY}/api/appointments/${booking.uid}`)

  // The receptionist looks at the first branch's day.
  await openOwnerApp(page, world, '/')
  const switcher = page.getByTestId('branch-switcher')
  await expect(switcher.getByRole('button')).toContainText(first.name)
  await expect(page.getByTestId('branch-switcher-elsewhere')).toHaveCount(0)

  booking.status = 'cancelled'
  try {
    const moved = await world.call(
      `/b/${SECOND_BRANCH_KEY}/api/appointments/${booking.uid}/reschedule`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          start: new Date(Date.parse(booking.start) + 3_600_000).toISOString(),
        }),
      },
    )
    expect(moved.status).toBeLessThan(300)

    // Without a reload, the switcher's button counts it, and its list says where.
    const elsewhere = page.getByTestId('branch-switcher-elsewhere')
    await expect(elsewhere).toHaveAttribute('data-count', '1', { timeout: 20_000 })
    await expect(elsewhere).toHaveText('⚠ 1 needs attention at another branch')
    await expect(switcher.getByRole('button')).toContainText(first.name)
    // The first branch's own strip is not the second's.
    await expect(page.getByTestId('attention-count')).toHaveAttribute('data-count', '0')
    await page.keyboard.press('b')
    const option = page.getByRole('option', { name: new RegExp(second.name) })
    await expect(option).toContainText('1 needs attention')
    await expect(page.getByTestId(`branch-marks-${first.key}`)).toHaveText('')
    await expectAccessible(page, 'the branch switcher counting the other branch')
    await page.keyboard.press('Escape')

    // Someone at the second branch discards it: the count clears here, again without a reload.
    const [refused] = await world.get<Array<{ id: number }>>(
      `/b/${SECOND_BRANCH_KEY}/api/outbox?state=needs_attention`,
    )
    const discarded = await world.call(
      `/b/${SECOND_BRANCH_KEY}/api/outbox/${refused!.id}/discard`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: true }),
      },
    )
    expect(discarded.status).toBeLessThan(300)
    await expect(elsewhere).toHaveCount(0)
    await page.keyboard.press('b')
    await expect(option).not.toContainText('needs attention')
    await page.keyboard.press('Escape')
  } finally {
    // Cal.com's booking as it was, so the overview's numbers below still match the sandbox's.
    booking.status = 'accepted'
  }
})

test("an address naming a branch opens it, as a notification's click in the Electron app does", async ({
  page,
}) => {
  const [, second] = (await world.get<BranchList>('/api/branches')) as [
    BranchList[number],
    BranchList[number],
  ]
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${world.app.url}/?token=${world.app.token}&branch=${second.key}#/settings`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('branch-name')).toHaveText(second.name)
  await expect(page).toHaveURL(/#\/settings$/)
  expect(page.url()).not.toContain('branch=')
  // The choice is kept as if made with the switcher: a reload stays there.
  await page.reload()
  await expect(page.getByTestId('branch-name')).toHaveText(second.name)
})

test("All branches shows the sandbox's numbers of each branch and opens a branch's day", async ({
  page,
}) => {
  const branches = await world.get<BranchList>('/api/branches')
  for (const account of world.accounts) expect(await payTwo(account)).toBeGreaterThan(0)
  await until(
    'both branches heard of the payments',
    async () => {
      const week = await world.get<Overview>('/api/overview?range=week')
      return week.branches.every((b) => b.numbers.revenue.length > 0)
    },
    20_000,
  )
  await openOwnerApp(page, world, '/')
  await tabTo(page, /^All branches$/)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'All branches', level: 2 })).toBeVisible()

  for (const range of ['today', 'week'] as const) {
    if (range === 'week') {
      await page.getByRole('link', { name: 'This week' }).click()
      await expect(page).toHaveURL(/#\/overview\/week$/)
    }
    let total = 0
    for (const [i, account] of world.accounts.entries()) {
      const expected = expectedFromSandbox(account, range)
      total += expected.appointments
      const row = page.getByTestId(`overview-branch-${branches[i]!.key}`)
      await expect(row.getByRole('rowheader')).toContainText(branches[i]!.name)
      await expect(row.locator('[data-figure="appointments"] .overview__count')).toHaveText(
        String(expected.appointments),
      )
      await expect(row.locator('[data-figure="pending"]')).toHaveText(String(expected.pending))
      await expect(row.locator('[data-figure="no-shows"]')).toHaveText(String(expected.noShows))
      for (const money of expected.revenue) {
        await expect(row.locator('[data-figure="revenue"]')).toContainText(money)
      }
      // The week holds working days at both branches; a Sunday's today may have none scheduled.
      await expect(row.locator('[data-figure="utilisation"]')).toHaveText(
        range === 'week'
          ? /^\d+%.* of .* h booked$/
          : /^(\d+%.* of .* h booked|No hours scheduled)$/,
      )
      // How fresh: both branches synced moments ago.
      await expect(row.getByRole('rowheader')).toContainText(/Up to date|minutes? ago/)
    }
    await expect(
      page.getByTestId('overview-total').locator('[data-figure="appointments"] .overview__count'),
    ).toHaveText(String(total))
  }
  await expectAccessible(page, 'the overview')

  // The keyboard again: the second branch's name opens its day, at that branch.
  const second = branches[1]!
  await tabTo(page, new RegExp(`^Open ${second.name}'s day$`))
  await page.keyboard.press('Enter')
  const today = dayOf(new Date().toISOString(), world.accounts[1].timeZone)
  await expect(page).toHaveURL(new RegExp(`#/day/${today}$`))
  await expect(page.getByTestId('branch-name')).toHaveText(second.name)
  await expect
    .poll(() => uidsOnScreen(page))
    .toEqual(await uidsOfDay(`/b/${SECOND_BRANCH_KEY}`, today))
})

test('the switcher and the overview in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' })
  const page = await context.newPage()
  try {
    await openOwnerApp(page, world, '/overview')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(
      page.getByRole('heading', { name: 'Todas las sucursales', level: 2 }),
    ).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Ocupación del personal' })).toBeVisible()
    await expect(page.getByTestId('branch-switcher')).toContainText('Sucursal')
    await expectAccessible(page, 'the overview in Spanish')
    await page.keyboard.press('b')
    await expect(page.getByRole('listbox')).toBeVisible()
    await expectAccessible(page, 'the branch switcher open, in Spanish')
    await page.keyboard.press('Escape')
  } finally {
    await context.close()
  }
})

test('the owner adds a third branch from Settings by keyboard, and the app shows it to connect', async ({
  page,
}) => {
  await openOwnerApp(page, world, '/settings')
  const section = page.getByTestId('settings-branches')
  await expect(section).toBeVisible()
  await section.getByRole('button', { name: 'Connect another branch' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('add-branch')
  await expect(dialog.getByLabel('Branch name')).toBeFocused()
  await page.keyboard.type('Salón Centro')
  await expect(dialog.getByLabel('Short name')).toHaveValue('salon-centro')
  await expectAccessible(page, 'the add-branch dialog')
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)

  // The app now shows the new branch, on its settings, ready to be connected to Cal.com.
  await expect(page.getByTestId('branch-name')).toHaveText('Salón Centro')
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(page.getByText('Not connected to Cal.com').first()).toBeVisible()
  const listed = await world.get<BranchList>('/api/branches')
  expect(listed.map((b) => [b.key, b.connection])).toContainEqual(['salon-centro', 'disconnected'])
  await page.keyboard.press('b')
  await expect(page.getByRole('listbox').getByRole('option')).toHaveText([
    /Maple & Vine Toronto/,
    /Maple & Vine Berlin/,
    /Salón Centro/,
  ])
})
