// Rendered to static HTML (no DOM library needed): the markup the receptionist and the e2e
// tests rely on, in English and Spanish.
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import type { Appointment, DayView } from '../../../../shared/api/schemas'
import { MESSAGES } from '../../app/i18n/messages'
import { formatCalendarDate, formatTimeRange } from '../../ui/time/zoned-time'
import { DayGrid } from './DayGrid'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const appointment = (overrides: Partial<Appointment>): Appointment => ({
  uid: 'uid-1',
  calcomId: 1,
  title: 'Haircut between Ana and Rita',
  start: '2026-03-29T09:30:00Z',
  end: '2026-03-29T10:30:00Z',
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

const render = (view: DayView, locale: 'en' | 'es' = 'en', nowMinute: number | null = null) =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={MESSAGES[locale]}>
      <DayGrid day={view} hours={undefined} nowMinute={nowMinute} busy={false} alerts={new Map()} />
    </IntlProvider>,
  )

describe('DayGrid', () => {
  it('shows an empty day as a sentence and still shows every staff column', () => {
    const html = render(day([]))
    expect(html).toContain(`No appointments on ${formatCalendarDate('2026-03-29', 'en')}`)
    expect(html.match(/data-testid="staff-column"/g)).toHaveLength(2)
    expect(html).toContain('data-staff-id="1"')
    expect(html).toContain('data-staff-id="2"')
    expect(html).not.toContain('Unassigned')
  })

  it('writes the now-line’s time in the hours’ gutter, over no staff column, and says it', () => {
    const html = render(day([appointment({})]), 'en', 10 * 60 + 5)
    const axis = html.match(/<div class="day-grid__axis"[^>]*>.*?<\/div>/)![0]
    expect(axis).toMatch(/data-testid="now-time"[^>]*>10:05</)
    // The hour it would half cover is not drawn; the next one is.
    expect(axis).toMatch(/<span class="day-grid__hour"[^>]*hidden=""[^>]*>10:00</)
    expect(axis).toMatch(/<span class="day-grid__hour" style="[^"]*">11:00</)
    const columns = html.match(/<section class="staff-column".*?<\/section>/g)!
    expect(columns).toHaveLength(2)
    for (const column of columns) expect(column).not.toContain('10:05')
    expect(html).toMatch(/data-testid="now-line"[^>]*><span class="visually-hidden">Now 10:05</)
    expect(render(day([]), 'es', 10 * 60 + 5)).toContain('Ahora 10:05')
    // Not today: no line, no time.
    expect(render(day([]))).not.toContain('now-time')
  })

  it('lets the keyboard reach an empty day’s scroller, which has no card to tab to', () => {
    const scroller = (html: string) => html.match(/<div class="day-grid__scroller"[^>]*>/)![0]
    const empty = scroller(render(day([])))
    expect(empty).toContain('tabindex="0"')
    expect(empty).toContain('role="group"')
    expect(empty).toContain(`aria-label="${formatCalendarDate('2026-03-29', 'en')}"`)
    // With cards, the cards are the tab stops; the scroller adds none.
    expect(scroller(render(day([appointment({})])))).not.toContain('tabindex')
  })

  it('shows a card with branch-zone times, client, service and its marks in words', () => {
    const html = render(
      day([
        appointment({ walkIn: true, syncState: 'pending', visitState: 'ARRIVED', paid: true }),
        appointment({
          uid: 'uid-2',
          staffId: null,
          status: 'CANCELLED',
          syncState: 'needs_attention',
          cancellationReason: 'Ill',
        }),
      ]),
    )
    expect(html).not.toContain('No appointments on')
    expect(html).toContain('data-uid="uid-1"')
    const lisbon = formatTimeRange(
      '2026-03-29T09:30:00Z',
      '2026-03-29T10:30:00Z',
      'Europe/Lisbon',
      'en',
    )
    const utc = formatTimeRange('2026-03-29T09:30:00Z', '2026-03-29T10:30:00Z', 'UTC', 'en')
    expect(lisbon).not.toBe(utc)
    expect(html).toMatch(new RegExp(`data-testid="appointment-time">${escape(lisbon)}<`))
    expect(html).toContain('Rita Sousa')
    expect(html).toContain('Haircut<')
    for (const words of ['Walk-in', 'Arrived', 'Paid', 'Waiting to sync', 'Needs attention']) {
      expect(html).toContain(words)
    }
    expect(html).toContain('appointment--struck')
    expect(html).toContain('Reason: Ill')
    expect(html).toContain('data-staff-id="unassigned"')
    expect(html).toContain('border-top-color:#aa3377')
    // Each card opens its drawer at an address.
    expect(html).toContain('href="#/day/2026-03-29/appointment/uid-1"')
  })

  it('places a card by start and length, and overlapping cards side by side', () => {
    const html = render(
      day([
        appointment({ uid: 'a' }),
        appointment({ uid: 'b', start: '2026-03-29T10:00:00Z', end: '2026-03-29T10:30:00Z' }),
      ]),
    )
    // 2026-03-29 is Lisbon's first WEST day: 09:30 UTC is 10:30 at the branch. The grid opens
    // at 09:00 by default, so 10:30 is 90 minutes down.
    expect(html).toContain('data-window="09:00-18:00"')
    const cardStyle = (uid: string) =>
      html
        .split('<a ')
        .find((tag) => tag.includes(`data-uid="${uid}"`))
        ?.match(/style="([^"]*)"/)?.[1]
    expect(cardStyle('a')).toBe('top:144px;height:96px;left:calc(0% + 2px);width:calc(50% - 4px)')
    expect(cardStyle('b')).toBe('top:192px;height:48px;left:calc(50% + 2px);width:calc(50% - 4px)')
  })

  it('marks cards side by side narrow, so the client’s name comes first on its own line', () => {
    const html = render(
      day([
        // A 45-minute pair side by side, and one as long alone later on.
        appointment({ uid: 'a', end: '2026-03-29T10:15:00Z', walkIn: true }),
        appointment({ uid: 'b', end: '2026-03-29T10:15:00Z' }),
        appointment({ uid: 'c', start: '2026-03-29T12:00:00Z', end: '2026-03-29T12:45:00Z' }),
      ]),
    )
    const card = (uid: string) =>
      html.split('<a ').find((tag) => tag.includes(`data-uid="${uid}"`))!
    const classes = (uid: string) =>
      card(uid)
        .match(/class="([^"]*)"/)![1]!
        .split(' ')
    expect(classes('a')).toContain('appointment--narrow')
    expect(classes('b')).toContain('appointment--narrow')
    expect(classes('c')).not.toContain('appointment--narrow')
    // Name and time take two rows of a narrow 45-minute card: its mark still fits whole below
    // them, its service no longer does (still read out), where the card alone shows it.
    expect(card('a')).toContain('class="tags"')
    expect(card('a')).toContain('class="appointment__service visually-hidden"')
    expect(card('c')).toContain('class="appointment__service">Haircut<')
    // Each card keeps time, then name, in its words: the order on screen is the style sheet's.
    // The name carries itself whole as a title, for where a narrow card cuts it after two lines.
    expect(card('a')).toMatch(
      /appointment__time[^>]*>[^<]*<\/time> <strong class="appointment__client" title="Rita Sousa">Rita Sousa</,
    )
  })

  it('gives a card alone in its time the whole column (from the style sheet)', () => {
    const html = render(day([appointment({ uid: 'a' })]))
    const style = html
      .split('<a ')
      .find((tag) => tag.includes('data-uid="a"'))
      ?.match(/style="([^"]*)"/)?.[1]
    expect(style).toBe('top:144px;height:96px')
  })

  it('speaks Spanish with the Spanish catalog', () => {
    const html = render(day([appointment({ walkIn: true, visitState: 'IN_SERVICE' })]), 'es')
    expect(html).toContain('Sin cita previa')
    expect(html).toContain('En servicio')
    expect(html).not.toContain('Walk-in')
  })

  it('shows the desk notes on the card when there are some, in full for the drawer to repeat', () => {
    const notes = 'Allergic to ammonia; prefers the window seat and a quiet chat'
    const html = render(day([appointment({ deskNotes: notes })]))
    expect(html).toContain(`data-testid="appointment-notes">Note: ${notes}</span>`)
    expect(render(day([appointment({ deskNotes: '  ' })]))).not.toContain('appointment-notes')
    expect(render(day([appointment({})]))).not.toContain('appointment-notes')
    expect(render(day([appointment({ deskNotes: notes })]), 'es')).toContain(`Nota: ${notes}`)
  })
})
