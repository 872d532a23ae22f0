// The rule of which refused change may take another time, over every op, state and status: the
// action and the flag of the local API both go by it (outbox-another-time.test.ts proves they
// agree on real rows).
import { describe, expect, it } from 'vitest'
import { APPOINTMENT_STATUSES, OUTBOX_STATES } from '../../../shared/domain/appointment-status'
import { OUTBOX_OPS } from '../outbound/outbox-payloads'
import { whyNoAnotherTime } from './another-time-rule'

const refused = (op: string) => ({ id: 10, op, state: 'needs_attention' as const })

describe('which refused change may take another time', () => {
  it('a new booking or a move that needs attention, of a booking scheduled or pending', () => {
    for (const op of OUTBOX_OPS) {
      for (const state of OUTBOX_STATES) {
        for (const status of APPOINTMENT_STATUSES) {
          const row = { id: 10, op, state }
          const allowed =
            (op === 'create' || op === 'reschedule') &&
            state === 'needs_attention' &&
            (status === 'SCHEDULED' || status === 'PENDING')
          expect(
            whyNoAnotherTime({ row, openRows: [row], status }) === null,
            `${op} ${state} ${status}`,
          ).toBe(allowed)
        }
      }
    }
  })

  it('with a confirm queued after it, not a move, cancel, decline or no-show, which it names', () => {
    for (const op of ['create', 'reschedule'] as const) {
      for (const later of OUTBOX_OPS.filter((o) => o !== 'create')) {
        const row = refused(op)
        const why = whyNoAnotherTime({
          row,
          // Rows of other bookings are not its open rows; an earlier one is not in its way.
          openRows: [{ id: 4, op: 'cancel' }, row, { id: 12, op: later }],
          status: 'SCHEDULED',
        })
        if (later === 'confirm') expect(why, `${op} then ${later}`).toBeNull()
        else {
          expect(why).toMatchObject({ code: 'NOT_ALLOWED' })
          expect(why?.message).toContain(`a later ${later} (12)`)
        }
      }
    }
  })

  it('names the first later row in its way, past any confirm', () => {
    const row = refused('create')
    const why = whyNoAnotherTime({
      row,
      openRows: [row, { id: 11, op: 'confirm' }, { id: 12, op: 'mark_absent' }],
      status: 'SCHEDULED',
    })
    expect(why?.message).toContain('a later mark_absent (12)')
  })

  it('is NOT_FOUND when the desk holds no such booking', () => {
    const row = refused('create')
    expect(whyNoAnotherTime({ row, openRows: [row], status: undefined })?.code).toBe('NOT_FOUND')
  })
})
