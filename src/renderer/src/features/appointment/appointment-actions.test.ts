import { describe, expect, it } from 'vitest'
import { availableActions, isMovable } from './appointment-actions'

const now = new Date('2026-12-15T15:40:00Z')
const start = '2026-12-15T15:30:00Z'
const later = '2026-12-15T19:00:00Z'

describe('availableActions', () => {
  it('walks a visit: check in, then start the service, then done', () => {
    expect(availableActions({ status: 'SCHEDULED', visitState: 'NONE', start }, now)).toEqual([
      'check-in',
      'reschedule',
      'no-show',
      'cancel',
    ])
    expect(availableActions({ status: 'SCHEDULED', visitState: 'ARRIVED', start }, now)).toEqual([
      'start-service',
    ])
    expect(availableActions({ status: 'SCHEDULED', visitState: 'IN_SERVICE', start }, now)).toEqual(
      ['finish'],
    )
    expect(availableActions({ status: 'SCHEDULED', visitState: 'DONE', start }, now)).toEqual([])
  })

  it('offers no-show only once the appointment has started (Cal.com refuses it before)', () => {
    expect(
      availableActions({ status: 'SCHEDULED', visitState: 'NONE', start: later }, now),
    ).toEqual(['check-in', 'reschedule', 'cancel'])
  })

  it('offers confirm and decline on a pending booking, and moving or cancelling it', () => {
    expect(availableActions({ status: 'PENDING', visitState: 'NONE', start: later }, now)).toEqual([
      'confirm',
      'decline',
      'reschedule',
      'cancel',
    ])
  })

  it('undoes a no-show, and offers nothing on what no longer takes place', () => {
    expect(availableActions({ status: 'NO_SHOW', visitState: 'NONE', start }, now)).toEqual([
      'undo-no-show',
    ])
    for (const status of ['CANCELLED', 'REJECTED', 'RESCHEDULED', 'COMPLETED'] as const) {
      expect(availableActions({ status, visitState: 'NONE', start }, now), status).toEqual([])
    }
  })
})

describe('isMovable (dragging its card to another time)', () => {
  const haircut = { id: 7, title: 'Haircut', lengthInMinutes: 30 }
  it('moves a booking the drawer could reschedule', () => {
    expect(isMovable({ status: 'SCHEDULED', visitState: 'NONE', eventType: haircut })).toBe(true)
    expect(isMovable({ status: 'PENDING', visitState: 'NONE', eventType: haircut })).toBe(true)
  })

  it('does not move a client who is here, a booking that is over, or one with no service', () => {
    expect(isMovable({ status: 'SCHEDULED', visitState: 'ARRIVED', eventType: haircut })).toBe(
      false,
    )
    expect(isMovable({ status: 'CANCELLED', visitState: 'NONE', eventType: haircut })).toBe(false)
    expect(isMovable({ status: 'NO_SHOW', visitState: 'NONE', eventType: haircut })).toBe(false)
    expect(isMovable({ status: 'SCHEDULED', visitState: 'NONE', eventType: null })).toBe(false)
  })
})
