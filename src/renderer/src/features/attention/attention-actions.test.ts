import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../shared/api/schemas'
import { refusalReason, type OutboxReason } from '../../../../shared/api/outbox-reasons'
import { attentionActions, mayPickTime } from './attention-actions'

const taken = refusalReason('User either already has booking at this time or is not available')
const past = refusalReason('Attempting to book a meeting in the past.')
const unreachable: OutboxReason = { code: 'calcom_unavailable', params: { message: 'timeout' } }
const interrupted: OutboxReason = { code: 'interrupted', params: {} }
const calcomSaid = refusalReason('Something Cal.com did not like')

/** A refused change the desk says can take another time. */
const canTake = (reason: OutboxReason | null) => ({ canTakeAnotherTime: true, reason })

describe('the main action of a row in Needs attention', () => {
  it('is Choose another time when the time is gone, Send again second', () => {
    expect(taken.code).toBe('slot_taken')
    expect(past.code).toBe('in_past')
    for (const reason of [taken, past]) {
      expect(attentionActions(canTake(reason), true)).toEqual(['another-time', 'retry'])
    }
  })

  it('stays Send again for Cal.com out of reach, an interruption or its own error', () => {
    for (const reason of [unreachable, interrupted, calcomSaid, null]) {
      expect(attentionActions(canTake(reason), true)).toEqual(['retry', 'another-time'])
    }
  })

  it('offers no other time when the desk says the change cannot take one, whatever the reason', () => {
    // A cancel, a no-show, or a new booking with a move or a cancel queued after it: the desk
    // would refuse it, so the row offers Send again alone, even for a taken time.
    for (const reason of [taken, past, unreachable, calcomSaid, null]) {
      expect(attentionActions({ canTakeAnotherTime: false, reason }, true)).toEqual(['retry'])
    }
  })

  it('offers no other time when no time can be picked', () => {
    // A booking of no known service has no free times to offer, or the person may not move it.
    expect(attentionActions(canTake(taken), false)).toEqual(['retry'])
  })
})

describe('whether free times can be picked for a row', () => {
  const haircut = { id: 1, title: 'Haircut & style' } as NonNullable<Appointment['eventType']>

  it('can for a booking of a known service, and while the booking loads', () => {
    expect(mayPickTime(true, { eventType: haircut })).toBe(true)
    expect(mayPickTime(true, undefined)).toBe(true)
  })

  it('cannot for a booking of no known service, or a person who may not move bookings', () => {
    expect(mayPickTime(true, { eventType: null })).toBe(false)
    expect(mayPickTime(false, { eventType: haircut })).toBe(false)
    expect(mayPickTime(false, undefined)).toBe(false)
  })
})
