// `npm run screenshots`: the README's pictures of the front desk (shots.ts), taken in Chromium
// from the world the e2e specs use — the Cal.com sandbox, the relay and the headless desk serving
// the built UI — on a believable morning (seed-day.ts), so they stay true to the UI as it is.
// The browser's clock is held at 11:10 on the branch's wall clock of a weekday ahead, which is
// also the sandbox's clock: the now-line, "today" and the visits read as a morning in progress.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { chromiumLaunch } from '../../playwright.config'
import { startFrontDeskWorld, type FrontDeskWorld } from '../../e2e/front-desk-world'
import type { ClientPage } from '../../src/shared/api/clients'
import {
  allSynced,
  bookWalkIn,
  cannotReachCalcom,
  holdAWalkInInFlight,
  releaseHeldCalls,
  seedBelievableDay,
  setHaircutPolicy,
  setUpBusiness,
  type SeededDay,
} from './seed-day'
import { shootOwnerApp } from './owner-shots'
import { fileOf, OWNER_APP_SCREENS, SCREENSHOT_DIR, SHOTS, type Shot } from './shots'
import { deskFetch } from '../../test/support/temp-desk'

const root = join(import.meta.dirname, '..', '..')
const log = (line: string) => process.stdout.write(`[screenshots] ${line}\n`)

/** A Tuesday at least two days ahead, 16:10 UTC: 11:10 in Toronto in winter, 12:10 in summer. */
function aTuesdayMorning(): string {
  const day = new Date(Date.now() + 2 * 86_400_000)
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1)
  return `${day.toISOString().slice(0, 10)}T16:10:00.000Z`
}

async function open(
  browser: Browser,
  world: FrontDeskWorld,
  shot: Shot,
  now: string,
  hash: string,
) {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
    locale: shot.locale,
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  // The desk keeps the same clock (front-desk-world.ts): the Team screen's audit log is of this day.
  await page.clock.setFixedTime(new Date(now))
  await page.goto(`${world.desk.url}/?token=${world.desk.token}#${hash}`)
  if (shot.screen === 'sign-in') return page
  await page.locator('[data-app-state="ready"]').waitFor()
  await page.locator('.live--live').waitFor()
  if (shot.screen === 'notification-settings') {
    await page.getByTestId('preview-line').first().waitFor()
  } else if (shot.screen === 'cancellation-policies') {
    await page.getByTestId('policy-window').first().waitFor()
  } else if (shot.screen !== 'team') {
    await page.locator('[data-testid="day-board"][aria-busy="false"]').waitFor()
  }
  return page
}

