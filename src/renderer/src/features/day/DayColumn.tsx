// One staff member's column of the day grid: the hour rules and the cards. Memoised on what it
// draws (column-equality.ts), so a live change to one appointment renders its own column only.
import { memo } from 'react'
import { useIntl } from 'react-intl'
import { AppointmentCard } from './AppointmentCard'
import { sameColumn, type ColumnProps } from './column-equality'
import { MINUTE_PX, type ColumnLayout } from './day-layout'

interface Props {
  column: ColumnLayout
  /** Whole hours of the window, in minutes after midnight, and where the window starts. */
  hourMarks: readonly number[]
  startMinute: number
  /** The column's height in pixels. */
  height: number
  date: string
  timeZone: string
  alerts: ReadonlyMap<string, readonly string[]>
}

const NO_ALERTS: readonly string[] = []

/** One empty list for every card without alerts: a card does not render again when the day's
 * clients arrive (or are read again) and it still has none. */
const alertsOf = (alerts: ReadonlyMap<string, readonly string[]>, uid: string) => {
  const list = alerts.get(uid)
  return list && list.length > 0 ? list : NO_ALERTS
}

const comparable = (p: Props): ColumnProps => ({
  cards: p.column.cards,
  alerts: p.alerts,
  plain: [
    p.column.staffId,
    p.column.name,
    p.column.colour,
    p.hourMarks.join(),
    p.startMinute,
    p.height,
    p.date,
    p.timeZone,
  ],
})

export const DayColumn = memo(
  function DayColumn({ column, hourMarks, startMinute, height, date, timeZone, alerts }: Props) {
    const intl = useIntl()
    const id = column.staffId ?? 'unassigned'
    return (
      <section
        className="staff-column"
        data-testid="staff-column"
        data-staff-id={id}
        aria-labelledby={`staff-column-${id}`}
        style={{ height }}
      >
        {hourMarks.map((m) => (
          <span
            key={m}
            className="staff-column__rule"
            style={{ top: (m - startMinute) * MINUTE_PX }}
          />
        ))}
        {column.cards.length === 0 && (
          <p className="staff-column__free">{intl.formatMessage({ id: 'day.free' })}</p>
        )}
        {column.cards.map((card) => (
          <AppointmentCard
            key={card.appointment.uid}
            appointment={card.appointment}
            date={date}
            timeZone={timeZone}
            top={card.top}
            height={card.height}
            lane={card.lane}
            lanes={card.lanes}
            compact={card.compact}
            alerts={alertsOf(alerts, card.appointment.uid)}
          />
        ))}
      </section>
    )
  },
  (before, after) => sameColumn(comparable(before), comparable(after)),
)
