// The front desk's day grid in Chromium (issue 14's targets: under 100 ms from the day's API
// answer to the grid painted, under 50 ms p99 from a live event to the card updated), with a
// day of 12 staff and 300 appointments served to the built renderer by a real desk, its SQLite
// filled through the appointment store as the sync path fills it.
//   (a) paint: the page goes to a fresh 300-card day, timed two ways in each round: from an empty
//       day, and from another 300-card day (the receptionist's move to the next day, which also
//       takes the last day's 300 cards off the page); baseline, interleaved in the same round: an
//       empty day with the same 12 staff (the grid's fixed cost).
//   (b) live update: one appointment of the open 300-card day changes in the store, once the day
//       is settled (no read on its way, two frames drawn: the receptionist is working on it); its
//       live event, carrying the changed row, reaches the page and the card is repainted.
//       Baseline, interleaved: the same change on a day holding that one appointment only.
// Prints numbers, asserts nothing. Enough runs that a p99 is not just the slowest one.
//   npm run bench -- ui-day     BENCH_UI_PAINT_RUNS=150 BENCH_UI_UPDATE_RUNS=200 (per kind)
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { chromium, type Page } from 'playwright-core'
import { DateTime } from 'luxon'
import { chromiumLaunch } from '../playwright.config'
import { startTempDesk } from '../test/support/temp-desk'
import type { AppointmentInput } from '../src/main/core/appointments/appointment-store'

const PAINT_RUNS = Number(process.env.BENCH_UI_PAINT_RUNS ?? 150)
const UPDATE_RUNS = Number(process.env.BENCH_UI_UPDATE_RUNS ?? 200)
const WARMUP = 5
const STAFF = 12
const PER_DAY = 300
const ZONE = 'Europe/Lisbon'
const FIRST_DAY = DateTime.fromISO('2027-03-01', { zone: ZONE })

const root = join(import.meta.dirname, '..')
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9)

// Deterministic pseudo-random numbers, so two runs measure the same days.
let seed = 14
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const SERVICES = ['Haircut', 'Colour', 'Beard trim', 'Blow-dry', 'Manicure', 'Consultation']
const NAMES = [
  'Maria Silva',
  'João Pereira',
  'Rita Gomes',
  'Ana Sousa',
  'Pedro Santos',
  'Inês Costa',
]

/** Calls one of page-probes.js's functions in the page. */
const probe = <T>(page: Page, name: string, args?: unknown): Promise<T> =>
  page.evaluate(`window.uiBench.${name}(${JSON.stringify(args ?? null)})`)

