// A desk that split a member renamed in Cal.com into two rows before it read the team's
// memberships (their own row, held by Cal.com id, and a second one added for the new username,
// with no id) has them folded back into one by the next reference refresh: against the Cal.com
// sandbox over HTTP and the desk's own SQLite file, seen through its local API and live stream.
// The split is made as the older desk made it: the memberships refused, the merge then knew the
// new username by nothing else.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { readLiveStream, type LiveStream } from '../../../../test/support/live-stream'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { AppointmentDetail, DayView, Staff } from '../../../shared/api/schemas'
import {
  connectWithApiKey,
  deskOn,
  sandboxState,
  TOMORROW,
} from '../outbound/outbound.test-support'

let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
let desk: TempDesk
let live: LiveStream | undefined

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxState(sandbox.url)).accounts[0]!
  desk = await deskOn(sandbox.url)
  await connectWithApiKey(desk, account.apiKey)
})
afterEach(async () => {
  live?.close()
  await desk.dispose()
  await sandbox.close()
})

const getJson = async <T>(path: string) => (await (await deskFetch(desk, path)).json()) as T
const onTheGrid = () => getJson<Staff[]>('/api/staff')
/** What the day grid reads: its columns (staff) and cards. */
const dayView = () => getJson<DayView>(`/api/appointments?date=${TOMORROW}`)
const branchId = () => desk.services.branches.current().id
const rows = () => desk.services.staff.rowsOf(branchId())
const store = () => sandbox.sandbox.store
const refresh = () => desk.services.referenceRefresh.refresh()
const refuseMemberships = () =>
  sandbox.sandbox.apiFaults.add({
    mode: 'http403',
    remaining: 1_000,
    pathPrefix: '/v2/teams',
    hangMs: 0,
  })

/** An appointment on a staff row tomorrow at `hour` UTC, as Cal.com's news would lay it. */
function bookOn(staffId: number, uid: string, hour: number): void {
  desk.services.appointments.upsert(
    {
      uid,
      branchId: branchId(),
      staffId,
      title: 'Haircut',
      start: `${TOMORROW}T${hour}:00:00.000Z`,
      end: `${TOMORROW}T${hour}:45:00.000Z`,
      status: 'SCHEDULED',
      attendee: { name: `Client of ${uid}`, email: `${uid}@example.test` },
    },
    'calcom',
  )
}

/**
 * The older desk's split: a member held by id is renamed in Cal.com with no booking of theirs in
 * the sample read, and a refresh without memberships adds a second row for the new username.
 */
async function splitARenamedMember() {
  const member = rows().find((r) => r.calcomHostId !== null && r.calcomHostId !== account.userId)!
  desk.services.staff.update(member.id, { colour: '#b15928' })
  for (const [uid, b] of store().bookings)
    if (b.hostId === member.calcomHostId) store().bookings.delete(uid)
  store().staff.get(member.calcomHostId!)!.username = 'renamed-stylist'
  refuseMemberships()
  expect(await refresh()).toEqual({ outcome: 'changed' })
  const second = rows().find((r) => r.calcomUsername === 'renamed-stylist')!
  expect(second).toMatchObject({ calcomHostId: null, name: 'renamed-stylist', active: true })
  expect(second.id).not.toBe(member.id)
  return { member, second }
}

