import { describe, expect, it } from 'vitest'
import type { Appointment, DayView } from '../../../../shared/api/schemas'
import { withAppointment } from './day-patch'

const appointment = (uid: string, start: string, staffId: number | null = 1): Appointment => ({
  uid,
  calcomId: null,
  title: uid,
  start,
  end: start,
  status: 'SCHEDULED',
  visitState: 'NONE',
  syncState: 'synced',
  walkIn: false,
  paid: false,
  staffId,
  eventType: null,
  attendee: { name: uid, email: null, phone: null, timeZone: null },
  rescheduledFromUid: null,
  rescheduledToUid: null,
  cancellationReason: null,
  deskNotes: null,
})

// Lisbon, 2026-03-29: the clocks go forward, so the branch day is 23 hours long.
const day = (appointments: Appointment[]): DayView => ({
  date: '2026-03-29',
  timeZone: 'Europe/Lisbon',
  startsAt: '2026-03-29T00:00:00Z',
  endsAt: '2026-03-29T23:00:00Z',
  staff: [
    { id: 1, name: 'Bruno', email: null, colour: null, active: true },
    { id: 2, name: 'Ana', email: null, colour: null, active: true },
  ],
  appointments,
})
const uids = (view: DayView) => view.appointments.map((a) => a.uid)

describe('withAppointment', () => {
  it('replaces the changed row and keeps every other row as it was', () => {
    const view = day([
      appointment('a', '2026-03-29T09:00:00Z'),
      appointment('b', '2026-03-29T10:00:00Z'),
    ])
    const changed = { ...appointment('b', '2026-03-29T10:00:00Z'), status: 'CANCELLED' as const }
    const next = withAppointment(view, 'b', changed)
    expect(next.appointments[1]).toBe(changed)
    expect(next.appointments[0]).toBe(view.appointments[0])
  })

  it('places a booking moved in by start, then staff name, then uid, as the desk orders them', () => {
    const view = day([
      appointment('x', '2026-03-29T09:00:00Z', 1),
      appointment('z', '2026-03-29T10:00:00Z', 1),
    ])
    // Ana (staff 2) sorts before Bruno at the same start.
    expect(uids(withAppointment(view, 'y', appointment('y', '2026-03-29T09:00:00Z', 2)))).toEqual([
      'y',
      'x',
      'z',
    ])
    expect(uids(withAppointment(view, 'y', appointment('y', '2026-03-29T09:00:00Z', 1)))).toEqual([
      'x',
      'y',
      'z',
    ])
    expect(
      uids(withAppointment(view, 'w', appointment('w', '2026-03-29T12:00:00Z', null))),
    ).toEqual(['x', 'z', 'w'])
  })

  it('takes out a booking moved to another day or gone, and leaves a day it never touched alone', () => {
    const view = day([appointment('a', '2026-03-29T09:00:00Z')])
    // 23:00 UTC is already 30 March at the branch.
    expect(uids(withAppointment(view, 'a', appointment('a', '2026-03-29T23:00:00Z')))).toEqual([])
    expect(uids(withAppointment(view, 'a', null))).toEqual([])
    expect(withAppointment(view, 'b', appointment('b', '2026-03-30T10:00:00Z'))).toBe(view)
    expect(withAppointment(view, 'b', null)).toBe(view)
  })
})
