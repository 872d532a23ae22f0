// One booking in a list: who, what, when (in the branch zone), with whom — a link that opens its
// drawer on its day, as a card on the day grid does, so the client's phone, the history and the
// drawer's actions are one click or Enter away. Its name says which appointment it opens.
import { useIntl } from 'react-intl'
import type { Appointment, Staff } from '../../../../shared/api/schemas'
import { paths } from '../../app/routes'
import { formatCalendarDate, calendarDateInZone, formatTimeRange } from '../../ui/time/zoned-time'

interface Props {
  appointment: Appointment
  timeZone: string
  staff: Staff[] | undefined
}

export function AppointmentSummary({ appointment: a, timeZone, staff }: Props) {
  const intl = useIntl()
  const who = staff?.find((s) => s.id === a.staffId)?.name
  const date = calendarDateInZone(new Date(a.start), timeZone)
  const day = formatCalendarDate(date, intl.locale)
  const service = `${a.eventType?.title ?? a.title}${who ? ` · ${who}` : ''}`
  const when = `${day}, ${formatTimeRange(a.start, a.end, timeZone, intl.locale)}`
  return (
    <a
      className="list-row__summary"
      href={`#${paths.appointment(date, a.uid)}`}
      // What it opens, then the words shown, in the order shown.
      aria-label={intl.formatMessage(
        { id: 'lists.openAppointment' },
        { client: a.attendee.name, service, when },
      )}
      data-testid="list-row-open"
    >
      {/* Spaces between the lines: read as one text, as the name must contain, words stay apart. */}
      <span className="list-row__client">{a.attendee.name}</span> <span>{service}</span>{' '}
      <span className="list-row__when">{when}</span>
    </a>
  )
}