if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error(
    'No built renderer in out/renderer: run `npm run bench` (it builds) or `npm run build`.',
  )
  process.exit(1)
}
const desk = await startTempDesk({
  rendererDir: join(root, 'out', 'renderer'),
  env: { FRONTDESK_LOG_LEVEL: 'silent' },
})
const browser = await chromium.launch(chromiumLaunch)
try {
  const { appointments, branches, staff } = desk.services
  const branchId = branches.update(branches.current().id, {
    name: 'Lisbon Baixa',
    timeZone: ZONE,
  }).id
  const staffIds = Array.from(
    { length: STAFF },
    (_, i) => staff.upsert({ branchId, calcomHostId: 100 + i, name: `Staff ${i + 1}` }).id,
  )

  // A busy day: 08:00–20:00, 25 appointments a staff member, 15 to 60 minutes, some overlapping.
  const day = (date: DateTime, tag: string): AppointmentInput[] =>
    Array.from({ length: PER_DAY }, (_, i) => {
      const start = date.plus({ minutes: 8 * 60 + Math.floor(rand() * 46) * 15 })
      const minutes = 15 * (1 + Math.floor(rand() * 4))
      return {
        uid: `${tag}-${i}`,
        branchId,
        staffId: staffIds[i % STAFF]!,
        title: SERVICES[i % SERVICES.length]!,
        start: start.toUTC().toISO()!,
        end: start.plus({ minutes }).toUTC().toISO()!,
        status: 'SCHEDULED',
        attendee: { name: `${NAMES[i % NAMES.length]} ${i}`, email: `${tag}-${i}@example.com` },
      }
    })
  // Each paint round visits three new days: full (after the last round's empty day), full again
  // (after that full day), then empty.
  const paintDays = WARMUP + PAINT_RUNS
  const fullAfterEmpty = (n: number) => FIRST_DAY.plus({ days: 3 * n })
  const fullAfterFull = (n: number) => FIRST_DAY.plus({ days: 3 * n + 1 })
  const emptyDate = (n: number) => FIRST_DAY.plus({ days: 3 * n + 2 })
  for (let n = 0; n < paintDays; n++) {
    appointments.upsertMany(day(fullAfterEmpty(n), `d${n}`), 'calcom')
    appointments.upsertMany(day(fullAfterFull(n), `f${n}`), 'calcom')
  }
  // The update runs' days: one full, one holding a single appointment.
  const updateBusy = FIRST_DAY.plus({ days: 3 * paintDays + 1 })
  const updateLone = updateBusy.plus({ days: 1 })
  const busyUpdateDay = day(updateBusy, 'u')
  appointments.upsertMany(busyUpdateDay, 'calcom')
  const lone = { ...day(updateLone, 'lone')[0]! }
  appointments.upsert(lone, 'calcom')

  /** A desk window opened on `date`, live. */
  const openPage = async (date: DateTime) => {
    const opened = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await opened.addInitScript({ path: join(import.meta.dirname, 'ui-support', 'page-probes.js') })
    await opened.goto(`${desk.url}/?token=${desk.token}#/day/${date.toISODate()}`)
    await opened.locator('[data-app-state="ready"]').waitFor()
    await opened.locator('[data-testid="live-status"]', { hasText: /live/i }).waitFor()
    return opened
  }
  let page = await openPage(FIRST_DAY.minus({ days: 1 }))

  const paint = { afterEmpty: [] as number[], afterFull: [] as number[], empty: [] as number[] }
  for (let n = 0; n < paintDays; n++) {
    const paintOf = (date: DateTime, cards: number) =>
      probe<number>(page, 'paintDay', { date: date.toISODate(), cards })
    const afterEmpty = await paintOf(fullAfterEmpty(n), PER_DAY)
    const afterFull = await paintOf(fullAfterFull(n), PER_DAY)
    const empty = await paintOf(emptyDate(n), 0)
    if (n < WARMUP) continue
    paint.afterEmpty.push(afterEmpty)
    paint.afterFull.push(afterFull)
    paint.empty.push(empty)
  }

  // The update runs get a window of their own: the paint rounds leave ~450 days in this one's
  // query cache (React Query keeps a day 5 minutes), whose collection would land in the updates'
  // tail; a desk visits a handful of days in 5 minutes, not hundreds.
  await page.close()
  page = await openPage(updateLone)

  const update = { busy: [] as number[], lone: [] as number[] }
  const changeOnce = async (date: DateTime, input: AppointmentInput, run: number) => {
    await probe(page, 'paintDay', {
      date: date.toISODate(),
      cards: date === updateBusy ? PER_DAY : 1,
    })
    await probe(page, 'settle')
    const text = `Changed ${run}`
    await probe(page, 'armCardUpdate', { uid: input.uid, text })
    appointments.upsert({ ...input, attendee: { ...input.attendee, name: text } }, 'calcom')
    return probe<number>(page, 'cardUpdated')
  }
  // Each change is made while its day is open, so the two days alternate on screen; a day's
  // second visit comes from the query cache and its paint is not what is timed here.
  for (let run = 0; run < WARMUP + UPDATE_RUNS; run++) {
    const target = busyUpdateDay[run % PER_DAY]!
    const busy = await changeOnce(updateBusy, target, run)
    const single = await changeOnce(updateLone, lone, run)
    if (run < WARMUP) continue
    update.busy.push(busy)
    update.lone.push(single)
  }

  const line = (label: string, xs: number[], target = '') => {
    const s = sorted(xs)
    console.log(
      `  ${label.padEnd(44)} p50 ${fmt(pct(s, 50))}  p99 ${fmt(pct(s, 99))}  max ${fmt(s[s.length - 1]!)}${target}`,
    )
  }
  const ratio = (label: string, a: number[], b: number[]) =>
    console.log(
      `  ${label.padEnd(44)} p50 ${(pct(sorted(a), 50) / pct(sorted(b), 50)).toFixed(2)}x  p99 ${(pct(sorted(a), 99) / pct(sorted(b), 99)).toFixed(2)}x`,
    )
  console.log(
    `\nbench/ui-day-grid (${STAFF} staff, ${PER_DAY} appointments a day, Chromium ${browser.version()} at 1920x1080)`,
  )
  console.log(`  (a) day answer → grid painted, ${PAINT_RUNS} rounds`)
  line(`${PER_DAY}-card day, from an empty day`, paint.afterEmpty, '  (target < 100 ms)')
  line(`${PER_DAY}-card day, from another such day`, paint.afterFull, '  (target < 100 ms)')
  line('baseline: empty day, same 12 staff', paint.empty)
  ratio('ratio, from an empty day', paint.afterEmpty, paint.empty)
  ratio('ratio, from another 300-card day', paint.afterFull, paint.empty)
  console.log(`  (b) live event → card updated, ${UPDATE_RUNS} changes`)
  line(`one card of the ${PER_DAY}-card day`, update.busy, '  (target p99 < 50 ms)')
  line('baseline: the only card of its day', update.lone)
  ratio('ratio', update.busy, update.lone)
} finally {
  await browser.close()
  await desk.dispose()
}
