// Hosts' Cal.com ids are learned from the bookings of the 30 days before the desk's day: the
// desk's clock (a test's or a demo's shifted day), not the machine's. Against a Cal.com sandbox
// whose clock is set two years back, through the desk's local API and SQLite file: with the real
// clock the sampled window would start after every one of the sandbox's bookings.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { connectByApiKey, startDeskOnSandbox } from '../../../../test/support/connected-desk'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import type { TempDesk } from '../../../../test/support/temp-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'

const YEAR_MS = 365 * 86_400_000
/** Two years back, a Tuesday afternoon: the sandbox seeds its week of bookings around it. */
const THEN = Date.parse('2024-03-05T14:00:00Z')
const offset = THEN - Date.now()
const deskClock = () => Date.now() + offset

let sandbox: RunningSandbox
let account: SandboxAccount
let desk: TempDesk

beforeEach(async () => {
  expect(Date.now() - THEN).toBeGreaterThan(YEAR_MS)
  sandbox = await startSandbox({ port: 0, now: new Date(THEN).toISOString() })
  account = (await sandboxAccounts(sandbox.url))[0]!
  desk = await startDeskOnSandbox(sandbox.url, { now: deskClock })
  await connectByApiKey(desk, account.apiKey)
})
afterEach(async () => {
  await desk.dispose()
  await sandbox.close()
})

const rows = () => desk.services.staff.rowsOf(desk.services.branches.current().id)
const store = () => sandbox.sandbox.store

it("connecting learns every booked member's Cal.com id from the bookings before the desk's day", () => {
  const booked = new Set([...store().bookings.values()].map((b) => b.hostId))
  const members = store()
    .staffOf(account.userId)
    .filter((s) => booked.has(s.id))
  expect(members.length).toBeGreaterThan(0)
  for (const m of members)
    expect(rows().find((r) => r.calcomUsername === m.username.toLowerCase())).toMatchObject({
      calcomHostId: m.id,
    })
})

it("a refresh learns a new member's id from their booking on the desk's day", async () => {
  const [member] = store().staffOf(account.userId)
  const haircut = store()
    .eventTypesOf(account.userId)
    .find((et) => et.slug === 'haircut')!
  const lee = store().addStaff(
    { ...member!, name: 'Lee Park', email: 'lee@example.test', username: 'lee' },
    [haircut.id],
  )
  // Lee's first client, booked on Cal.com's page with Lee as host.
  const hosts = haircut.hostIds
  haircut.hostIds = [lee.id]
  const [slot] = await sandboxSlots(sandbox.url, haircut.id)
  haircut.hostIds = hosts
  const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
    body: JSON.stringify({
      start: slot,
      eventTypeId: haircut.id,
      attendee: { name: 'Sam Client', email: 'sam@example.test', timeZone: account.timeZone },
      hostId: lee.id,
    }),
  })
  expect(booked.status, await booked.text()).toBe(201)

  expect((await desk.services.referenceRefresh.refresh()).outcome).toBe('changed')
  expect(rows().find((r) => r.calcomUsername === 'lee')).toMatchObject({
    calcomHostId: lee.id,
    name: 'Lee Park',
  })
})
