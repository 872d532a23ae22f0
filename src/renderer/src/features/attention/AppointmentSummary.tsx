// One line about a booking in a list: who, what, when (in the branch zone), with whom.
import { useIntl } from 'react-intl'
import type { Appointment, Staff } from '../../../../shared/api/schemas'
import { formatCalendarDate, calendarDateInZone, formatTimeRange } from '../../ui/time/zoned-time'

interface Props {
  appointment: Appointment
  timeZone: string
  staff: Staff[] | undefined
}

export function AppointmentSummary({ appointment: a, timeZone, staff }: Props) {
  const intl = useIntl()
  const who = staff?.find((s) => s.id === a.staffId)?.name
  const day = formatCalendarDate(calendarDateInZone(new Date(a.start), timeZone), intl.locale)
  return (
    <div className="list-row__summary">
      <p className="list-row__client">{a.attendee.name}</p>
      <p>
        {a.eventType?.title ?? a.title}
        {who ? ` · ${who}` : ''}
      </p>
      <p className="list-row__when">
        {day}, {formatTimeRange(a.start, a.end, timeZone, intl.locale)}
      </p>
    </div>
  )
}