it.each([
  ['still holding the new username', false],
  ['left with no id and no username by a refresh since the memberships are read', true],
])(
  "a member's second row (%s) is folded into theirs: its appointments move to their column, on the day view and the live stream, and the row goes",
  async (_state, released) => {
    const { member, second } = await splitARenamedMember()
    bookOn(second.id, 'booked-on-second-row', 15)
    bookOn(member.id, 'booked-on-own-row', 17)
    if (released) {
      // What the refresh of the memberships' first commit did: the username went to the member.
      desk.services.staff.update(second.id, { calcomUsername: null })
      desk.services.staff.update(member.id, { calcomUsername: 'renamed-stylist' })
    }
    const { appointments: before } = await dayView()
    expect(before.map((a) => a.uid)).toContain('booked-on-second-row')
    // Open (subscribed) once its headers are here, as a screen's is.
    live = readLiveStream(await deskFetch(desk, '/api/live'))
    const idsBefore = rows().map((r) => r.id)

    sandbox.sandbox.apiFaults.clear()
    expect(await refresh()).toEqual({ outcome: 'changed' })

    expect(rows().map((r) => r.id)).toEqual(idsBefore.filter((id) => id !== second.id))
    expect(rows().find((r) => r.id === member.id)).toMatchObject({
      calcomHostId: member.calcomHostId,
      calcomUsername: 'renamed-stylist',
      name: member.name,
      colour: '#b15928',
      active: true,
    })
    const grid = await onTheGrid()
    expect(grid.filter((s) => s.id === member.id)).toHaveLength(1)
    expect(grid.some((s) => s.id === second.id || s.name === 'renamed-stylist')).toBe(false)

    const { appointments: after, staff: columns } = await dayView()
    expect(columns.filter((s) => s.id === member.id || s.id === second.id)).toEqual([
      expect.objectContaining({ id: member.id, name: member.name }),
    ])
    // Nothing lost: the same appointments, each as it was but the one moved to its member.
    expect(after.map((a) => a.uid).sort()).toEqual(before.map((a) => a.uid).sort())
    for (const a of after) {
      const was = before.find((b) => b.uid === a.uid)!
      const staffId = was.staffId === second.id ? member.id : was.staffId
      expect({ ...a, updatedAt: undefined }).toMatchObject({
        ...was,
        staffId,
        updatedAt: undefined,
      })
    }
    const { appointment } = await getJson<AppointmentDetail>(
      '/api/appointments/booked-on-second-row',
    )
    expect(appointment.staffId).toBe(member.id)

    // The open screens hear of it: the staff (branch) and the moved card in its new column.
    const heard = await until('the fold on the live stream', () => {
      const moved = live!.events.find(
        (e) => e.type === 'appointments' && e.uids.includes('booked-on-second-row'),
      )
      return moved && live!.events.some((e) => e.type === 'branch') && moved
    })
    expect(heard).toMatchObject({
      dates: [TOMORROW],
      appointments: [{ uid: 'booked-on-second-row', staffId: member.id }],
    })

    // Folded once: a refresh after finds nothing more to do.
    expect(await refresh()).toEqual({ outcome: 'unchanged' })
  },
)

it('a member known by username only is another person: their row stays, linked to their own Cal.com id, with their appointments', async () => {
  const { member, second } = await splitARenamedMember()
  const haircut = store()
    .eventTypesOf(account.userId)
    .find((et) => et.slug === 'haircut')!
  const lee = store().addStaff(
    { ...store().staffOf(account.userId)[0]!, name: 'Lee Park', username: 'lee' },
    [haircut.id],
  )
  expect(await refresh()).toEqual({ outcome: 'changed' })
  const leeRow = rows().find((r) => r.calcomUsername === 'lee')!
  expect(leeRow.calcomHostId).toBeNull()
  bookOn(leeRow.id, 'booked-with-lee', 15)
  bookOn(second.id, 'booked-on-second-row', 16)

  sandbox.sandbox.apiFaults.clear()
  expect(await refresh()).toEqual({ outcome: 'changed' })

  expect(rows().find((r) => r.id === leeRow.id)).toMatchObject({
    calcomHostId: lee.id,
    calcomUsername: 'lee',
    name: 'Lee Park',
    active: true,
  })
  expect(rows().some((r) => r.id === second.id)).toBe(false)
  const staffOf = Object.fromEntries((await dayView()).appointments.map((a) => [a.uid, a.staffId]))
  expect(staffOf).toMatchObject({
    'booked-with-lee': leeRow.id,
    'booked-on-second-row': member.id,
  })
  const grid = await onTheGrid()
  expect(grid.filter((s) => s.id === leeRow.id || s.id === member.id)).toHaveLength(2)
})
