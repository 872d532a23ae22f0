import { describe, expect, it } from 'vitest'
import { availableActions } from './appointment-actions'

describe('availableActions', () => {
  it('walks a visit: check in, then start the service, then done', () => {
    expect(availableActions({ status: 'SCHEDULED', visitState: 'NONE' })).toEqual([
      'check-in',
      'reschedule',
      'no-show',
      'cancel',
    ])
    expect(availableActions({ status: 'SCHEDULED', visitState: 'ARRIVED' })).toEqual([
      'start-service',
    ])
    expect(availableActions({ status: 'SCHEDULED', visitState: 'IN_SERVICE' })).toEqual(['finish'])
    expect(availableActions({ status: 'SCHEDULED', visitState: 'DONE' })).toEqual([])
  })

  it('offers confirm and decline on a pending booking, and moving or cancelling it', () => {
    expect(availableActions({ status: 'PENDING', visitState: 'NONE' })).toEqual([
      'confirm',
      'decline',
      'reschedule',
      'cancel',
    ])
  })

  it('undoes a no-show, and offers nothing on what no longer takes place', () => {
    expect(availableActions({ status: 'NO_SHOW', visitState: 'NONE' })).toEqual(['undo-no-show'])
    for (const status of ['CANCELLED', 'REJECTED', 'RESCHEDULED', 'COMPLETED'] as const) {
      expect(availableActions({ status, visitState: 'NONE' }), status).toEqual([])
    }
  })
})
