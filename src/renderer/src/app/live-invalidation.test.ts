// Which cached answers a live event makes the UI fetch again, checked on a real QueryClient:
// what the event touches is refetched, what it does not stays as it was.
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { invalidationsFor, type LiveSignal } from './live-invalidation'
import { queryKeys } from './query-keys'

function cacheWithEverything() {
  const client = new QueryClient()
  const keys = [
    queryKeys.branch,
    queryKeys.sync,
    queryKeys.outbox,
    ['outbox', 'needs_attention'],
    queryKeys.staff,
    queryKeys.eventTypes,
    queryKeys.day('2026-03-10'),
    queryKeys.day('2026-03-11'),
    queryKeys.openingHours('2026-03-10'),
    queryKeys.appointment('u1'),
    queryKeys.appointment('u2'),
    queryKeys.slots('2026-03-10', 7, null),
    queryKeys.slots('2026-03-11', 7, 2),
  ]
  for (const key of keys) client.setQueryData(key, 'cached')
  return client
}

async function staleAfter(signal: LiveSignal): Promise<string[]> {
  const client = cacheWithEverything()
  for (const queryKey of invalidationsFor(signal)) {
    await client.invalidateQueries({ queryKey, refetchType: 'none' })
  }
  return client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => JSON.stringify(q.queryKey))
    .sort()
}

describe('invalidationsFor', () => {
  it('a booking change refetches its days, its drawer and those days’ slots, nothing else', async () => {
    expect(await staleAfter({ type: 'appointments', uids: ['u1'], dates: ['2026-03-10'] })).toEqual(
      ['["appointment","u1"]', '["day","2026-03-10"]', '["slots","2026-03-10",7,null]'].sort(),
    )
  })

  it('the queue changing refetches every queue list and the sync health counting it', async () => {
    expect(await staleAfter({ type: 'outbox' })).toEqual(
      ['["outbox","needs_attention"]', '["outbox"]', '["sync"]'].sort(),
    )
  })

  it('sync health changing refetches only sync health', async () => {
    expect(await staleAfter({ type: 'sync' })).toEqual(['["sync"]'])
  })

  it('the branch changing refetches what is read from it, not drawers or the queue', async () => {
    const stale = await staleAfter({ type: 'branch' })
    expect(stale).toContain('["branch"]')
    expect(stale).toContain('["day","2026-03-11"]')
    expect(stale).toContain('["opening-hours","2026-03-10"]')
    expect(stale).toContain('["staff"]')
    expect(stale).toContain('["event-types"]')
    expect(stale).not.toContain('["appointment","u1"]')
    expect(stale).not.toContain('["outbox"]')
  })

  it('after the stream was down, everything is refetched', async () => {
    expect(await staleAfter({ type: 'reconnected' })).toHaveLength(13)
  })
})
