// What LiveUpdates does to the cache beyond invalidation (live-invalidation.test.ts): a day still
// showing a desk booking under its placeholder uid is read again when the queue moves on, so the
// placeholder cannot linger beside the booking's Cal.com card.
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import type { AppointmentDetail, DayView } from '../../../shared/api/schemas'
import type { ApiClient } from './api-client'
import { LiveUpdates } from './live-updates'
import { queryKeys } from './query-keys'

const dayWith = (date: string, uids: string[]) =>
  ({ date, appointments: uids.map((uid) => ({ uid })) }) as unknown as DayView

/** A cached day a changed row can be laid into (day-patch.ts reads its bounds and staff). */
const patchableDay = (date: string, uids: string[]) => ({
  ...dayWith(date, uids),
  startsAt: `${date}T00:00:00Z`,
  endsAt: `${date}T23:59:59Z`,
  staff: [],
})

// No appointment is patched for an `outbox` signal: nothing may be read.
const noReads = {
  call: () => {
    throw new Error('no read expected')
  },
} as unknown as ApiClient

describe('LiveUpdates on the queue moving on', () => {
  it('reads again the days that still show a placeholder card, and only those', async () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(queryKeys.day('2026-12-08'), dayWith('2026-12-08', ['local-1', 'c1']))
    queryClient.setQueryData(queryKeys.day('2026-12-09'), dayWith('2026-12-09', ['c2']))
    await new LiveUpdates(queryClient, noReads).apply({ type: 'outbox' })
    expect(queryClient.getQueryState(queryKeys.day('2026-12-08'))?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(queryKeys.day('2026-12-09'))?.isInvalidated).toBe(false)
  })
})

// A read on its way when a live event arrives may have been answered before the change: its
// answer must never be what the screen ends with. TanStack Query, asked to refetch a query whose
// first read is still on its way, hands back that same read; these prove a new one is made.
describe('LiveUpdates with a read already on its way', () => {
  const date = '2026-12-08'
  const client = () => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })

  /** A query on screen whose reads the test answers one by one, in the order they were made. */
  function onScreen<T>(queryClient: QueryClient, queryKey: readonly unknown[]) {
    const answers: Array<(value: T) => void> = []
    const observer = new QueryObserver<T>(queryClient, {
      queryKey,
      queryFn: () => new Promise<T>((resolve) => answers.push(resolve)),
    })
    const shown: T[] = []
    const stop = observer.subscribe((result) => {
      if (result.data !== undefined) shown.push(result.data)
    })
    return { answers, shown, stop }
  }

  const uidsOf = (day: DayView | undefined) => day?.appointments.map((a) => a.uid)

  it('reads a day with no data yet again after a change, and discards the older answer', async () => {
    const queryClient = client()
    const day = onScreen<DayView>(queryClient, queryKeys.day(date))
    await vi.waitFor(() => expect(day.answers).toHaveLength(1))

    await new LiveUpdates(queryClient, noReads).apply({ type: 'branch' })
    await vi.waitFor(() => expect(day.answers).toHaveLength(2))
    day.answers[0]!(dayWith(date, ['before-the-change']))
    day.answers[1]!(dayWith(date, ['after-the-change']))

    await vi.waitFor(() =>
      expect(uidsOf(queryClient.getQueryData(queryKeys.day(date)))).toEqual(['after-the-change']),
    )
    expect(day.shown.map(uidsOf)).toEqual([['after-the-change']])
    day.stop()
  })

  it('reads a day with no data yet again when one of its bookings is patched', async () => {
    const queryClient = client()
    const day = onScreen<DayView>(queryClient, queryKeys.day(date))
    await vi.waitFor(() => expect(day.answers).toHaveLength(1))
    const detail = { appointment: { uid: 'u1' }, history: [] } as unknown as AppointmentDetail
    const api = { call: () => Promise.resolve(detail) } as unknown as ApiClient

    await new LiveUpdates(queryClient, api).apply({
      type: 'appointments',
      uids: ['u1'],
      dates: [date],
    })
    await vi.waitFor(() => expect(day.answers).toHaveLength(2))
    day.answers[1]!(dayWith(date, ['u1']))
    day.answers[0]!(dayWith(date, []))

    await vi.waitFor(() =>
      expect(uidsOf(queryClient.getQueryData(queryKeys.day(date)))).toEqual(['u1']),
    )
    expect(day.shown.map(uidsOf)).toEqual([['u1']])
    day.stop()
  })

  it('keeps the drawer on the changed appointment when its own older read lands after', async () => {
    const queryClient = client()
    const drawer = onScreen<AppointmentDetail>(queryClient, queryKeys.appointment('u1'))
    await vi.waitFor(() => expect(drawer.answers).toHaveLength(1))
    const detailOf = (status: string) =>
      ({ appointment: { uid: 'u1', status }, history: [] }) as unknown as AppointmentDetail
    const api = { call: () => Promise.resolve(detailOf('cancelled')) } as unknown as ApiClient

    await new LiveUpdates(queryClient, api).apply({
      type: 'appointments',
      uids: ['u1'],
      dates: [date],
    })
    drawer.answers[0]!(detailOf('accepted'))
    // Let the older answer land, if it is going to.
    await new Promise((resolve) => setTimeout(resolve, 0))

    expect(
      queryClient.getQueryData<AppointmentDetail>(queryKeys.appointment('u1'))?.appointment.status,
    ).toBe('cancelled')
    expect(drawer.shown.map((d) => d.appointment.status)).toEqual(['cancelled'])
    drawer.stop()
  })
})

