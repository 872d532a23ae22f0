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
  await expect(page.getByTestId('status-strip')).toContainText('Cal.com: not connected')
  await expect(
    page.getByTestId('connection').getByRole('button', { name: 'Connect' }),
  ).toBeVisible()

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

test('scrolled down a day, a staff member with nothing booked still says so under their name', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  // 1 July, Lisbon on WEST: Anna busy late in the day, Bruno free all day.
  desk.services.appointments.upsertMany(
    [booking('late-1', '2026-07-01T16:00:00Z', staffIds.anna, 'Maria Silva', 60)],
    'calcom',
  )
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.locator('input[type="date"]').fill('2026-07-01')
  await expect(page.locator('[data-uid="late-1"]')).toBeVisible()
  const scroller = page.locator('.day-grid__scroller')
  await scroller.evaluate((el) => {
    ;(el as unknown as { scrollTop: number }).scrollTop = 400
  })
  const free = page
    .locator(`[data-testid="staff-column"][data-staff-id="${staffIds.bruno}"]`)
    .getByText('Nothing booked')
  await expect(free).toBeInViewport()
  const names = (await page.locator('.day-grid__head').boundingBox())!
  const label = (await free.boundingBox())!
  // Below the staff names, not under them.
  expect(label.y).toBeGreaterThanOrEqual(names.y + names.height - 0.5)
})

/** What the checks below read of an element in the page (the specs are typed without the DOM). */
interface Drawn {
  getBoundingClientRect(): { bottom: number; width: number }
  children: Iterable<Drawn>
  classList: { contains(name: string): boolean }
  className: string
  ownerDocument: {
    createRange(): {
      selectNodeContents(node: Drawn): void
      getBoundingClientRect(): { width: number }
    }
  }
}

test('at 1366×768, cards side by side show the client’s name first and whole, the time below', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const [hostId, name] of [
    [13, 'Carla Dias'],
    [14, 'Duarte Lopes'],
  ] as const)
    desk.services.staff.upsert({ branchId, calcomHostId: hostId, name })
  // 1 July, Lisbon on WEST: 08:00 UTC is 09:00. Three overlapping in Anna's column (thirds), two
  // in Bruno's (halves), and two short ones side by side (one row each).
  desk.services.appointments.upsertMany(
    [
      booking('t-1', '2026-07-01T08:00:00Z', staffIds.anna, 'Hugo Reis', 60),
      booking('t-2', '2026-07-01T08:15:00Z', staffIds.anna, 'Ana Lima', 60),
      booking('t-3', '2026-07-01T08:30:00Z', staffIds.anna, 'Inês Sá', 75),
      booking('h-1', '2026-07-01T08:00:00Z', staffIds.bruno, 'Rita Gomes', 45),
      booking('h-2', '2026-07-01T08:30:00Z', staffIds.bruno, 'João Pereira', 45),
      booking('s-1', '2026-07-01T10:00:00Z', staffIds.bruno, 'Maria Silva', 15),
      booking('s-2', '2026-07-01T10:00:00Z', staffIds.bruno, 'Pedro Santos', 15),
    ],
    'calcom',
  )
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.locator('input[type="date"]').fill('2026-07-01')
  await expect(page.locator('[data-testid="appointment"]')).toHaveCount(7)

  for (const uid of ['t-1', 't-2', 't-3', 'h-1', 'h-2', 's-1', 's-2']) {
    const card = page.locator(`[data-testid="appointment"][data-uid="${uid}"]`)
    await expect(card).toHaveClass(/appointment--narrow/)
    const client = card.locator('.appointment__client')
    const time = card.getByTestId('appointment-time')
    // The name is whole (nothing cut by an ellipsis), and first: above the time on a card tall
    // enough for two lines, before it on a one-row card (or the time alone is left off the row,
    // on a line not drawn, where not even its start fits).
    expect(
      await client.evaluate((el) => {
        const name = el as unknown as Drawn
        const words = name.ownerDocument.createRange()
        words.selectNodeContents(name)
        return words.getBoundingClientRect().width <= name.getBoundingClientRect().width
      }),
      `${uid}: the name is cut`,
    ).toBe(true)
    const [c, t] = [(await client.boundingBox())!, (await time.boundingBox())!]
    if (uid.startsWith('s-'))
      expect(t.x >= c.x + c.width - 0.5 || t.y >= c.y + c.height - 0.5, uid).toBe(true)
    else expect(c.y + c.height, uid).toBeLessThanOrEqual(t.y + 0.5)
    expect(t.height, `${uid}: the time keeps a line of its own`).toBeGreaterThan(0)
    // card-rows.ts counts as the style sheet lays out: every row drawn is whole in the card.
    const cut = await card.evaluate((el) => {
      const drawn = el as unknown as Drawn
      const bottom = drawn.getBoundingClientRect().bottom
      return [...drawn.children]
        .filter((row) => !row.classList.contains('visually-hidden'))
        .filter((row) => row.getBoundingClientRect().bottom > bottom + 0.5)
        .map((row) => row.className)
    })
    expect(cut, `${uid}: rows cut at the bottom`).toEqual([])
  }
  await page.screenshot({ path: testInfo.outputPath('side-by-side.png') })
  await testInfo.attach('side-by-side', {
    path: testInfo.outputPath('side-by-side.png'),
    contentType: 'image/png',
  })
})

