import type { Appointment } from '../../../shared/api/schemas'
import {
  isStruckThrough,
  STATUS_LABELS,
  SYNC_LABELS,
  VISIT_LABELS,
} from '../day/appointment-labels'
import { formatTimeRange } from '../time/zoned-time'

interface Props {
  appointment: Appointment
  /** The branch's zone: every time on the desk is read in it. */
  timeZone: string
}

export function AppointmentCard({ appointment: a, timeZone }: Props) {
  const struck = isStruckThrough(a.status)
  const visit = VISIT_LABELS[a.visitState]
  const sync = SYNC_LABELS[a.syncState]
  return (
    <article
      className={`appointment appointment--${a.status.toLowerCase()}${struck ? ' appointment--struck' : ''}`}
      data-testid="appointment"
      data-uid={a.uid}
      data-status={a.status}
    >
      <div className="appointment__main">
        <p className="appointment__time">
          <time dateTime={a.start} data-testid="appointment-time">
            {formatTimeRange(a.start, a.end, timeZone)}
          </time>
        </p>
        <h3 className="appointment__attendee">{a.attendee.name}</h3>
        <p className="appointment__type">{a.eventType?.title ?? a.title}</p>
      </div>
      <ul className="tags" aria-label="State">
        <li className={`tag tag--status tag--${a.status.toLowerCase()}`}>
          {STATUS_LABELS[a.status]}
        </li>
        {visit && <li className="tag tag--visit">{visit}</li>}
        {a.walkIn && <li className="tag tag--walk-in">Walk-in</li>}
        {a.paid && <li className="tag tag--paid">Paid</li>}
        {sync && (
          <li className={`tag tag--sync tag--${a.syncState}`} data-testid="sync-state">
            {sync}
          </li>
        )}
      </ul>
      {a.status === 'CANCELLED' && a.cancellationReason && (
        <p className="appointment__reason">Reason: {a.cancellationReason}</p>
      )}
    </article>
  )
}