// The desk answers one request at a time: the changed booking's own read goes first, so the card
// changes without waiting for the day's clients, slots and pending list to be read again.
describe('LiveUpdates on a changed booking', () => {
  it('reads the booking before asking again for what its change made stale', async () => {
    const date = '2026-12-08'
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
    const asked: string[] = []
    queryClient.setQueryData(queryKeys.day(date), dayWith(date, ['u1']))
    const clients = new QueryObserver(queryClient, {
      queryKey: queryKeys.dayClients(date),
      queryFn: () => {
        asked.push('day clients')
        return { appointments: [] }
      },
    })
    const stop = clients.subscribe(() => {})
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(queryKeys.dayClients(date))).toBeDefined(),
    )
    const detail = { appointment: { uid: 'u1' }, history: [] } as unknown as AppointmentDetail
    const api = {
      call: () => {
        asked.push('booking')
        return Promise.resolve(detail)
      },
    } as unknown as ApiClient

    await new LiveUpdates(queryClient, api).apply({
      type: 'appointments',
      uids: ['u1'],
      dates: [date],
    })

    await vi.waitFor(() => expect(asked).toEqual(['day clients', 'booking', 'day clients']))
    stop()
  })
})

// Starting a read costs the page's thread a few milliseconds: the reads a change makes stale wait
// until the changed card is drawn, and a burst of changes waits for one frame, not one each.
describe('LiveUpdates and the frame showing the change', () => {
  it('asks for nothing else until the changed cards are drawn, then for what they made stale', async () => {
    const date = '2026-12-08'
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
    queryClient.setQueryData(queryKeys.day(date), patchableDay(date, ['u1', 'u2']))
    let asked = 0
    const clients = new QueryObserver(queryClient, {
      queryKey: queryKeys.dayClients(date),
      queryFn: () => {
        asked++
        return { appointments: [] }
      },
    })
    const stop = clients.subscribe(() => {})
    await vi.waitFor(() => expect(asked).toBe(1))
    const frames: Array<() => void> = []
    const nextFrame = () => new Promise<void>((resolve) => frames.push(resolve))
    const updates = new LiveUpdates(queryClient, noReads, nextFrame)
    const row = (uid: string) =>
      ({ uid, start: `${date}T10:00:00Z`, attendee: { name: `Changed ${uid}` } }) as never

    const applied = [
      updates.apply({
        type: 'appointments',
        uids: ['u1'],
        dates: [date],
        appointments: [row('u1')],
      }),
      updates.apply({
        type: 'appointments',
        uids: ['u2'],
        dates: [date],
        appointments: [row('u2')],
      }),
      updates.apply({ type: 'clients', ids: [7], all: false }),
    ]
    await vi.waitFor(() => expect(frames).toHaveLength(2))
    // Both cards are laid in, and nothing has been asked for yet.
    const shown = queryClient.getQueryData<DayView>(queryKeys.day(date))!.appointments
    expect(shown.map((a) => a.attendee.name)).toEqual(['Changed u1', 'Changed u2'])
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(asked).toBe(1)

    for (const drawn of frames) drawn()
    await Promise.all(applied)
    await vi.waitFor(() => expect(asked).toBeGreaterThan(1))
    stop()
  })
})

// A booking's change makes its day's clients stale, and so does the 'clients' signal the desk
// sends right after it (that booking's client was recounted): one read answers both.
describe('LiveUpdates on a burst of signals', () => {
  it('reads a query that several signals made stale once', async () => {
    const date = '2026-12-08'
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
    queryClient.setQueryData(queryKeys.day(date), patchableDay(date, ['u1']))
    let asked = 0
    const clients = new QueryObserver(queryClient, {
      queryKey: queryKeys.dayClients(date),
      queryFn: async () => {
        asked++
        await new Promise((resolve) => setTimeout(resolve, 5))
        return { appointments: [] }
      },
    })
    const stop = clients.subscribe(() => {})
    await vi.waitFor(() => expect(clients.getCurrentResult().isSuccess).toBe(true))
    const updates = new LiveUpdates(queryClient, noReads, () => Promise.resolve())
    const row = { uid: 'u1', start: `${date}T10:00:00Z`, attendee: { name: 'Ana' } } as never

    await Promise.all([
      updates.apply({ type: 'appointments', uids: ['u1'], dates: [date], appointments: [row] }),
      updates.apply({ type: 'clients', ids: [7], all: false }),
    ])
    await vi.waitFor(() => expect(clients.getCurrentResult().isFetching).toBe(false))
    await new Promise((resolve) => setTimeout(resolve, 20))

    expect(asked).toBe(2)
    expect(clients.getCurrentResult().isSuccess).toBe(true)
    stop()
  })
})