test('at 1366×768, a name wider than a third of a column wraps onto two lines before it is cut, and is whole in the card’s name and title', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const [hostId, name] of [
    [13, 'Carla Dias'],
    [14, 'Duarte Lopes'],
  ] as const)
    desk.services.staff.upsert({ branchId, calcomHostId: hostId, name })
  const long = 'Maximiliano Rodrigo Albuquerque Vasconcelos'
  desk.services.appointments.upsertMany(
    [
      booking('w-1', '2026-07-01T08:00:00Z', staffIds.anna, 'Marta Oliveira', 60),
      booking('w-2', '2026-07-01T08:15:00Z', staffIds.anna, long, 60),
      booking('w-3', '2026-07-01T08:30:00Z', staffIds.anna, 'Inês Sá', 75),
    ],
    'calcom',
  )
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.locator('input[type="date"]').fill('2026-07-01')
  await expect(page.locator('[data-testid="appointment"]')).toHaveCount(3)

  /** The name's drawn lines, and whether any of it is cut away. */
  const nameOf = (uid: string) =>
    page
      .locator(`[data-testid="appointment"][data-uid="${uid}"] .appointment__client`)
      .evaluate((el) => {
        const box = el as unknown as { clientHeight: number; scrollHeight: number }
        const view = (
          el as unknown as {
            ownerDocument: {
              defaultView: { getComputedStyle(e: unknown): { lineHeight: string } }
            }
          }
        ).ownerDocument.defaultView
        const lineHeight = parseFloat(view.getComputedStyle(el).lineHeight)
        return {
          lines: Math.round(box.clientHeight / lineHeight),
          cut: box.scrollHeight > box.clientHeight + 0.5,
        }
      })
  // Too wide for a third of Anna's column on one line, whole on two.
  expect(await nameOf('w-1')).toEqual({ lines: 2, cut: false })
  // Too long even for two: cut after the second line, and whole where it is read and hovered.
  expect(await nameOf('w-2')).toEqual({ lines: 2, cut: true })
  const card = page.locator('[data-testid="appointment"][data-uid="w-2"]')
  await expect(page.getByRole('link', { name: new RegExp(long) })).toHaveAttribute(
    'data-uid',
    'w-2',
  )
  await expect(card.locator('.appointment__client')).toHaveAttribute('title', long)
  // The rows under the name stay whole in the card (card-rows.ts counts two rows for it).
  for (const uid of ['w-1', 'w-2', 'w-3']) {
    const cut = await page
      .locator(`[data-testid="appointment"][data-uid="${uid}"]`)
      .evaluate((el) => {
        const drawn = el as unknown as Drawn
        const bottom = drawn.getBoundingClientRect().bottom
        return [...drawn.children]
          .filter((row) => !row.classList.contains('visually-hidden'))
          .filter((row) => row.getBoundingClientRect().bottom > bottom + 0.5)
          .map((row) => row.className)
      })
    expect(cut, `${uid}: rows cut at the bottom`).toEqual([])
  }
  await page.screenshot({ path: testInfo.outputPath('long-names-side-by-side.png') })
})

