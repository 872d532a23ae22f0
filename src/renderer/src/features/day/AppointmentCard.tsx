// One appointment on the grid: a link that opens its drawer. Time and client first; then the
// client's alert, its marks (each as icon and words) and the service, as many as fit whole
// (card-rows.ts). A narrow card, side by side with others, shows the client's name first, on a
// line of its own, and the time below it (styles.css, .appointment--narrow): at a half or a
// third of a column, the time took the line and cut the name the receptionist scans for to
// "Hu…". Memoised on plain props: on a live change only the card whose appointment changed
// renders again.
import { memo } from 'react'
import { useIntl } from 'react-intl'
import type { Appointment } from '../../../../shared/api/schemas'
import { paths } from '../../app/routes'
import { formatTimeRange } from '../../ui/time/zoned-time'
import { isMovable } from '../appointment/appointment-actions'
import { cardMarks, isStruckThrough } from './card-marks'
import { rowsThatFit, type CardRow } from './card-rows'

interface Props {
  appointment: Appointment
  date: string
  /** The branch's zone: every time on the desk is read in it. */
  timeZone: string
  /** Its place in its staff column, in pixels, and its lane of `lanes` side by side. */
  top: number
  height: number
  lane: number
  lanes: number
  /** Short cards show one line; the rest is in the accessible name and the drawer. */
  compact: boolean
  /** The client's alerts (an allergy, "prefers Liam"): shown on every card of that client. */
  alerts: readonly string[]
}

export const AppointmentCard = memo(function AppointmentCard({
  appointment: a,
  date,
  timeZone,
  top,
  height,
  lane,
  lanes,
  compact,
  alerts,
}: Props) {
  const intl = useIntl()
  const struck = isStruckThrough(a.status)
  const time = formatTimeRange(a.start, a.end, timeZone, intl.locale)
  const service = a.eventType?.title ?? a.title
  const marks = cardMarks(a)
  const markWords = marks.map((m) => intl.formatMessage({ id: m.words }))
  const notes = a.deskNotes?.trim()
  const reason = a.status === 'CANCELLED' ? a.cancellationReason : null
  const present = new Set<CardRow>(['service'])
  if (alerts.length > 0) present.add('alert')
  if (marks.length > 0) present.add('marks')
  if (notes) present.add('notes')
  if (reason) present.add('reason')
  // A compact card is one row, styled as such; a taller one draws only the rows that fit whole.
  const narrow = lanes > 1
  const fits = compact ? present : rowsThatFit(height, present, narrow)
  const rowClass = (name: string, row: CardRow) =>
    fits.has(row) ? name : `${name} visually-hidden`
  return (
    <a
      href={`#${paths.appointment(date, a.uid)}`}
      className={[
        'appointment',
        `appointment--${a.status.toLowerCase()}`,
        `appointment--visit-${a.visitState.toLowerCase()}`,
        a.syncState !== 'synced' ? `appointment--sync-${a.syncState}` : '',
        struck ? 'appointment--struck' : '',
        compact ? 'appointment--compact' : '',
        narrow ? 'appointment--narrow' : '',
        isMovable(a) ? 'appointment--movable' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      // A card alone in its time takes the column's width from the style sheet: only cards side
      // by side carry their own, as every inline value is parsed and styled card by card.
      style={
        lanes === 1
          ? { top, height }
          : {
              top,
              height,
              left: `calc(${(lane / lanes) * 100}% + 2px)`,
              width: `calc(${100 / lanes}% - 4px)`,
            }
      }
      data-testid="appointment"
      data-uid={a.uid}
      data-status={a.status}
      data-visit={a.visitState}
      data-sync={a.syncState}
      data-alerts={alerts.length || undefined}
    >
      <span className="appointment__line">
        <time className="appointment__time" dateTime={a.start} data-testid="appointment-time">
          {time}
        </time>{' '}
        {/* The whole name on hover where a narrow card cuts it; the card's name has it too. */}
        <strong className="appointment__client" title={a.attendee.name}>
          {a.attendee.name}
        </strong>
      </span>{' '}
      {alerts.length > 0 && (
        <span
          className={rowClass('appointment__alert tag--alert', 'alert')}
          data-testid="client-alert"
        >
          <span aria-hidden="true">⚠ </span>
          {intl.formatMessage({ id: 'day.card.alert' }, { alert: alerts.join('; ') })}
        </span>
      )}{' '}
      {marks.length > 0 && (
        <span className={rowClass('tags', 'marks')}>
          {marks.map((m, i) => (
            <span
              key={m.kind}
              className={`tag tag--${m.kind} tag--${m.value.toLowerCase()}`}
              data-testid={m.kind === 'sync' ? 'sync-state' : undefined}
            >
              {i > 0 && ' '}
              <span className="tag__icon" aria-hidden="true">
                {m.icon}
              </span>{' '}
              {markWords[i]}
            </span>
          ))}
        </span>
      )}{' '}
      <span className={rowClass('appointment__service', 'service')}>{service}</span>
      {/* One line, cut with an ellipsis; the whole note is in the drawer (and read out here). */}
      {notes && (
        <span className={rowClass('appointment__notes', 'notes')} data-testid="appointment-notes">
          {intl.formatMessage({ id: 'day.card.notes' }, { notes })}
        </span>
      )}
      {reason && (
        <span className={rowClass('appointment__reason', 'reason')}>
          {intl.formatMessage({ id: 'day.card.reason' }, { reason })}
        </span>
      )}
    </a>
  )
})
