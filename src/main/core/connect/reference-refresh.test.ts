// A connected desk reads Cal.com's services, staff and opening hours again (reference-refresh.ts):
// against the Cal.com sandbox over HTTP, through the desk's real local API and SQLite file. The
// sandbox's records are changed in place, as an owner would change them in Cal.com.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { connectByApiKey, startDeskOnSandbox } from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { until } from '../../../../test/support/until'
import type { OpeningHours } from '../../../shared/api/opening-hours'
import type {
  Branch,
  EventTypeInfo,
  LiveEvent,
  Staff,
  SyncHealth,
} from '../../../shared/api/schemas'
import { REFERENCE_REFRESH_INTERVAL_MS } from './reference-refresh'

let sandbox: RunningSandbox
let account: SandboxAccount
let desk: TempDesk
/** The desk's clock: the refresh's interval is crossed by moving it, not by waiting. */
let clock: number
/** What the screens heard on the live stream since the desk connected. */
let heard: LiveEvent[]

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
  clock = Date.now()
  desk = await startDeskOnSandbox(sandbox.url, { now: () => clock })
  await connectByApiKey(desk, account.apiKey)
  // Connecting's reconcile done: its Cal.com calls do not meet a test's faults or revoked key.
  await until('the reconcile after connecting', () => desk.services.sync.health().lastReconcile, {
    wake: (recheck) => desk.services.bus.subscribe(() => recheck()),
  })
  heard = []
  desk.services.bus.subscribe((e) => heard.push(e))
})
afterEach(async () => {
  await desk.dispose()
  await sandbox.close()
})

const getJson = async <T>(path: string) => (await (await deskFetch(desk, path)).json()) as T
const services = () => getJson<EventTypeInfo[]>('/api/event-types')
const inCalcom = (calcomId: number) => sandbox.sandbox.store.eventTypes.get(calcomId)!
const bySlug = (list: EventTypeInfo[], slug: string) => list.find((s) => s.slug === slug)!
const branchHeard = () => heard.filter((e) => e.type === 'branch').length