for (const { locale, order, shown } of [
  { locale: 'en-GB', order: ['day', 'month', 'year'], shown: '01/07/2026' },
  { locale: 'en-US', order: ['month', 'day', 'year'], shown: '07/01/2026' },
]) {
  test(`with the OS in ${locale}, the date field reads ${order.join('/')}, in English`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(`${desk.url}/?token=${desk.token}#/day/2026-07-01`)
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    const field = page.getByTestId('day-jump').getByRole('group').first()
    const segments = field.getByRole('spinbutton')
    await expect(segments).toHaveCount(3)
    const types = await segments.evaluateAll((all) =>
      all.map((s) => (s as unknown as { dataset: { type: string } }).dataset.type),
    )
    expect(types).toEqual(order)
    await expect(field).toHaveText(new RegExp(shown.split('/').join('\\s*/\\s*')))
    // The words stay English: only the order follows the region.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('button', { name: /Previous day/ })).toBeVisible()
    await context.close()
  })
}

// The last day stays on screen, dimmed, while the next one is read; a read from the desk lands
// within a frame or two, so the dimming starts only after a moment: a fade begun on every move
// redrew the whole screen frame after frame while the new day was being drawn. The time of the
// dimming is set on the transition itself (paused, then moved), so nothing here waits on a clock.
test('moving to another day dims the last one only when the next is slow to come', async ({
  page,
}) => {
  desk.services.appointments.upsertMany(
    [
      booking('d-1', '2026-07-01T08:00:00Z', staffIds.anna, 'Maria Silva'),
      booking('d-2', '2026-07-02T08:00:00Z', staffIds.bruno, 'João Pereira'),
      booking('d-3', '2026-07-03T08:00:00Z', staffIds.anna, 'Rita Gomes'),
    ],
    'calcom',
  )
  await page.goto(`${desk.url}/?token=${desk.token}#/day/2026-07-01`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  let date = '2026-07-01'
  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    await page.emulateMedia({ reducedMotion })
    await expect(page.locator(`[data-testid="day-board"][data-date="${date}"]`)).toHaveAttribute(
      'aria-busy',
      'false',
    )
    // In the page, as plain JavaScript (the specs are typed without the DOM): once the board turns
    // busy, its opacity 0.1 s and 1 s into the wait.
    await page.evaluate(`
      window.dimmed = undefined
      const observer = new MutationObserver(() => {
        const board = document.querySelector('[data-testid="day-board"][aria-busy="true"]')
        if (!board) return
        observer.disconnect()
        const fade = board.getAnimations().find((a) => a.transitionProperty === 'opacity')
        const at = (ms) => {
          if (!fade) return getComputedStyle(board).opacity
          fade.pause()
          fade.currentTime = ms
          return getComputedStyle(board).opacity
        }
        window.dimmed = { early: at(100), late: at(1000) }
      })
      observer.observe(document.body, { subtree: true, attributes: true })
    `)
    const next = date === '2026-07-01' ? '2026-07-02' : '2026-07-03'
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    await page.route(`**/api/appointments?date=${next}`, async (route) => {
      await released
      await route.continue()
    })
    await page.keyboard.press('ArrowRight')
    await expect
      .poll(() => page.evaluate('window.dimmed'), { message: reducedMotion })
      .toEqual({ early: '1', late: '0.6' })
    release()
    const board = page.locator(`[data-testid="day-board"][data-date="${next}"]`)
    await expect(board).toHaveAttribute('aria-busy', 'false')
    await expect(board).toHaveCSS('opacity', '1')
    date = next
  }
})
