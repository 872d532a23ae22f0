// What LiveUpdates does to the cache beyond invalidation (live-invalidation.test.ts): a day still
// showing a desk booking under its placeholder uid is read again when the queue moves on, so the
// placeholder cannot linger beside the booking's Cal.com card.
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { DayView } from '../../../shared/api/schemas'
import type { ApiClient } from './api-client'
import { LiveUpdates } from './live-updates'
import { queryKeys } from './query-keys'

const dayWith = (date: string, uids: string[]) =>
  ({ date, appointments: uids.map((uid) => ({ uid })) }) as unknown as DayView

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
