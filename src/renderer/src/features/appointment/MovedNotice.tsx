// A rescheduled booking says where it went, and the booking that replaced it where it came
// from, each with a link: Cal.com makes a new booking when one is moved, so after a reschedule
// the drawer still open on the old one must not leave the receptionist at a dead end.
import { useIntl } from 'react-intl'
import type { Appointment } from '../../../../shared/api/schemas'
import { paths } from '../../app/routes'
import { calendarDateInZone, formatCalendarDate, formatTimeRange } from '../../ui/time/zoned-time'
import { useAppointment } from './queries'

interface Props {
  appointment: Pick<Appointment, 'rescheduledToUid' | 'rescheduledFromUid'>
  timeZone: string
}

export function MovedNotice({ appointment, timeZone }: Props) {
  const intl = useIntl()
  const to = appointment.rescheduledToUid
  const from = to === null ? appointment.rescheduledFromUid : null
  const other = useAppointment(to ?? from)
  if (to === null && from === null) return null
  const found = other.data?.appointment
  const when =
    found &&
    `${formatCalendarDate(calendarDateInZone(new Date(found.start), timeZone), intl.locale)}, ${formatTimeRange(found.start, found.end, timeZone, intl.locale)}`
  const words = to
    ? when
      ? intl.formatMessage({ id: 'appointment.movedTo' }, { when })
      : intl.formatMessage({ id: 'appointment.movedElsewhere' })
    : when
      ? intl.formatMessage({ id: 'appointment.movedFrom' }, { when })
      : intl.formatMessage({ id: 'appointment.movedHere' })
  return (
    <p className="notice" data-testid="drawer-moved">
      {words}{' '}
      <a href={`#${paths.appointmentByUid((to ?? from)!)}`}>
        {intl.formatMessage({ id: to ? 'appointment.openNew' : 'appointment.openOld' })}
      </a>
    </p>
  )
}
