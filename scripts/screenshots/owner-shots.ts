// The owner's app pictures (shots.ts, OWNER_APP_SCREENS): one app holding both sandbox branches
// (e2e/owner-app-world.ts), on the sandbox's seeded days around the real today. The overview is
// computed on the desk's real clock, so it shows this week as it is: the page's clock is left
// alone. Two payments are announced by Cal.com first, so paid revenue reads as it would.
import { join } from 'node:path'
import { DateTime } from 'luxon'
import type { Browser } from 'playwright-core'
import { startOwnerAppWorld, type OwnerAppWorld } from '../../e2e/owner-app-world'
import { fileOf, OWNER_APP_SCREENS, SHOTS } from './shots'

const root = join(import.meta.dirname, '..', '..')

/**
 * Cal.com announces the payment of a few of this week's priced bookings (BOOKING_PAID): this week
 * in each branch's zone, as the overview counts it, so early on a Monday too (clients pay ahead).
 */
async function announcePayments(world: OwnerAppWorld) {
  const store = world.sandbox.sandbox.store
  for (const account of world.accounts) {
    const week = DateTime.now().setZone(account.timeZone).startOf('week')
    const [from, to] = [week.toMillis(), week.plus({ weeks: 1 }).toMillis()]
    const priced = [...store.bookings.values()]
      .filter(
        (b) =>
          b.accountId === account.userId &&
          b.status === 'accepted' &&
          Date.parse(b.start) >= from &&
          Date.parse(b.start) < to &&
          (store.eventTypes.get(b.eventTypeId)?.price ?? 0) > 0,
      )
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    for (const b of priced.slice(0, 6)) {
      // The seed marks them paid without a webhook: Cal.com's API never tells a desk.
      b.paid = false
      await fetch(`${world.sandbox.url}/_sandbox/bookings/${b.uid}/pay`, { method: 'POST' })
    }
  }
}

/** Today, or the last working day before it (a weekend's day grid is empty). */
function aWeekdayThisWeek(): string {
  const day = new Date()
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1)
  return day.toISOString().slice(0, 10)
}

export async function shootOwnerApp(browser: Browser, log: (line: string) => void) {
  log('starting the owner app on both sandbox branches…')
  const world = await startOwnerAppWorld()
  try {
    await announcePayments(world)
    for (const shot of SHOTS.filter((s) => OWNER_APP_SCREENS.includes(s.screen))) {
      const context = await browser.newContext({
        viewport: { width: shot.width, height: shot.height },
        locale: shot.locale,
        reducedMotion: 'reduce',
      })
      const page = await context.newPage()
      const hash = shot.screen === 'overview' ? '/overview/week' : `/day/${aWeekdayThisWeek()}`
      await page.goto(`${world.app.url}/?token=${world.app.token}#${hash}`)
      await page.locator('[data-app-state="ready"]').waitFor()
      await page.locator('.live--live').waitFor()
      if (shot.screen === 'overview') {
        await page.getByTestId('overview-total').waitFor()
        await page.locator('[data-figure="revenue"] .overview__money').first().waitFor()
      } else {
        await page.locator('[data-testid="day-board"][aria-busy="false"]').waitFor()
        // B is heard once the switcher is there: it waits for the app's list of branches, which
        // can come after the day.
        await page.getByTestId('branch-switcher').getByRole('button').waitFor()
        await page.keyboard.press('b')
        await page.getByRole('listbox').waitFor()
      }
      await page.evaluate('document.fonts.ready.then(() => true)')
      await page.screenshot({ path: join(root, fileOf(shot)), animations: 'disabled' })
      log(fileOf(shot))
      await context.close()
    }
  } finally {
    await world.close()
  }
}