describe('a connected desk reads its reference data again', () => {
  it('takes a renamed, re-priced, hidden, new or deleted service and a new notice, keeping each row, and tells the screens', async () => {
    const before = await services()
    const haircut = bySlug(before, 'haircut')
    const bridal = bySlug(before, 'bridal-trial')
    Object.assign(inCalcom(haircut.calcomId), {
      title: 'Haircut & finish',
      price: 5500,
      minimumBookingNotice: 180,
    })
    inCalcom(bridal.calcomId).hidden = true
    const id = sandbox.sandbox.store.nextEventTypeId()
    sandbox.sandbox.store.eventTypes.set(id, {
      ...inCalcom(haircut.calcomId),
      id,
      slug: 'beard-trim',
      title: 'Beard trim',
      lengthInMinutes: 20,
      minimumBookingNotice: 0,
    })

    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    const after = await services()
    // The same rows: appointments and cancellation policies point at these ids.
    expect(bySlug(after, 'haircut')).toMatchObject({
      id: haircut.id,
      title: 'Haircut & finish',
      price: 5500,
      minimumNoticeMinutes: 180,
    })
    expect(bySlug(after, 'bridal-trial')).toMatchObject({ id: bridal.id, hidden: true })
    expect(bySlug(after, 'beard-trim')).toMatchObject({
      calcomId: id,
      lengthInMinutes: 20,
      hidden: false,
    })
    expect(branchHeard()).toBe(1)

    // Deleted in Cal.com: kept for the appointments that name it, no longer offered.
    sandbox.sandbox.store.eventTypes.delete(id)
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    expect(bySlug(await services(), 'beard-trim')).toMatchObject({ calcomId: id, hidden: true })
    expect(branchHeard()).toBe(2)

    // Nothing new: nothing written, and the screens are not made to read everything again.
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'unchanged' })
    expect(branchHeard()).toBe(2)
  })

  it('a renamed account renames the branch, and the screens hear of it once, after the commit', async () => {
    // Whether each announcement came inside a transaction (before the commit).
    const announced: boolean[] = []
    const off = desk.services.events.on('branchChanged', () =>
      announced.push(desk.services.db.$client.inTransaction),
    )
    sandbox.sandbox.store.accounts.get(account.userId)!.name = 'Maple & Vine Uptown'
    inCalcom(bySlug(await services(), 'haircut').calcomId).title = 'Haircut & finish'

    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    off()
    expect((await getJson<Branch>('/api/branch')).name).toBe('Maple & Vine Uptown')
    // Once, after the commit: the new name is already what anyone reads.
    expect(announced).toEqual([false])
    expect(branchHeard()).toBe(1)
  })

  it('disconnecting and connecting again announce the branch once each, after the commit', async () => {
    const announced: boolean[] = []
    const off = desk.services.events.on('branchChanged', () =>
      announced.push(desk.services.db.$client.inTransaction),
    )
    const post = (path: string, body?: unknown) =>
      deskFetch(desk, path, {
        method: 'POST',
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      })
    expect((await post('/api/branch/disconnect')).status).toBe(200)
    expect(announced).toEqual([false])
    expect((await post('/api/branch/connect', { apiKey: account.apiKey })).status).toBe(200)
    off()
    // Heard once each, never from inside a transaction (which could still roll back).
    expect(announced).toEqual([false, false])
  })

  it("moves the grid's hours when Cal.com's opening hours change", async () => {
    const day = '2031-03-04'
    const hours = () => getJson<OpeningHours>(`/api/opening-hours?date=${day}`)
    expect((await hours()).opensAtMinute).not.toBe(6 * 60)
    for (const schedule of sandbox.sandbox.store.schedulesOf(account.userId))
      schedule.overrides.push({ date: day, startTime: '06:00', endTime: '21:00' })

    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    expect(await hours()).toMatchObject({ opensAtMinute: 6 * 60, closesAtMinute: 21 * 60 })
    expect(branchHeard()).toBe(1)
  })

  it("takes staff's new names and a new member, and keeps the desk's colours and active flags", async () => {
    const rows = () => desk.services.staff.rowsOf(desk.services.branches.current().id)
    const [first, second] = rows()
    expect(second).toBeDefined()
    desk.services.staff.update(first!.id, { colour: '#b4005a' })
    desk.services.staff.update(second!.id, { colour: '#00785a', active: false })
    const renamed = sandbox.sandbox.store.staff.get(first!.calcomHostId!)!
    renamed.name = 'Anna-Lena Ruiz'
    sandbox.sandbox.store.staff.get(second!.calcomHostId!)!.name = 'Not On The Grid'

    // A new member hosting the haircut, with a booking that tells the desk their id.
    const haircut = [...sandbox.sandbox.store.eventTypesOf(account.userId)].find(
      (et) => et.slug === 'haircut',
    )!
    const newcomerId = sandbox.sandbox.store.nextUserId()
    sandbox.sandbox.store.staff.set(newcomerId, {
      ...renamed,
      id: newcomerId,
      name: 'Noor Haddad',
      email: 'noor@example.test',
      username: 'noor',
    })
    // A time the newcomer is free: the slots of the haircut with them as its only host.
    const hosts = haircut.hostIds
    haircut.hostIds = [newcomerId]
    const [slot] = await sandboxSlots(sandbox.url, haircut.id)
    haircut.hostIds = [...hosts, newcomerId]
    const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
      body: JSON.stringify({
        start: slot,
        eventTypeId: haircut.id,
        attendee: { name: 'Sam Client', email: 'sam@example.test', timeZone: account.timeZone },
        hostId: newcomerId,
      }),
    })
    expect(booked.status, await booked.text()).toBe(201)
    // And one Cal.com's event types name only by username (no booking yet): the team's
    // memberships tell their id and name (staff-by-username.test.ts).
    sandbox.sandbox.store.addStaff(
      { ...renamed, name: 'Lee Park', email: 'lee@example.test', username: 'lee' },
      [haircut.id],
    )

    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    const after = rows()
    expect(after.find((r) => r.id === first!.id)).toMatchObject({
      name: 'Anna-Lena Ruiz',
      colour: '#b4005a',
      active: true,
    })
    expect(after.find((r) => r.id === second!.id)).toMatchObject({
      name: 'Not On The Grid',
      colour: '#00785a',
      active: false,
    })
    const onTheGrid = await getJson<Staff[]>('/api/staff')
    expect(onTheGrid.map((s) => s.name)).toContain('Noor Haddad')
    expect(onTheGrid.map((s) => s.name)).not.toContain('Not On The Grid')
    // One row per member: nobody got a second column.
    expect(new Set(after.map((r) => r.calcomUsername)).size).toBe(after.length)
    expect(after.filter((r) => r.calcomHostId === null)).toEqual([])
    expect(onTheGrid.map((s) => s.name)).toContain('Lee Park')
  })
})

