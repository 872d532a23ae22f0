// Which cached answers a live event makes the UI fetch again, checked on a real QueryClient:
// what the event touches is refetched, what it does not stays as it was. (A change to a few
// bookings is patched into the cache instead: live-updates.test.ts.)
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { appQueryKeys } from '../features/branches/app-queries'
import {
  appInvalidationsFor,
  invalidationsFor,
  MOST_PATCHED,
  patchedUids,
  type LiveSignal,
} from './live-invalidation'
import { queryKeys } from './query-keys'

function cacheWithEverything() {
  const client = new QueryClient()
  const keys = [
    queryKeys.branch,
    queryKeys.sync,
    queryKeys.apiLog({}),
    queryKeys.syncEvents({ kind: 'webhook' }),
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
    queryKeys.clientList('', 1),
    queryKeys.clientList('jo', 2),
    queryKeys.clientCard(1),
    queryKeys.clientCard(2),
    queryKeys.dayClients('2026-03-10'),
    queryKeys.dayClients('2026-03-11'),
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
  it('a change to a few bookings refetches those days’ slots; their days and drawers are patched instead', async () => {
    const signal = { type: 'appointments' as const, uids: ['u1'], dates: ['2026-03-10'] }
    expect(await staleAfter(signal)).toEqual([
      '["clients","day","2026-03-10"]',
      '["slots","2026-03-10",7,null]',
    ])
    expect(patchedUids(signal)).toEqual(['u1'])
  })

  it('a change to many bookings refetches their days, drawers and those days’ slots, nothing else', async () => {
    const uids = Array.from({ length: MOST_PATCHED + 1 }, (_, i) => `u${i + 1}`)
    const signal = { type: 'appointments' as const, uids, dates: ['2026-03-10'] }
    expect(await staleAfter(signal)).toEqual(
      [
        '["appointment","u1"]',
        '["appointment","u2"]',
        '["clients","day","2026-03-10"]',
        '["day","2026-03-10"]',
        '["slots","2026-03-10",7,null]',
      ].sort(),
    )
    expect(patchedUids(signal)).toEqual([])
  })

  it('the queue changing refetches every queue list, the sync health counting it and its logs', async () => {
    expect(await staleAfter({ type: 'outbox' })).toEqual(
      [
        '["outbox","needs_attention"]',
        '["outbox"]',
        '["sync"]',
        '["sync-log","api",{}]',
        '["sync-log","events",{"kind":"webhook"}]',
      ].sort(),
    )
  })

  it('sync health changing refetches only sync health and its logs', async () => {
    expect(await staleAfter({ type: 'sync' })).toEqual(
      ['["sync"]', '["sync-log","api",{}]', '["sync-log","events",{"kind":"webhook"}]'].sort(),
    )
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
    expect(await staleAfter({ type: 'reconnected' })).toHaveLength(21)
  })

  it('clients changing refetches the lists, those clients’ cards and the alerts of every day', async () => {
    expect(await staleAfter({ type: 'clients', ids: [2], all: false })).toEqual(
      [
        '["clients","list","",1]',
        '["clients","list","jo",2]',
        '["clients","card",2]',
        '["clients","day","2026-03-10"]',
        '["clients","day","2026-03-11"]',
      ].sort(),
    )
    const all = await staleAfter({ type: 'clients', ids: [], all: true })
    expect(all.filter((k) => !k.startsWith('["clients"'))).toEqual([])
    expect(all).toHaveLength(6)
  })
})

describe('appInvalidationsFor', () => {
  async function appStaleAfter(signal: LiveSignal): Promise<string[]> {
    const app = new QueryClient()
    for (const key of [appQueryKeys.branches, appQueryKeys.overview('today'), queryKeys.session]) {
      app.setQueryData(key, 'cached')
    }
    for (const queryKey of appInvalidationsFor(signal)) {
      await app.invalidateQueries({ queryKey, refetchType: 'none' })
    }
    return app
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey))
  }

  it("news of the app's branches, on any branch's stream, refetches the app's branch list alone", async () => {
    expect(await appStaleAfter({ type: 'branches' })).toEqual(['["branches"]'])
    // ...and touches nothing of the branch on screen.
    expect(await staleAfter({ type: 'branches' })).toEqual([])
  })

  it("a sign-in or out at the branch on screen refetches the app's sign-in, which went with it", async () => {
    expect(await appStaleAfter({ type: 'people' })).toEqual(['["session"]'])
  })

  it("after the stream was down the branch list and sign-in are read again; a branch's own news leaves them", async () => {
    expect((await appStaleAfter({ type: 'reconnected' })).sort()).toEqual(
      ['["branches"]', '["session"]'].sort(),
    )
    expect(await appStaleAfter({ type: 'outbox' })).toEqual([])
    expect(await appStaleAfter({ type: 'sync' })).toEqual([])
  })
})
