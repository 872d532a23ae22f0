import { describe, expect, it } from 'vitest'
import type { Appointment, DayView, Staff } from '../../../../shared/api/schemas'
import { daySheets } from './day-sheet'

const staff = (id: number, name: string): Staff => ({
  id,
  name,
  email: null,
  colour: null,
  active: true,
})

const appointment = (
  uid: string,
  staffId: number | null,
  start: string,
  status: Appointment['status'] = 'SCHEDULED',
): Appointment => ({
  uid,
  calcomId: null,
  title: 'Haircut',
  start,
  end: start,
  status,
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

const day = (appointments: Appointment[]): DayView => ({
  date: '2026-03-10',
  timeZone: 'America/Toronto',
  startsAt: '2026-03-10T04:00:00.000Z',
  endsAt: '2026-03-11T04:00:00.000Z',
  staff: [staff(1, 'Liam'), staff(2, 'Maya'), staff(3, 'Noor')],
  appointments,
})

describe('the day sheet', () => {
  it('gives every staff member a sheet, their appointments in time order', () => {
    const sheets = daySheets(
      day([
        appointment('b', 1, '2026-03-10T15:00:00.000Z'),
        appointment('a', 1, '2026-03-10T14:00:00.000Z'),
        appointment('c', 2, '2026-03-10T13:00:00.000Z', 'PENDING'),
      ]),
    )
    expect(sheets.map((s) => [s.staff?.name, s.appointments.map((a) => a.uid)])).toEqual([
      ['Liam', ['a', 'b']],
      ['Maya', ['c']],
      ['Noor', []],
    ])
  })

  it('leaves off what is no longer on the day, and keeps no-shows and visits done', () => {
    const sheets = daySheets(
      day([
        appointment('cancelled', 1, '2026-03-10T14:00:00.000Z', 'CANCELLED'),
        appointment('declined', 1, '2026-03-10T14:00:00.000Z', 'REJECTED'),
        appointment('moved', 1, '2026-03-10T14:00:00.000Z', 'RESCHEDULED'),
        appointment('no-show', 1, '2026-03-10T15:00:00.000Z', 'NO_SHOW'),
        appointment('done', 1, '2026-03-10T16:00:00.000Z', 'COMPLETED'),
      ]),
    )
    expect(sheets[0]!.appointments.map((a) => a.uid)).toEqual(['no-show', 'done'])
  })

  it('puts appointments no staff member holds on a sheet of their own, last', () => {
    const sheets = daySheets(
      day([
        appointment('nobody', null, '2026-03-10T14:00:00.000Z'),
        appointment('gone', 99, '2026-03-10T15:00:00.000Z'),
      ]),
    )
    expect(sheets.at(-1)).toMatchObject({ staff: null })
    expect(sheets.at(-1)!.appointments.map((a) => a.uid)).toEqual(['nobody', 'gone'])
  })
})