describe('a refresh that fails', () => {
  it('changes nothing while Cal.com answers 500, says so in sync health, keeps the branch connected, and takes the change at the next chance', async () => {
    const before = await services()
    const haircut = bySlug(before, 'haircut')
    inCalcom(haircut.calcomId).title = 'Haircut & finish'
    // The first try and the transport's two retries of this read.
    const fault = await fetch(`${sandbox.url}/_sandbox/faults/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'http500', count: 3, pathPrefix: '/v2/event-types' }),
    })
    expect(fault.ok).toBe(true)

    expect(await desk.services.referenceRefresh.refresh()).toEqual({
      outcome: 'failed',
      code: 'SERVER_ERROR',
    })
    expect(await services()).toEqual(before)
    expect(branchHeard()).toBe(0)
    const health = await getJson<SyncHealth>('/api/sync')
    expect(health.connection).toBe('connected')
    expect(health.recentErrors[0]).toMatchObject({ source: 'calcom', code: 'SERVER_ERROR' })
    expect(health.recentErrors[0]!.message).toMatch(/Services, staff and opening hours/)
    expect(health.recentErrors[0]!.message).not.toContain(account.apiKey)

    // A failed refresh is due again at the next reconcile, the interval notwithstanding.
    const next = desk.services.referenceRefresh.afterReconcile({ ok: true, trigger: 'interval' })
    expect(await next).toEqual({ outcome: 'changed' })
    expect(bySlug(await services(), 'haircut').title).toBe('Haircut & finish')
  })

  it('leaves the branch as it was when writing what was read fails: the rolled-back name is not served', async () => {
    const before = await getJson<Branch>('/api/branch')
    const held = desk.services.branches.current()
    sandbox.sandbox.store.accounts.get(account.userId)!.name = 'Maple & Vine Uptown'
    inCalcom(bySlug(await services(), 'haircut').calcomId).title = 'Haircut & finish'
    // The desk's own SQLite refuses a write the merge makes after the branch row's: the whole
    // transaction rolls back, the branch row's new name with it.
    desk.services.db.$client.exec(
      `create temp trigger refuse_event_types before update on event_types
       begin select raise(abort, 'the disk refused it'); end`,
    )

    expect(await desk.services.referenceRefresh.refresh()).toEqual({
      outcome: 'failed',
      code: 'REFERENCE_NOT_APPLIED',
    })
    expect(desk.services.branches.current()).toEqual(held)
    expect(await getJson<Branch>('/api/branch')).toEqual(before)
    expect(branchHeard()).toBe(0)

    // Once the disk takes it again, the next refresh brings the name, and it is served.
    desk.services.db.$client.exec('drop trigger refuse_event_types')
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    expect(desk.services.branches.current().name).toBe('Maple & Vine Uptown')
    expect((await getJson<Branch>('/api/branch')).name).toBe('Maple & Vine Uptown')
  })
})

describe('a refresh Cal.com does not understand or refuses', () => {
  it('changes nothing when an answer does not fit, naming the field in sync health', async () => {
    const before = await services()
    const haircut = inCalcom(bySlug(before, 'haircut').calcomId)
    haircut.title = 'Haircut & finish'
    // A notice that is no count of minutes: the walk-in would read it as none.
    Object.assign(haircut, { minimumBookingNotice: '180' })

    expect(await desk.services.referenceRefresh.refresh()).toEqual({
      outcome: 'failed',
      code: 'UNEXPECTED_RESPONSE',
    })
    expect(await services()).toEqual(before)
    expect(branchHeard()).toBe(0)
    const [problem] = (await getJson<SyncHealth>('/api/sync')).recentErrors
    expect(problem).toMatchObject({ source: 'calcom', code: 'UNEXPECTED_RESPONSE' })
    expect(problem!.message).toMatch(/minimumBookingNotice/)
  })

  it('a revoked key takes the reconnect path, once, and changes nothing', async () => {
    const before = await services()
    inCalcom(bySlug(before, 'haircut').calcomId).title = 'Haircut & finish'
    sandbox.sandbox.store.revokeApiKey(account.apiKey)

    expect(await desk.services.referenceRefresh.refresh()).toEqual({
      outcome: 'failed',
      code: 'UNAUTHORIZED',
    })
    expect(await services()).toEqual(before)
    const health = await getJson<SyncHealth>('/api/sync')
    expect(health.connection).toBe('reconnect_needed')
    // Said once, by the connection, not again by the refresh.
    expect(health.recentErrors.map((e) => e.code)).toEqual(['UNAUTHORIZED'])
    expect(desk.services.audit.entries().map((a) => a.action)).toContain('branch.reconnect_needed')
    // Not tried again until the branch is reconnected.
    expect(await desk.services.referenceRefresh.refresh()).toEqual({
      outcome: 'skipped',
      why: 'not-connected',
    })
  })
})

describe('when a refresh comes', () => {
  it('not after connecting, which read everything, until the interval has passed; at once on "Sync now"', async () => {
    const interval = { ok: true, trigger: 'interval' } as const
    expect(desk.services.referenceRefresh.afterReconcile(interval)).toBeNull()
    // A failed reconcile brings none: Cal.com is out of reach, and sync health says so already.
    clock += REFERENCE_REFRESH_INTERVAL_MS
    expect(desk.services.referenceRefresh.afterReconcile({ ...interval, ok: false })).toBeNull()
    expect(await desk.services.referenceRefresh.afterReconcile(interval)).toEqual({
      outcome: 'unchanged',
    })
    expect(desk.services.referenceRefresh.afterReconcile(interval)).toBeNull()
    expect(
      await desk.services.referenceRefresh.afterReconcile({ ok: true, trigger: 'demand' }),
    ).toEqual({ outcome: 'unchanged' })
  })
})
