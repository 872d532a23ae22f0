// What each live event makes stale. A change to a few bookings is patched into their days and
// drawers (live-appointments.ts) and makes the slots of those days and the pending list stale;
// a change to many (a reconcile, a first sync) refetches the days and drawers instead. The branch
// (connect, disconnect, reference data) touches everything read from it; the queue touches the
// queue and the sync health that counts it. After the stream was down nothing is known, so
// everything is refetched.
import type { QueryKey } from '@tanstack/react-query'
import { LIVE_ROWS_AT_MOST, type LiveEvent } from '../../../shared/api/schemas'
import { appQueryKeys } from '../features/branches/app-queries'
import { queryKeys } from './query-keys'

export type LiveSignal = LiveEvent | { type: 'reconnected' }

/**
 * Beyond this many bookings in one event, refetching their days costs less than one read each;
 * up to it, the desk sends their rows along.
 */
export const MOST_PATCHED = LIVE_ROWS_AT_MOST

/** The bookings whose new rows are fetched one by one and laid into the cached days and drawers. */
export function patchedUids(signal: LiveSignal): string[] {
  return signal.type === 'appointments' && signal.uids.length <= MOST_PATCHED ? signal.uids : []
}

/** Query-key prefixes to invalidate; `[]` matches every query. */
export function invalidationsFor(signal: LiveSignal): QueryKey[] {
  switch (signal.type) {
    case 'appointments':
      return [
        ...(patchedUids(signal).length > 0
          ? []
          : [
              ...signal.dates.map((date) => queryKeys.day(date)),
              ...signal.uids.map((uid) => queryKeys.appointment(uid)),
            ]),
        ...signal.dates.map((date) => queryKeys.slotsOfDay(date)),
        queryKeys.pendingConfirmations,
        // Which client each booking of those days is, and their alerts.
        ...signal.dates.map((date) => queryKeys.dayClients(date)),
      ]
    case 'clients':
      // Bookings, notes, alerts or a merge: the lists, those clients' cards, and the alerts the
      // day's cards show (an alert shows on every card of its client, whatever the day).
      return signal.all
        ? [queryKeys.clients]
        : [
            queryKeys.clientLists,
            ...signal.ids.map((id) => queryKeys.clientCard(id)),
            queryKeys.allDayClients,
          ]
    case 'branch':
      return [
        queryKeys.clients,
        queryKeys.branch,
        queryKeys.staff,
        queryKeys.eventTypes,
        queryKeys.days,
        queryKeys.allOpeningHours,
        queryKeys.allSlots,
        queryKeys.sync,
        queryKeys.pendingConfirmations,
      ]
    case 'sync':
      return [queryKeys.sync, queryKeys.syncLogs]
    case 'outbox':
      return [queryKeys.outbox, queryKeys.sync, queryKeys.syncLogs]
    case 'people':
      return [queryKeys.session, queryKeys.people]
    case 'notifications':
      return [queryKeys.desktopPending]
    case 'branches':
      // The app's list, not this branch's: see appInvalidationsFor.
      return []
    case 'reconnected':
      return [[]]
  }
}

/**
 * What a live signal makes stale in the app's own cache: the branches the switcher lists (news of
 * any branch arrives on the stream of the branch on screen, and after the stream was down nothing
 * is known), and the app's sign-in, which the app keeps one across its branches (a sign-in at the
 * branch on screen signed the person in at the first branch too, which the app's routes go by).
 */
export function appInvalidationsFor(signal: LiveSignal): QueryKey[] {
  switch (signal.type) {
    case 'branches':
      return [appQueryKeys.branches]
    case 'people':
      return [queryKeys.session]
    case 'reconnected':
      return [appQueryKeys.branches, queryKeys.session]
    default:
      return []
  }
}
