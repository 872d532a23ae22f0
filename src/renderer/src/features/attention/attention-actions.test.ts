import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../shared/api/schemas'
import { refusalReason, type OutboxReason } from '../../../../shared/api/outbox-reasons'
import { attentionActions, mayPickTime } from './attention-actions'

const taken = refusalReason('User either already has booking at this time or is not available')
const past = refusalReason('Attempting to book a meeting in the past.')
const unreachable: OutboxReason = { code: 'calcom_unavailable', params: { message: 'timeout' } }
const interrupted: OutboxReason = { code: 'interrupted', params: {} }
const calcomSaid = refusalReason('Something Cal.com did not like')

describe('the main action of a row in Needs attention', () => {
  it('is Choose another time when the time is gone, Send again second', () => {
    expect(taken.code).toBe('slot_taken')
    expect(attentionActions({ op: 'create', reason: taken }, true)).toEqual([
      'another-time',
      'retry',
    ])
    expect(attentionActions({ op: 'reschedule', reason: taken }, true)).toEqual([
      'another-time',
      'retry',
    ])
    expect(past.code).toBe('in_past')
    expect(attentionActions({ op: 'create', reason: past }, true)).toEqual([
      'another-time',
      'retry',
    ])
  })

  it('stays Send again for Cal.com out of reach, an interruption or its own error', () => {
    for (const reason of [unreachable, interrupted, calcomSaid, null]) {
      expect(attentionActions({ op: 'create', reason }, true)).toEqual(['retry', 'another-time'])
    }
  })

  it('offers no other time for a change that asks for none, or when no time can be picked', () => {
    for (const op of ['cancel', 'confirm', 'decline', 'mark_absent']) {
      expect(attentionActions({ op, reason: taken }, true)).toEqual(['retry'])
    }
    // A booking of no known service has no free times to offer, or the person may not move it.
    expect(attentionActions({ op: 'create', reason: taken }, false)).toEqual(['retry'])
  })
})

describe('whether a row may offer another time', () => {
  const haircut = { id: 1, title: 'Haircut & style' } as NonNullable<Appointment['eventType']>
  const booking = (status: Appointment['status']) => ({
    status,
    visitState: 'NONE' as const,
    eventType: haircut,
  })

  it('offers it for a booking the drawer could move, and while the booking loads', () => {
    expect(mayPickTime(true, booking('SCHEDULED'))).toBe(true)
    expect(mayPickTime(true, undefined)).toBe(true)
  })

  it('never for a booking cancelled since, one with no service, or a person who may not move', () => {
    expect(mayPickTime(true, booking('CANCELLED'))).toBe(false)
    expect(mayPickTime(true, { ...booking('SCHEDULED'), eventType: null })).toBe(false)
    expect(mayPickTime(false, booking('SCHEDULED'))).toBe(false)
  })
})
