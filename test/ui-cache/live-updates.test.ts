// The UI's query cache following a real desk's live events (src/renderer/src/app/live-updates.ts):
// the renderer's own API client and a TanStack QueryClient with the day on screen, the desk's
// SQLite changed as the sync path changes it. A change to a few bookings travels with their rows
// and is laid into the open days: what they show is what the desk now answers, and neither the day
// nor the booking is read again.
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppointmentInput } from '../../src/main/core/appointments/appointment-store'
import type { AppointmentDetail, DayView, LiveEvent } from '../../src/shared/api/schemas'
import { createApiClient, type ApiClient } from '../../src/renderer/src/app/api-client'
import { MOST_PATCHED } from '../../src/renderer/src/app/live-invalidation'
import { LiveUpdates } from '../../src/renderer/src/app/live-updates'
import { queryKeys } from '../../src/renderer/src/app/query-keys'
import { deskFetch, startTempDesk, type TempDesk } from '../support/temp-desk'

const ZONE = 'Europe/Lisbon'
let desk: TempDesk
let api: ApiClient
let branchId: number
let staffIds: number[]

beforeAll(async () => {
  desk = await startTempDesk({ env: { FRONTDESK_LOG_LEVEL: 'silent' } })
  api = createApiClient({ apiBaseUrl: desk.url, token: desk.token })
  const { branches, staff } = desk.services
  branchId = branches.update(branches.current().id, { name: 'Lisbon', timeZone: ZONE }).id
  staffIds = ['Ana', 'Bruno'].map(
    (name, i) => staff.upsert({ branchId, calcomHostId: 200 + i, name }).id,
  )
})
afterAll(() => desk.dispose())

let uids = 0
const booking = (start: string, minutes = 30, staff = 0): AppointmentInput => ({
  uid: `live-${++uids}`,
  branchId,
  staffId: staffIds[staff]!,
  title: 'Haircut',
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  status: 'SCHEDULED',
  attendee: { name: `Client ${uids}`, email: `client${uids}@example.com` },
})

/** What the desk answers for the day now. */
async function deskDay(date: string): Promise<DayView> {
  return (await (await deskFetch(desk, `/api/appointments?date=${date}`)).json()) as DayView
}

/** The changes the desk announces while `change` runs. */
function announced(change: () => void): LiveEvent[] {
  const events: LiveEvent[] = []
  const stop = desk.services.bus.subscribe((e) => events.push(e))
  try {
    change()
  } finally {
    stop()
  }
  return events
}

/** A cache with these days on screen (observed, as the grid observes its day) and read. */
async function screenShowing(...dates: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
  const fetches: string[] = []
  client.getQueryCache().subscribe((e) => {
    if (e.type === 'updated' && e.action.type === 'fetch')
      fetches.push(JSON.stringify(e.query.queryKey))
  })
  for (const date of dates) {
    const options = {
      queryKey: queryKeys.day(date),
      queryFn: () => api.call('day', { query: { date } }),
    }
    await client.fetchQuery(options)
    new QueryObserver(client, options).subscribe(() => {})
  }
  fetches.length = 0
  // The API calls the live updates make (the day's own reads show in `fetches`).
  const calls: string[] = []
  const counting = new Proxy(api, {
    get: (target, key) =>
      key === 'call'
        ? (name: string, ...rest: unknown[]) => {
            calls.push(name)
            return (target.call as (...args: unknown[]) => unknown)(name, ...rest)
          }
        : Reflect.get(target, key),
  })
  return {
    client,
    updates: new LiveUpdates(client, counting),
    calls,
    day: (date: string) => client.getQueryData<DayView>(queryKeys.day(date))!,
    /** The query keys fetched since the screen was shown. */
    fetches,
    /** Resolves when the day's query holds a fresh answer. */
    refetched: (date: string) =>
      new Promise<void>((resolve) => {
        const stop = client.getQueryCache().subscribe((e) => {
          if (
            e.type === 'updated' &&
            e.action.type === 'success' &&
            !e.action.manual &&
            JSON.stringify(e.query.queryKey) === JSON.stringify(queryKeys.day(date))
          ) {
            stop()
            resolve()
          }
        })
      }),
  }
}

