import { describe, expect, it } from 'vitest'
import { REFERENCE_ACCOUNT_MISMATCH, REFERENCE_NOT_APPLIED, syncProblemOf } from './sync-problems'

describe('the problem behind a sync error', () => {
  it('groups the relay, Cal.com and news codes into what a person can act on', () => {
    expect(syncProblemOf('relay', 'RELAY_UNREACHABLE')).toBe('RELAY_UNREACHABLE')
    expect(syncProblemOf('relay', 'RELAY_SILENT')).toBe('RELAY_UNREACHABLE')
    expect(syncProblemOf('relay', 'RESYNC_REQUIRED')).toBe('RELAY_RESYNC')
    expect(syncProblemOf('calcom', 'INVALID_GRANT')).toBe('CALCOM_SIGN_IN')
    expect(syncProblemOf('reconcile', 'NETWORK')).toBe('CALCOM_UNREACHABLE')
    expect(syncProblemOf('calcom', 'RATE_LIMITED')).toBe('CALCOM_BUSY')
    expect(syncProblemOf('inbox', 'UNKNOWN_TRIGGER')).toBe('UNKNOWN_CALCOM_NEWS')
    expect(syncProblemOf('calcom', 'WEBHOOK_REENABLED')).toBe('WEBHOOK_REENABLED')
    expect(syncProblemOf('calcom', 'WEBHOOK_DISABLED')).toBe('WEBHOOK_OFF')
    expect(syncProblemOf('calcom', 'WEBHOOK_MISSING')).toBe('WEBHOOK_GONE')
  })

  it('names what a refresh of services, staff and hours ran into, rather than "something"', () => {
    expect(syncProblemOf('calcom', REFERENCE_ACCOUNT_MISMATCH)).toBe('REFERENCE_ACCOUNT_MISMATCH')
    expect(syncProblemOf('calcom', REFERENCE_NOT_APPLIED)).toBe('REFERENCE_NOT_APPLIED')
  })

  it('reads a relay refusal it has no name for as the relay refusing', () => {
    expect(syncProblemOf('relay', 'HTTP_503')).toBe('RELAY_REFUSED')
    expect(syncProblemOf('relay', 'CHANNEL_REVOKED')).toBe('RELAY_REFUSED')
    expect(syncProblemOf('reconcile', 'SOMETHING_NEW')).toBe('OTHER')
  })

  it('never reads the relay’s own codes as Cal.com’s, even when they are spelled alike', () => {
    // The relay's answer to an unknown route or a channel it does not know, and its rate limit.
    expect(syncProblemOf('relay', 'NOT_FOUND')).toBe('RELAY_REFUSED')
    expect(syncProblemOf('relay', 'RATE_LIMITED')).toBe('RELAY_REFUSED')
    expect(syncProblemOf('relay', 'UNAUTHORIZED')).toBe('RELAY_REFUSED')
    // The same codes from Cal.com's client.
    expect(syncProblemOf('calcom', 'NOT_FOUND')).toBe('CALCOM_REFUSED')
    expect(syncProblemOf('reconcile', 'RATE_LIMITED')).toBe('CALCOM_BUSY')
    // What the desk records about enrolling at the relay or its desk state keeps its meaning.
    expect(syncProblemOf('relay', 'CALCOM_AUTH')).toBe('CALCOM_SIGN_IN')
    expect(syncProblemOf('relay', 'NOT_CONNECTED')).toBe('NOT_CONNECTED')
    expect(syncProblemOf('relay', 'DESK_STATE_UNAVAILABLE')).toBe('DESK_STATE_UNAVAILABLE')
  })

  it('reads a change from another desk it could not read as that, never as Cal.com’s news', () => {
    // A desk event in the relay's log (recorded through the inbox) and a desk state entry.
    expect(syncProblemOf('inbox', 'DESK_EVENT_UNREADABLE')).toBe('DESK_EVENT_UNREADABLE')
    expect(syncProblemOf('relay', 'DESK_EVENT_UNREADABLE')).toBe('DESK_EVENT_UNREADABLE')
    // A webhook body that is not Cal.com's shape stays Cal.com's news.
    expect(syncProblemOf('inbox', 'MALFORMED_EVENT')).toBe('UNKNOWN_CALCOM_NEWS')
  })
})
