// The day grid: staff columns over a time axis in the branch zone, cards placed by start and
// length (overlaps side by side), and the now-line on today.
import { useIntl } from 'react-intl'
import type { DayView } from '../../../../shared/api/schemas'
import type { OpeningHours } from '../../../../shared/api/opening-hours'
import { formatCalendarDate } from '../../ui/time/zoned-time'
import { AppointmentCard } from './AppointmentCard'
import { gridWindow, placeInLanes, spanOf } from './grid-layout'
import { groupIntoColumns } from './staff-columns'

/** Pixels per minute: a 30-minute appointment is 48 px, room for two lines and its marks. */
export const MINUTE_PX = 1.6
const COMPACT_BELOW_MINUTES = 25

interface Props {
  day: DayView
  hours: OpeningHours | undefined
  /** Minutes after the branch-zone midnight, when the day shown is today. */
  nowMinute: number | null
  /** True while another day is being fetched and this one is still on screen. */
  busy: boolean
}

/** "EST", "GMT+1": the axis says which clock it is read on. */
function zoneAbbreviation(instant: string, timeZone: string, locale: string): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  )
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

export function DayGrid({ day, hours, nowMinute, busy }: Props) {
  const intl = useIntl()
  const columns = groupIntoColumns(day, {
    unassigned: intl.formatMessage({ id: 'day.unassigned' }),
    unknownStaff: (id) => intl.formatMessage({ id: 'day.staffNumber' }, { id }),
  })
  const spans = new Map(day.appointments.map((a) => [a.uid, spanOf(a, day, day.timeZone)]))
  const window = gridWindow(hours, [...spans.values()])
  const height = (window.endMinute - window.startMinute) * MINUTE_PX
  const top = (minute: number) => (minute - window.startMinute) * MINUTE_PX
  const label = formatCalendarDate(day.date, intl.locale)
  const hourMarks: number[] = []
  for (let m = window.startMinute; m < window.endMinute; m += 60) hourMarks.push(m)
  const showNow =
    nowMinute !== null && nowMinute >= window.startMinute && nowMinute <= window.endMinute

  return (
    <section
      className="day-grid"
      aria-label={intl.formatMessage({ id: 'day.heading' }, { date: label })}
      aria-busy={busy}
      data-testid="day-board"
      data-date={day.date}
      data-window={`${hhmm(window.startMinute)}-${hhmm(window.endMinute)}`}
    >
      {day.appointments.length === 0 && (
        <p className="day-grid__empty" data-testid="day-empty">
          {intl.formatMessage({ id: 'day.empty' }, { date: label })}
        </p>
      )}
      {columns.length === 0 ? (
        <p className="day-grid__empty">{intl.formatMessage({ id: 'day.noStaff' })}</p>
      ) : (
        <div
          className="day-grid__scroller"
          data-testid="day-scroller"
          style={{ ['--columns' as string]: columns.length }}
        >
          <div className="day-grid__head">
            <div className="day-grid__corner" title={day.timeZone}>
              {zoneAbbreviation(day.startsAt, day.timeZone, intl.locale)}
            </div>
            {columns.map((column) => (
              <h2
                key={`h-${column.staffId ?? 'unassigned'}`}
                id={`staff-column-${column.staffId ?? 'unassigned'}`}
                className="day-grid__staff"
                // The staff colour is an accent only; the name carries the meaning.
                style={column.colour ? { borderTopColor: column.colour } : undefined}
              >
                {column.name}
              </h2>
            ))}
          </div>
          <div className="day-grid__body">
            <div className="day-grid__axis" style={{ height }} aria-hidden="true">
              {hourMarks.map((m) => (
                <span key={m} className="day-grid__hour" style={{ top: top(m) }}>
                  {hhmm(m)}
                </span>
              ))}
            </div>
            {columns.map((column) => (
              <section
                key={column.staffId ?? 'unassigned'}
                className="staff-column"
                data-testid="staff-column"
                data-staff-id={column.staffId ?? 'unassigned'}
                aria-labelledby={`staff-column-${column.staffId ?? 'unassigned'}`}
                style={{ height }}
              >
                {hourMarks.map((m) => (
                  <span key={m} className="staff-column__rule" style={{ top: top(m) }} />
                ))}
                {column.appointments.length === 0 && (
                  <p className="staff-column__free">{intl.formatMessage({ id: 'day.free' })}</p>
                )}
                {placeInLanes(column.appointments, (a) => spans.get(a.uid)!).map(
                  ({ item, lane, lanes }) => {
                    const span = spans.get(item.uid)!
                    const minutes = span.endMinute - span.startMinute
                    return (
                      <AppointmentCard
                        key={item.uid}
                        appointment={item}
                        date={day.date}
                        timeZone={day.timeZone}
                        compact={minutes < COMPACT_BELOW_MINUTES}
                        style={{
                          top: top(span.startMinute),
                          height: Math.max(minutes * MINUTE_PX, 22),
                          left: `calc(${(lane / lanes) * 100}% + 2px)`,
                          width: `calc(${100 / lanes}% - 4px)`,
                        }}
                      />
                    )
                  },
                )}
              </section>
            ))}
            {showNow && (
              <div
                className="day-grid__now"
                style={{ top: top(nowMinute) }}
                data-testid="now-line"
                role="note"
              >
                <span className="day-grid__now-label">
                  {intl.formatMessage({ id: 'day.now' }, { time: hhmm(nowMinute) })}
                </span>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