describe('a live change on an open day', () => {
  it('shows one changed booking without reading the day again; the other cards stay as they were', async () => {
    const date = '2027-05-03'
    const day = [
      booking('2027-05-03T09:00:00Z'),
      booking('2027-05-03T10:00:00Z', 45, 1),
      booking('2027-05-03T11:00:00Z'),
    ]
    desk.services.appointments.upsertMany(day, 'calcom')
    const screen = await screenShowing(date)
    const before = screen.day(date)

    const [event] = announced(() =>
      desk.services.appointments.upsert(
        { ...day[1]!, status: 'CANCELLED', attendee: { ...day[1]!.attendee, name: 'Renamed' } },
        'calcom',
      ),
    )
    await screen.updates.apply(event!)

    expect(screen.day(date)).toEqual(await deskDay(date))
    const shown = screen.day(date).appointments
    expect(shown.map((a) => a.attendee.name)).toEqual([
      day[0]!.attendee.name,
      'Renamed',
      day[2]!.attendee.name,
    ])
    // The rows that did not change are the very objects the cards were drawn from.
    expect(shown[0]).toBe(before.appointments[0])
    expect(shown[2]).toBe(before.appointments[2])
    expect(screen.fetches).toEqual([])
    // The row came with the event: the booking was not read back either.
    expect(screen.calls).toEqual([])
  })

  it('reads the booking back when its event comes without its row (many changed, or an older desk)', async () => {
    const date = '2027-05-04'
    const one = booking('2027-05-04T09:00:00Z')
    desk.services.appointments.upsert(one, 'calcom')
    const screen = await screenShowing(date)
    const [event] = announced(() =>
      desk.services.appointments.upsert(
        { ...one, attendee: { ...one.attendee, name: 'Read back' } },
        'calcom',
      ),
    )
    const { appointments: _rows, ...bare } = event as Extract<LiveEvent, { type: 'appointments' }>
    await screen.updates.apply(bare)

    expect(screen.calls).toEqual(['appointment'])
    expect(screen.day(date)).toEqual(await deskDay(date))
    // Its drawer, opened now, shows the change and its history without a read of its own.
    const drawer = screen.client.getQueryData<AppointmentDetail>(queryKeys.appointment(one.uid))
    expect(drawer?.appointment.attendee.name).toBe('Read back')
    expect(drawer?.history.map((h) => h.code)).toEqual(['created', 'updated'])
  })

  it('moves a booking rescheduled to another open day, in the desk’s order', async () => {
    const [monday, tuesday] = ['2027-05-10', '2027-05-11']
    const moved = booking('2027-05-10T09:00:00Z')
    desk.services.appointments.upsertMany(
      [
        moved,
        booking('2027-05-10T12:00:00Z'),
        booking('2027-05-11T08:00:00Z'),
        booking('2027-05-11T15:00:00Z', 30, 1),
        booking('2027-05-11T15:00:00Z'),
      ],
      'calcom',
    )
    const screen = await screenShowing(monday, tuesday)

    const [event] = announced(() =>
      desk.services.appointments.upsert(
        {
          ...moved,
          start: '2027-05-11T15:00:00Z',
          end: '2027-05-11T15:30:00Z',
          staffId: staffIds[1]!,
        },
        'calcom',
      ),
    )
    await screen.updates.apply(event!)

    expect(screen.day(monday)).toEqual(await deskDay(monday))
    expect(screen.day(tuesday)).toEqual(await deskDay(tuesday))
    expect(screen.day(monday).appointments.map((a) => a.uid)).not.toContain(moved.uid)
    expect(screen.day(tuesday).appointments.map((a) => a.uid)).toContain(moved.uid)
    expect(screen.fetches).toEqual([])
  })

  it('reads the day again when many bookings change at once (a reconcile)', async () => {
    const date = '2027-05-17'
    const many = Array.from({ length: MOST_PATCHED + 1 }, (_, i) =>
      booking(`2027-05-17T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`, 30, i % 2),
    )
    const screen = await screenShowing(date)
    const refetched = screen.refetched(date)

    const [event] = announced(() => desk.services.appointments.upsertMany(many, 'calcom'))
    await screen.updates.apply(event!)
    await refetched

    expect(screen.fetches).toContain(JSON.stringify(queryKeys.day(date)))
    expect(screen.day(date)).toEqual(await deskDay(date))
    expect(screen.day(date).appointments).toHaveLength(MOST_PATCHED + 1)
  })
})