/** The client of the appointment in service, given an alert and a desk note through the API. */
async function clientWithAlert(world: FrontDeskWorld, name: string): Promise<number> {
  const page = await world.get<ClientPage>(`/api/clients?q=${encodeURIComponent(name)}`)
  const id = page.clients[0]!.id
  for (const note of [
    { kind: 'alert', text: 'Allergic to latex gloves' },
    { kind: 'alert', text: 'Prefers Liam' },
    { kind: 'note', text: 'Likes the first appointment of the day; parks at the back.' },
  ]) {
    const res = await fetch(`${world.desk.url}/api/clients/${id}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.desk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(note),
    })
    if (!res.ok) throw new Error(`adding a client note answered ${res.status}`)
  }
  return id
}

/** Puts the screen on the page, waits until it shows, and saves the picture. */
async function take(page: Page, shot: Shot, seeded: SeededDay, world: FrontDeskWorld) {
  if (shot.screen === 'appointment-drawer') {
    const hash = `#/day/${seeded.date}/appointment/${seeded.inService.uid}`
    // The page's own code, as text: scripts compile without the DOM's types.
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`)
    await page.locator('[data-testid="history"] li').first().waitFor()
  } else if (shot.screen === 'new-booking') {
    await page.getByTestId('new-booking-button').click()
    const dialog = page.getByTestId('new-booking')
    await dialog.getByText(/^(Phone booking|Reserva telefónica)$/).click()
    await dialog.getByTestId('booking-service').getByRole('button').click()
    await page.getByRole('option', { name: /^Haircut/ }).click()
    await dialog.getByTestId('slot-picker').waitFor()
  } else if (shot.screen === 'sync-health') {
    await page.evaluate(`location.hash = '#/sync-health'`)
    await page.getByTestId('api-log-row').first().waitFor()
    await page.getByTestId('event-log-row').first().waitFor()
  } else if (shot.screen === 'settings') {
    await page.evaluate(`location.hash = '#/settings'`)
    await page.getByTestId('settings-relay-state').waitFor()
    await page.getByTestId('settings-data-dir').filter({ hasNotText: '…' }).waitFor()
  } else if (shot.screen === 'client-card') {
    const id = await clientWithAlert(world, seeded.inService.attendee.name)
    await page.evaluate(`location.hash = ${JSON.stringify(`#/clients/${id}`)}`)
    await page.locator('[data-testid="client-card-alert"]').first().waitFor()
  } else if (shot.screen === 'sign-in') {
    // The owner's name picked: the PIN pad, two digits typed.
    await page.getByRole('button', { name: /Olga Lindqvist/ }).click()
    await page.keyboard.type('43')
  } else if (shot.screen === 'team') {
    await page.getByTestId('team-member').nth(3).waitFor()
    await page.getByTestId('audit-entry').nth(4).waitFor()
  } else if (shot.screen === 'offline') {
    await page.getByTestId('offline-banner').waitFor()
    await page.locator('[data-testid="sync-state"]').first().waitFor()
  }
  // Web fonts and the last frame settled: a picture, not a frame in between.
  await page.evaluate('document.fonts.ready.then(() => true)')
  await page.screenshot({ path: join(root, fileOf(shot)), animations: 'disabled' })
  log(`${fileOf(shot)}`)
}

/** `--owner-only`: just the owner's app pictures, without the single-desk morning before them. */
const OWNER_ONLY = process.argv.includes('--owner-only')

async function main() {
  log('building the UI…')
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
  if (build.status !== 0) throw new Error('the build failed: run `npm run build` to see why')
  mkdirSync(join(root, SCREENSHOT_DIR), { recursive: true })
  if (OWNER_ONLY) {
    const browser = await chromium.launch(chromiumLaunch)
    try {
      await shootOwnerApp(browser, log)
    } finally {
      await browser.close()
    }
    return
  }

  const now = aTuesdayMorning()
  log(`starting the sandbox, the relay and the desk, clocks at ${now}…`)
  const world = await startFrontDeskWorld({ now, calcomLink: true })
  const browser = await chromium.launch(chromiumLaunch)
  try {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: world.account.timeZone }).format(
      new Date(now),
    )
    const seeded = await seedBelievableDay(world, date, now)
    const shoot = async (screens: string[], hash = `/day/${date}`) => {
      for (const shot of SHOTS.filter((s) => screens.includes(s.screen))) {
        const page = await open(browser, world, shot, now, hash)
        await take(page, shot, seeded, world)
        await page.context().close()
      }
    }
    await shoot(['appointment-drawer', 'new-booking', 'sync-health', 'settings', 'client-card'])
    // Online, with one walk-in still on its way to Cal.com: "waiting to sync" on its card.
    await holdAWalkInInFlight(world, date, now)
    await shoot(['day-grid'])
    await releaseHeldCalls(world)
    await allSynced(world)
    // An hour offline: Cal.com out of reach, a walk-in booked anyway, waiting to sync.
    world.link!.down()
    if (!(await bookWalkIn(world, date, now, 'Olga Lindgren', 'colour-consultation'))) {
      throw new Error('no free time left on the day for the walk-in booked offline')
    }
    await cannotReachCalcom(world)
    await shoot(['offline'])
    world.link!.up()
    await allSynced(world)
    // The business set up (its people at the relay, the owner signed in): the notification
    // rules and the Team screen; then, signed out, the desk asks who is there.
    await setUpBusiness(world)
    await shoot(['notification-settings'], '/notifications')
    await setHaircutPolicy(world)
    await shoot(['cancellation-policies'], '/notifications/policies')
    await shoot(['team'], '/team')
    await deskFetch(world.desk, '/api/session', { method: 'DELETE' })
    await shoot(['sign-in'], '/')
  } finally {
    await world.close()
  }
  try {
    await shootOwnerApp(browser, log)
  } finally {
    await browser.close()
  }
}

main().then(
  () =>
    log(
      `done: ${OWNER_ONLY ? SHOTS.filter((s) => OWNER_APP_SCREENS.includes(s.screen)).length : SHOTS.length} pictures in ${SCREENSHOT_DIR}/`,
    ),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
