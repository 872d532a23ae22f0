// Rendered to static HTML (no DOM library needed): the markup the receptionist and the e2e
// tests rely on.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Appointment, DayView } from '../../../shared/api/schemas'
import { DayBoard } from './DayBoard'
import { formatCalendarDate, formatTimeRange } from '../time/zoned-time'

// Components format in the reader's locale; zoned-time.test.ts pins the exact strings per locale.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const appointment = (overrides: Partial<Appointment>): Appointment => ({
  uid: 'uid-1',
  calcomId: 1,
  title: 'Haircut between Ana and Rita',
  start: '2026-03-29T00:30:00Z',
  end: '2026-03-29T01:30:00Z',
  status: 'SCHEDULED',
  visitState: 'NONE',
  syncState: 'synced',
  walkIn: false,
  paid: false,
  staffId: 1,
  eventType: { id: 7, title: 'Haircut', lengthInMinutes: 60 },
  attendee: { name: 'Rita Sousa', email: null, phone: null, timeZone: null },
  rescheduledFromUid: null,
  rescheduledToUid: null,
  cancellationReason: null,
  deskNotes: null,
  ...overrides,
})

const day = (appointments: Appointment[]): DayView => ({
  date: '2026-03-29',
  timeZone: 'Europe/Lisbon',
  startsAt: '2026-03-29T00:00:00Z',
  endsAt: '2026-03-29T23:00:00Z',
  staff: [
    { id: 1, name: 'Ana', email: null, colour: '#aa3377', active: true },
    { id: 2, name: 'Bruno', email: null, colour: null, active: true },
  ],
  appointments,
})

describe('DayBoard', () => {
  it('shows an empty day as a sentence and still shows every staff column', () => {
    const html = renderToStaticMarkup(<DayBoard day={day([])} busy={false} />)
    expect(html).toContain('No appointments on')
    expect(html).toContain(`No appointments on ${formatCalendarDate('2026-03-29')}`)
    expect(html.match(/data-testid="staff-column"/g)).toHaveLength(2)
    expect(html).toContain('data-staff-id="1"')
    expect(html).toContain('data-staff-id="2"')
    expect(html).not.toContain('Unassigned')
  })

  it('shows a card with branch-zone times, attendee, type and its marks', () => {
    const html = renderToStaticMarkup(
      <DayBoard
        day={day([
          appointment({ walkIn: true, syncState: 'pending', visitState: 'ARRIVED' }),
          appointment({
            uid: 'uid-2',
            staffId: null,
            status: 'CANCELLED',
            syncState: 'needs_attention',
            cancellationReason: 'Ill',
          }),
        ])}
        busy={false}
      />,
    )
    expect(html).not.toContain('No appointments on')
    expect(html).toContain('data-uid="uid-1"')
    const lisbon = formatTimeRange('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'Europe/Lisbon')
    const utc = formatTimeRange('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'UTC')
    expect(lisbon).not.toBe(utc)
    expect(html).toMatch(new RegExp(`data-testid="appointment-time">${escape(lisbon)}<`))
    expect(html).toContain('Rita Sousa')
    expect(html).toContain('Haircut<')
    expect(html).toContain('Walk-in')
    expect(html).toContain('Arrived')
    expect(html).toContain('Waiting to sync')
    expect(html).toContain('Needs attention')
    expect(html).toContain('appointment--struck')
    expect(html).toContain('Reason: Ill')
    expect(html).toContain('data-staff-id="unassigned"')
    expect(html).toContain('border-top-color:#aa3377')
  })
})
