// What each live event makes stale. A change to a booking touches its day, its own drawer and the
// slots of that day; the branch (connect, disconnect, reference data) touches everything read
// from it; the queue touches the queue and the sync health that counts it. After the stream was
// down nothing is known, so everything is refetched.
import type { QueryKey } from '@tanstack/react-query'
import type { LiveEvent } from '../../../shared/api/schemas'
import { queryKeys } from './query-keys'

export type LiveSignal = LiveEvent | { type: 'reconnected' }

/** Query-key prefixes to invalidate; `[]` matches every query. */
export function invalidationsFor(signal: LiveSignal): QueryKey[] {
  switch (signal.type) {
    case 'appointments':
      return [
        ...signal.dates.map((date) => queryKeys.day(date)),
        ...signal.dates.map((date) => queryKeys.slotsOfDay(date)),
        ...signal.uids.map((uid) => queryKeys.appointment(uid)),
        queryKeys.pendingConfirmations,
      ]
    case 'branch':
      return [
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
      return [queryKeys.sync]
    case 'outbox':
      return [queryKeys.outbox, queryKeys.sync]
    case 'people':
      return [queryKeys.session, queryKeys.people]
    case 'reconnected':
      return [[]]
  }
}
