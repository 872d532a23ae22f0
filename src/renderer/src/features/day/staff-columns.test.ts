import { describe, expect, it } from 'vitest'
import type { Appointment, Staff } from '../../../../shared/api/schemas'
import { groupIntoColumns } from './staff-columns'

const staff = (id: number, name: string, active = true): Staff => ({
  id,
  name,
  email: null,
  colour: null,
  active,
})

const appointment = (uid: string, staffId: number | null, start: string): Appointment => ({
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

const summary = (columns: ReturnType<typeof groupIntoColumns>) =>
  columns.map((c) => [c.staffId, c.name, c.appointments.map((a) => a.uid)])

describe('groupIntoColumns', () => {
  it('gives every active staff member a column, in staff order, even an empty one', () => {
    const columns = groupIntoColumns({
      staff: [staff(2, 'Beatriz'), staff(1, 'Ana')],
      appointments: [appointment('a1', 1, '2026-03-29T09:00:00Z')],
    })
    expect(summary(columns)).toEqual([
      [2, 'Beatriz', []],
      [1, 'Ana', ['a1']],
    ])
  })

  it('adds "Unassigned" last, and only when some appointment has no staff', () => {
    const withUnassigned = groupIntoColumns({
      staff: [staff(1, 'Ana')],
      appointments: [
        appointment('u1', null, '2026-03-29T08:00:00Z'),
        appointment('a1', 1, '2026-03-29T09:00:00Z'),
      ],
    })
    expect(summary(withUnassigned)).toEqual([
      [1, 'Ana', ['a1']],
      [null, 'Unassigned', ['u1']],
    ])
    const without = groupIntoColumns({ staff: [staff(1, 'Ana')], appointments: [] })
    expect(without.map((c) => c.name)).toEqual(['Ana'])
  })

  it("keeps the API's order inside a column", () => {
    const columns = groupIntoColumns({
      staff: [staff(1, 'Ana')],
      appointments: [
        appointment('first', 1, '2026-03-29T08:00:00Z'),
        appointment('second', 1, '2026-03-29T09:00:00Z'),
        appointment('third', 1, '2026-03-29T10:00:00Z'),
      ],
    })
    expect(summary(columns)).toEqual([[1, 'Ana', ['first', 'second', 'third']]])
  })

  it('hides inactive staff unless they still have appointments that day', () => {
    const columns = groupIntoColumns({
      staff: [staff(1, 'Ana'), staff(2, 'Gone', false), staff(3, 'Leaving', false)],
      appointments: [appointment('l1', 3, '2026-03-29T08:00:00Z')],
    })
    expect(summary(columns)).toEqual([
      [1, 'Ana', []],
      [3, 'Leaving', ['l1']],
    ])
  })

  it('never drops an appointment whose staff member is not listed', () => {
    const columns = groupIntoColumns({
      staff: [staff(1, 'Ana')],
      appointments: [appointment('x1', 9, '2026-03-29T08:00:00Z')],
    })
    expect(summary(columns)).toEqual([
      [1, 'Ana', []],
      [9, 'Staff member #9', ['x1']],
    ])
  })
})
