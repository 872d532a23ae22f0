// Cal.com's event types name their hosts by username only; the desk keeps each member's username
// (migration 0010) so that a member it has not yet seen booked is still one row, one column:
// against the Cal.com sandbox and a real relay over HTTP, through the desk's local API and SQLite
// file. The sandbox's records are changed in place, as an owner would change them in Cal.com.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { AppointmentDetail, Staff, SyncHealth } from '../../../shared/api/schemas'
import { sandboxState, connectWithApiKey } from '../outbound/outbound.test-support'

let sandbox: RunningSandbox
let relay: InProcessRelay
let account: SandboxState['accounts'][number]
let desk: TempDesk

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = await sandboxState(sandbox.url)
  account = state.accounts[0]!
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_RELAY_URL: relay.url,
    },
    sync: { relayWaitSeconds: 5 },
  })
  await connectWithApiKey(desk, account.apiKey)
  // Enrolled at the relay, and the reconcile after it done: webhooks now reach the desk.
  await until('relay online and the reconcile after enrolling', async () => {
    const s = await health()
    return s.relay.state === 'online' && s.lastReconcile?.trigger === 'enrolled'
  })
})
afterEach(async () => {
  await desk.dispose()
  await sandbox.close()
  await relay.close()
})

const getJson = async <T>(path: string) => (await (await deskFetch(desk, path)).json()) as T
const health = () => getJson<SyncHealth>('/api/sync')
const onTheGrid = () => getJson<Staff[]>('/api/staff')
const rows = () => desk.services.staff.rowsOf(desk.services.branches.current().id)
const store = () => sandbox.sandbox.store
const haircut = () =>
  store()
    .eventTypesOf(account.userId)
    .find((et) => et.slug === 'haircut')!

/** Cal.com refuses the team's memberships to the desk's credential (a token without the scope). */
const refuseMemberships = async () => {
  const res = await fetch(`${sandbox.url}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'http403', count: 100, pathPrefix: '/v2/teams' }),
  })
  expect(res.status).toBe(201)
}

it('a new member hosting a service with no bookings joins the grid on a refresh under their name and Cal.com id, from the team memberships', async () => {
  const [member] = store().staffOf(account.userId)
  const lee = store().addStaff(
    { ...member!, name: 'Lee Park', email: 'lee@example.test', username: 'Lee' },
    [haircut().id],
  )
  expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
  const added = rows().find((r) => r.calcomUsername === 'lee')!
  expect(added).toMatchObject({ calcomHostId: lee.id, name: 'Lee Park', active: true })
  expect((await onTheGrid()).filter((s) => s.name === 'Lee Park')).toHaveLength(1)
  expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'unchanged' })
})

it('a member renamed in Cal.com, with no booking in the sample read, stays their one row: the membership tells the id behind the new username', async () => {
  const before = rows()
  const member = before.find((r) => r.calcomHostId !== null && r.calcomHostId !== account.userId)!
  desk.services.staff.update(member.id, { colour: '#b15928' })
  for (const [uid, b] of store().bookings)
    if (b.hostId === member.calcomHostId) store().bookings.delete(uid)
  // The owner changes their username in Cal.com: event types now name them only by the new one.
  store().staff.get(member.calcomHostId!)!.username = 'renamed-stylist'

  expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
  expect(rows().map((r) => r.id)).toEqual(before.map((r) => r.id))
  expect(rows().find((r) => r.id === member.id)).toMatchObject({
    calcomHostId: member.calcomHostId,
    calcomUsername: 'renamed-stylist',
    name: member.name,
    colour: '#b15928',
    active: true,
  })
  expect((await onTheGrid()).filter((s) => s.name === member.name)).toHaveLength(1)
  expect((await onTheGrid()).some((s) => s.name === 'renamed-stylist')).toBe(false)
})

it('without the memberships (Cal.com refuses them), a new member is known by username until their first booking by webhook lands in that same column', async () => {
  await refuseMemberships()
  const [member] = store().staffOf(account.userId)
  const lee = store().addStaff(
    { ...member!, name: 'Lee Park', email: 'lee@example.test', username: 'Lee' },
    [haircut().id],
  )

  expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
  // Known by username until a booking tells more: Cal.com's event types say nothing else.
  const added = rows().find((r) => r.calcomUsername === 'lee')!
  expect(added).toMatchObject({ calcomHostId: null, name: 'Lee', active: true })
  expect((await onTheGrid()).filter((s) => s.id === added.id)).toHaveLength(1)
  desk.services.staff.update(added.id, { colour: '#6a3d9a' })
  const before = rows()
  // Read again: the same rows, nothing new to tell the screens.
  expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'unchanged' })
  expect(rows()).toEqual(before)

  // A client books Lee online: a time Lee is free, with Lee as the haircut's only host.
  const hosts = haircut().hostIds
  haircut().hostIds = [lee.id]
  const [slot] = await sandboxSlots(sandbox.url, haircut().id)
  haircut().hostIds = hosts
  const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
    body: JSON.stringify({
      start: slot,
      eventTypeId: haircut().id,
      attendee: { name: 'Sam Client', email: 'sam@example.test', timeZone: account.timeZone },
      hostId: lee.id,
    }),
  })
  const answer = await booked.text()
  expect(booked.status, answer).toBe(201)
  const { uid } = (JSON.parse(answer) as { data: { uid: string } }).data
  const flushed = await fetch(`${sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' })
  expect(flushed.ok).toBe(true)
  const webhook = await until(
    'the booking by webhook',
    async () => {
      const h = await health()
      return h.lastEvent?.uids.includes(uid) && h.lastEvent
    },
    { explain: health },
  )
  expect(webhook.trigger).toBe('BOOKING_CREATED')

  const { appointment } = await getJson<AppointmentDetail>(`/api/appointments/${uid}`)
  expect(appointment.staffId).toBe(added.id)
  // The same row, now linked to Lee's Cal.com id and named as the booking names them.
  expect(rows().map((r) => r.id)).toEqual(before.map((r) => r.id))
  expect(rows().find((r) => r.id === added.id)).toMatchObject({
    calcomHostId: lee.id,
    calcomUsername: 'lee',
    name: 'Lee Park',
    colour: '#6a3d9a',
  })
})

it('a member with no booking in the sample read keeps their one row, colour and place on the grid', async () => {
  const before = rows()
  const member = before.find((r) => r.calcomHostId !== null)!
  expect(member.calcomUsername).toBeTruthy()
  desk.services.staff.update(member.id, { colour: '#b15928' })
  // Their bookings gone from Cal.com: now only the event types they host name them (by username).
  for (const [uid, b] of store().bookings)
    if (b.hostId === member.calcomHostId) store().bookings.delete(uid)
  expect(
    store()
      .eventTypesOf(account.userId)
      .some((et) => et.hostIds.includes(member.calcomHostId!)),
  ).toBe(true)

  const refreshed = await desk.services.referenceRefresh.refresh()
  expect(refreshed.outcome).not.toBe('failed')
  expect(rows().map((r) => r.id)).toEqual(before.map((r) => r.id))
  expect(rows().find((r) => r.id === member.id)).toMatchObject({
    calcomHostId: member.calcomHostId,
    calcomUsername: member.calcomUsername,
    colour: '#b15928',
    active: true,
  })
  expect((await onTheGrid()).filter((s) => s.name === member.name)).toHaveLength(1)
})
