// The day grid: staff columns over a time axis in the branch zone, cards placed by start and
// length (overlaps side by side), and the now-line on today.
import { memo, useCallback, useMemo, useRef } from 'react'
import { useIntl } from 'react-intl'
import type { DayView } from '../../../../shared/api/schemas'
import type { OpeningHours } from '../../../../shared/api/opening-hours'
import { dateTimeFormat } from '../../ui/time/date-time-format'
import { formatCalendarDate } from '../../ui/time/zoned-time'
import { isMovable } from '../appointment/appointment-actions'
import { DayColumn } from './DayColumn'
import { layOutDay, MINUTE_PX } from './day-layout'
import { wallClock } from './grid-layout'
import { useCardDrag, type MovableCard } from './useCardDrag'

interface Props {
  day: DayView
  hours: OpeningHours | undefined
  /** Minutes after the branch-zone midnight, when the day shown is today. */
  nowMinute: number | null
  /** True while another day is being fetched and this one is still on screen. */
  busy: boolean
  /** The client alerts of each appointment, by uid (features/clients). */
  alerts: ReadonlyMap<string, readonly string[]>
  /** A card was dragged to another time of its column: minutes after the branch-zone midnight. */
  onMoveCard?(uid: string, minute: number): void
}

/** "EST", "GMT+1": the axis says which clock it is read on. */
function zoneAbbreviation(instant: string, timeZone: string, locale: string): string {
  return (
    dateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  )
}

/** An hour's label the now-line's time would half cover (it sits just under its rule): the
 * time shown instead is the closer one. */
const nearNow = (hourMinute: number, nowMinute: number) =>
  nowMinute > hourMinute - 8 && nowMinute < hourMinute + 17

// Memoised, and so are its columns and cards: the shell re-renders on every status change and
// minute tick, and a live change to one appointment should render one column and one card.
export const DayGrid = memo(function DayGrid({
  day,
  hours,
  nowMinute,
  busy,
  alerts,
  onMoveCard,
}: Props) {
  const intl = useIntl()
  const { columns, window, height, hourMarks } = useMemo(
    () =>
      layOutDay(day, hours, {
        unassigned: intl.formatMessage({ id: 'day.unassigned' }),
        unknownStaff: (id) => intl.formatMessage({ id: 'day.staffNumber' }, { id }),
      }),
    [day, hours, intl],
  )
  const top = (minute: number) => (minute - window.startMinute) * MINUTE_PX
  const movableCards = useMemo(() => {
    const cards = new Map<string, MovableCard>()
    for (const column of columns)
      for (const { appointment: a, span } of column.cards)
        if (isMovable(a)) cards.set(a.uid, { span, clientName: a.attendee.name })
    return cards
  }, [columns])
  const body = useRef<HTMLDivElement>(null)
  const movable = useCallback(
    (uid: string) => (onMoveCard && !busy ? movableCards.get(uid) : undefined),
    [movableCards, onMoveCard, busy],
  )
  const ghost = useCardDrag(body, movable, window, (uid, minute) => onMoveCard?.(uid, minute))
  const label = formatCalendarDate(day.date, intl.locale)
  const showNow =
    nowMinute !== null && nowMinute >= window.startMinute && nowMinute <= window.endMinute

  return (
    <section
      className="day-grid"
      aria-label={intl.formatMessage({ id: 'day.heading' }, { date: label })}
      aria-busy={busy}
      data-testid="day-board"
      data-date={day.date}
      data-window={`${wallClock(window.startMinute)}-${wallClock(window.endMinute)}`}
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
          // With no cards to tab to, the scroller itself takes focus, so the keyboard can still
          // scroll the empty day's staff columns and hours (axe: scrollable-region-focusable).
          {...(day.appointments.length === 0
            ? { tabIndex: 0, role: 'group', 'aria-label': label }
            : {})}
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
          <div className="day-grid__body" ref={body}>
            <div className="day-grid__axis" style={{ height }} aria-hidden="true">
              {hourMarks.map((m) => (
                <span
                  key={m}
                  className="day-grid__hour"
                  style={{ top: top(m) }}
                  hidden={showNow && nearNow(m, nowMinute)}
                >
                  {wallClock(m)}
                </span>
              ))}
              {showNow && (
                // The time of the now-line, in the hours' gutter: over a column it covered the
                // first staff member's "Nothing booked" and the card at that time.
                <span
                  className="day-grid__now-time"
                  style={{ top: top(nowMinute) }}
                  data-testid="now-time"
                >
                  {wallClock(nowMinute)}
                </span>
              )}
            </div>
            {columns.map((column) => (
              <DayColumn
                key={column.staffId ?? 'unassigned'}
                column={column}
                hourMarks={hourMarks}
                startMinute={window.startMinute}
                height={height}
                date={day.date}
                timeZone={day.timeZone}
                alerts={alerts}
              />
            ))}
            {ghost && (
              // Where the dragged card would land; the drop opens the reschedule dialog, which
              // says it to screen readers too.
              <div
                className="drag-ghost"
                style={{
                  top: ghost.top,
                  left: ghost.left,
                  width: ghost.width,
                  height: ghost.height,
                }}
                data-testid="drag-ghost"
                aria-hidden="true"
              >
                <span className="drag-ghost__time">
                  {wallClock(ghost.startMinute)}–{wallClock(ghost.endMinute)}
                </span>{' '}
                {ghost.clientName}
              </div>
            )}
            {showNow && (
              <div
                className="day-grid__now"
                style={{ top: top(nowMinute) }}
                data-testid="now-line"
                role="note"
              >
                <span className="visually-hidden">
                  {intl.formatMessage({ id: 'day.now' }, { time: wallClock(nowMinute) })}
                </span>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  )
})
