// The appointment store's upsert by uid (how fixtures, demos and benchmarks load bookings): a
// second write of the same uid replaces Cal.com's fields, keeps what the desk owns unless it is
// named, writes a history row each time, and announces every day it touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { AppointmentInput } from './appointment-store'

let desk: TempDesk
let branchId: number
beforeAll(async () => {
  desk = await startTempDesk()
  branchId = desk.services.branches.current().id
})
afterAll(() => desk.dispose())

const booking = (uid: string, overrides: Partial<AppointmentInput> = {}): AppointmentInput => ({
  uid,
  branchId,
  title: 'Haircut',
  start: '2027-03-01T10:00:00Z',
  end: '2027-03-01T10:45:00Z',
  status: 'SCHEDULED',
  attendee: { name: 'Maria Silva', email: 'maria@example.com' },
  ...overrides,
})

describe('AppointmentStore.upsertMany', () => {
  it('replaces Cal.com fields on a second write and keeps an arrival it does not name', () => {
    const { appointments } = desk.services
    appointments.upsert(
      booking('u-1', { visitState: 'ARRIVED', walkIn: true, metadata: { a: '1' } }),
      'calcom',
    )
    appointments.upsert(
      booking('u-1', {
        title: 'Colour',
        start: '2027-03-02T11:00:00Z',
        end: '2027-03-02T12:00:00Z',
        metadata: { b: '2' },
        attendee: { name: 'Maria S.', phone: '+351 900 000 000' },
      }),
      'reconcile',
    )
    const row = appointments.rowByUid('u-1')!
    expect(row).toMatchObject({
      title: 'Colour',
      startsAt: Date.parse('2027-03-02T11:00:00Z'),
      attendeeName: 'Maria S.',
      attendeeEmail: null,
      attendeePhone: '+351 900 000 000',
      metadata: { b: '2' },
      visitState: 'ARRIVED',
      walkIn: true,
    })
    expect(appointments.history('u-1').map((h) => [h.source, h.code])).toEqual([
      ['calcom', 'created'],
      ['reconcile', 'updated'],
    ])
  })

  it('sets the desk-owned fields when they are named', () => {
    const { appointments } = desk.services
    appointments.upsert(booking('u-2', { visitState: 'ARRIVED', walkIn: true }), 'calcom')
    appointments.upsert(booking('u-2', { visitState: 'NONE', walkIn: false }), 'calcom')
    expect(appointments.rowByUid('u-2')).toMatchObject({ visitState: 'NONE', walkIn: false })
  })

  it('announces the old and the new day of a moved booking, once, after the commit', () => {
    const { appointments, events } = desk.services
    appointments.upsert(booking('u-3'), 'calcom')
    const heard: { uids: readonly string[]; dates: readonly string[] }[] = []
    const stop = events.on('appointmentsChanged', (e) => heard.push(e))
    try {
      appointments.upsertMany(
        [
          booking('u-3', { start: '2027-03-05T10:00:00Z', end: '2027-03-05T11:00:00Z' }),
          booking('u-4', { start: '2027-03-05T15:00:00Z', end: '2027-03-05T16:00:00Z' }),
        ],
        'calcom',
      )
    } finally {
      stop()
    }
    expect(heard).toHaveLength(1)
    expect(heard[0]!.uids).toEqual(['u-3', 'u-4'])
    expect([...heard[0]!.dates].sort()).toEqual(['2027-03-01', '2027-03-05'])
  })

  it('writes nothing when one booking of the batch is refused', () => {
    const { appointments } = desk.services
    expect(() =>
      appointments.upsertMany(
        [
          booking('u-5'),
          booking('u-6', { start: '2027-03-01T12:00:00Z', end: '2027-03-01T11:00:00Z' }),
        ],
        'calcom',
      ),
    ).toThrow(/u-6 ends before it starts/)
    expect(appointments.rowByUid('u-5')).toBeUndefined()
  })
})
