// `#/appointment/UID`, the address a notification's click opens: finds the appointment's day in
// the branch's zone and opens its drawer there, as the day grid would.
import { FormattedMessage, useIntl } from 'react-intl'
import { Redirect } from 'wouter'
import { describeError } from '../../app/i18n/describe-error'
import { paths } from '../../app/routes'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { calendarDateInZone } from '../../ui/time/zoned-time'
import { useAppointment } from '../attention/queries'

export function AppointmentByUid({ uid, timeZone }: { uid: string; timeZone: string }) {
  const intl = useIntl()
  const found = useAppointment(uid)
  if (found.error) return <ErrorMessage message={describeError(intl, found.error)} />
  if (!found.data)
    return (
      <p className="loading">
        <FormattedMessage id="app.loading" />
      </p>
    )
  const day = calendarDateInZone(new Date(found.data.appointment.start), timeZone)
  return <Redirect to={paths.appointment(day, uid)} replace />
}
