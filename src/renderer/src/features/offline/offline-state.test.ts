import { describe, expect, it } from 'vitest'
import { isOffline, offlineState } from './offline-state'

const connected = { connection: 'connected' as const }
const relay = (state: string, configured = true) => ({
  relay: { configured, state } as never,
})

describe('when the desk says it is offline', () => {
  it('is online when the relay is online and nothing waits after a failed try', () => {
    const s = offlineState('live', connected, relay('online'), [{ state: 'pending', attempts: 0 }])
    expect(s).toEqual({ deskDown: false, calcomDown: false, relayDown: false, waiting: 1 })
    expect(isOffline(s)).toBe(false)
  })

  it('counts Cal.com out of reach once a change failed to send and waits to try again', () => {
    const s = offlineState('live', connected, relay('online'), [
      { state: 'pending', attempts: 2 },
      { state: 'pending', attempts: 0 },
      { state: 'needs_attention', attempts: 1 },
    ])
    expect(s).toMatchObject({ calcomDown: true, waiting: 2 })
  })

  it('keeps Cal.com out of reach while a retry is on its way, until one gets through', () => {
    const retrying = offlineState('live', connected, relay('online'), [
      { state: 'in_flight', attempts: 3 },
    ])
    expect(retrying).toMatchObject({ calcomDown: true, waiting: 1 })
    // The outbox counts a try when it starts it: a first send on its way has attempts 1.
    const firstTry = offlineState('live', connected, relay('online'), [
      { state: 'in_flight', attempts: 1 },
    ])
    expect(firstTry).toMatchObject({ calcomDown: false, waiting: 1 })
  })

  it('counts the relay out of reach while it retries, not while it first connects', () => {
    expect(offlineState('live', connected, relay('retrying'), []).relayDown).toBe(true)
    expect(offlineState('live', connected, relay('connecting'), []).relayDown).toBe(false)
    expect(offlineState('live', connected, relay('off', false), []).relayDown).toBe(false)
  })

  it('says nothing about Cal.com when the branch is not connected', () => {
    const s = offlineState('live', { connection: 'disconnected' as never }, relay('retrying'), [
      { state: 'pending', attempts: 3 },
    ])
    expect(isOffline(s)).toBe(false)
  })

  it('knows when the page lost the desk itself', () => {
    expect(offlineState('reconnecting', connected, undefined, undefined).deskDown).toBe(true)
  })
})
