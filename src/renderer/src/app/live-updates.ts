// What the UI does with each live signal: invalidate what it makes stale (live-invalidation.ts),
// and lay a change to a few bookings onto the cached views one appointment at a time: its row —
// sent along with the signal by the desk, else read (GET /api/appointments/:uid, the drawer's own
// query) — is patched into every cached day, so a change on a 300-card day costs one card's
// render, not the day again.
import { partialMatchKey, type QueryClient, type QueryKey } from '@tanstack/react-query'
import type { Appointment, AppointmentDetail, DayView } from '../../../shared/api/schemas'
import { withAppointment } from '../features/day/day-patch'
import { afterNextPaint } from './after-next-paint'
import { ApiRequestError, type ApiClient } from './api-client'
import { invalidationsFor, patchedUids, type LiveSignal } from './live-invalidation'
import { queryKeys } from './query-keys'

/** Desk bookings not yet in Cal.com carry this uid prefix (the core's placeholder uids). */
const PLACEHOLDER_PREFIX = 'local-'

export class LiveUpdates {
  /** The newest read of each uid still on its way: an older answer must not overwrite it. */
  readonly #newest = new Map<string, number>()
  #reads = 0
  /** Settles once every booking read started so far has been laid onto the cached views. */
  #patching: Promise<unknown> = Promise.resolve()
  /** Prefixes the signals of this burst made stale, refetched together (`#refetchSoon`). */
  #stale: QueryKey[] = []
  #staleFlushed: Promise<void> | null = null

  constructor(
    private readonly queryClient: QueryClient,
    private readonly api: ApiClient,
    /** Resolves once the changed cards are drawn (tests hold it back to look in between). */
    private readonly painted: () => Promise<void> = afterNextPaint,
  ) {}

  /** Resolves once each changed appointment is on the cached views (or being refetched). */
  async apply(signal: LiveSignal): Promise<void> {
    const dates = signal.type === 'appointments' ? signal.dates : []
    // The changed bookings are laid in (from the rows the signal carries, else read back) and the
    // rest made stale only once they are drawn: the desk answers one request at a time, and the
    // day's clients, its slots and the pending list asked for first would make the receptionist
    // wait for them to see the card change; even starting those reads delays the frame. A signal
    // that comes meanwhile (the 'clients' one that follows a booking's change) waits too.
    // Each signal asks for its frame as soon as its rows are in, so a burst of signals waits for
    // one frame, not one each.
    const sent = signal.type === 'appointments' ? signal.appointments : undefined
    const patches = patchedUids(signal).map((uid) =>
      sent
        ? this.#patchWith(uid, sent.find((a) => a.uid === uid) ?? null)
        : this.#patch(uid, dates),
    )
    const drawn = patches.length > 0 ? Promise.allSettled(patches).then(this.painted) : null
    this.#patching = Promise.allSettled([this.#patching, ...patches, ...(drawn ? [drawn] : [])])
    await this.#patching
    const stale = this.#refetchSoon(invalidationsFor(signal))
    if (signal.type === 'outbox') this.#refetchDaysWithPlaceholders()
    await Promise.all([stale, ...patches])
  }

  /**
   * Marks stale, in a task of its own right after this one, every query under the prefixes this
   * signal and the others of its burst name, and refetches each of those on screen once. A booking's change and
   * the 'clients' signal that follows it both make the day's clients stale: refetched one after
   * the other, the second would cancel the first read and ask the desk again.
   */
  #refetchSoon(prefixes: QueryKey[]): Promise<void> {
    this.#stale.push(...prefixes)
    this.#staleFlushed ??= new Promise((resolve) =>
      setTimeout(() => {
        const stale = this.#stale
        this.#stale = []
        this.#staleFlushed = null
        const predicate = (query: { queryKey: QueryKey }) =>
          stale.some((prefix) => partialMatchKey(query.queryKey, prefix))
        void this.queryClient.cancelQueries({ predicate })
        void this.queryClient.invalidateQueries({ predicate })
        resolve()
      }, 0),
    )
    return this.#staleFlushed
  }

  /**
   * Lays in a row the desk sent with the signal. Reads of this uid still on their way predate
   * it and are dropped; the drawer, which also shows the history, is read again if it is open.
   */
  async #patchWith(uid: string, row: Appointment | null): Promise<void> {
    this.#newest.delete(uid)
    this.#refetch([queryKeys.appointment(uid)])
    this.#patchDays(uid, row)
  }

  async #patch(uid: string, dates: string[]): Promise<void> {
    const read = ++this.#reads
    this.#newest.set(uid, read)
    let detail: AppointmentDetail | null
    try {
      detail = await this.api.call('appointment', { params: { uid } })
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.status === 404)) {
        // Not known how it changed: fall back to reading its days and drawer again.
        if (this.#newest.get(uid) === read) this.#newest.delete(uid)
        this.#refetch([...dates.map((d) => queryKeys.day(d)), queryKeys.appointment(uid)])
        return
      }
      detail = null
    }
    if (this.#newest.get(uid) !== read) return
    this.#newest.delete(uid)

    if (detail) {
      // The drawer's own read, if one is on its way, may predate this change: this one does not.
      void this.queryClient.cancelQueries({ queryKey: queryKeys.appointment(uid), exact: true })
      this.queryClient.setQueryData(queryKeys.appointment(uid), detail)
    } else this.#refetch([queryKeys.appointment(uid)])
    this.#patchDays(uid, detail?.appointment ?? null)
  }

  #patchDays(uid: string, row: Appointment | null): void {
    // Every cached day, also one still waiting for its first answer (it has no data to patch).
    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: queryKeys.days })) {
      // An answer still on its way may predate this change and would overwrite the patch.
      if (query.state.fetchStatus !== 'idle') {
        this.#refetch([query.queryKey])
        continue
      }
      const day = query.state.data as DayView | undefined
      if (!day) continue
      const patched = withAppointment(day, uid, row)
      if (patched !== day) this.queryClient.setQueryData(query.queryKey, patched)
    }
  }

  /**
   * A desk booking shows under a placeholder uid until Cal.com has it; the queue moving on may
   * mean it now has its Cal.com uid. Should the news of that rename have been missed or overtaken
   * (the booking's own webhook can arrive first), the placeholder card would linger beside the
   * real one, so the days still showing one are read again: a few placeholders at most, and only
   * while something waits to sync.
   */
  #refetchDaysWithPlaceholders(): void {
    for (const [key, day] of this.queryClient.getQueriesData<DayView>({
      queryKey: queryKeys.days,
    })) {
      if (day?.appointments.some((a) => a.uid.startsWith(PLACEHOLDER_PREFIX))) this.#refetch([key])
    }
  }

  /**
   * Marks the queries stale; those on screen are fetched again. Keys are prefixes unless `exact`.
   * A read already on its way may predate the change, so it is cancelled (its answer discarded)
   * before the new one starts: TanStack Query would otherwise hand a query with no data yet that
   * same old answer instead of reading again, and mark it fresh when it lands.
   */
  #refetch(keys: QueryKey[], exact = true): void {
    for (const queryKey of keys) {
      void this.queryClient.cancelQueries({ queryKey, exact })
      void this.queryClient.invalidateQueries({ queryKey, exact })
    }
  }
}
