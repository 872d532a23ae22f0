// The relay's PIN lockout rule, step by step: the count, the lock, and the lock running out.
import { describe, expect, it } from 'vitest'
import { afterWrongPin } from '../src/storage/pin-lock.js'

const MIN = 60_000
const t0 = new Date('2026-03-10T10:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

describe('afterWrongPin', () => {
  it('locks for five minutes at the fifth wrong PIN in a row', () => {
    let lock = { failures: 0, lockedUntil: null as Date | null }
    for (let i = 1; i <= 4; i++) {
      lock = afterWrongPin(lock, t0, 5, 5 * MIN)
      expect(lock).toEqual({ failures: i, lockedUntil: null })
    }
    expect(afterWrongPin(lock, t0, 5, 5 * MIN)).toEqual({ failures: 0, lockedUntil: at(5 * MIN) })
  })

  it('starts the count afresh once a lock has run out', () => {
    const expired = { failures: 0, lockedUntil: at(5 * MIN) }
    expect(afterWrongPin(expired, at(6 * MIN), 5, 5 * MIN)).toEqual({
      failures: 1,
      lockedUntil: null,
    })
  })
})
