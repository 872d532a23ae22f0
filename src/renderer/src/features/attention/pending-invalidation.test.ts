// The pending list follows the live stream: any booking change or a branch change refetches it.
import { describe, expect, it } from 'vitest'
import { invalidationsFor } from '../../app/live-invalidation'
import { queryKeys } from '../../app/query-keys'

describe('the pending confirmations list', () => {
  it('is refetched when a booking or the branch changes, not when only sync health does', () => {
    const touches = (signal: Parameters<typeof invalidationsFor>[0]) =>
      invalidationsFor(signal).some(
        (key) => JSON.stringify(key) === JSON.stringify(queryKeys.pendingConfirmations),
      )
    expect(touches({ type: 'appointments', uids: ['u1'], dates: ['2026-03-10'] })).toBe(true)
    expect(touches({ type: 'branch' })).toBe(true)
    expect(touches({ type: 'sync' })).toBe(false)
  })
})
