// Bookings waiting for the desk to confirm or decline, soonest first. Confirm is one press;
// decline asks for a reason Cal.com passes on to the client.
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button, Heading, Label, TextArea, TextField } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Appointment, Branch } from '../../../../shared/api/schemas'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { DialogFrame } from '../../ui/DialogFrame'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { useStaff } from '../booking/queries'
import { AppointmentSummary } from './AppointmentSummary'
import { usePendingConfirmations } from './queries'
import './lists.css'

export function PendingPage({ branch }: { branch: Branch }) {
  const intl = useIntl()
  const pending = usePendingConfirmations()
  const staff = useStaff()
  return (
    <section className="page list-page" data-testid="pending-page">
      <h2>
        <FormattedMessage id="pending.title" />
      </h2>
      {pending.error && <ErrorMessage message={describeError(intl, pending.error)} />}
      {pending.data?.length === 0 && (
        <p className="list-page__empty">
          <FormattedMessage id="pending.empty" />
        </p>
      )}
      {pending.data && pending.data.length > 0 && (
        <ul className="list" aria-label={intl.formatMessage({ id: 'pending.title' })}>
          {pending.data.map((a) => (
            <PendingRow key={a.uid} appointment={a} branch={branch} staff={staff.data} />
          ))}
        </ul>
      )}
    </section>
  )
}

function PendingRow({
  appointment,
  branch,
  staff,
}: {
  appointment: Appointment
  branch: Branch
  staff: ReturnType<typeof useStaff>['data']
}) {
  const api = useApi()
  const intl = useIntl()
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const params = { uid: appointment.uid }
  const confirm = useMutation({ mutationFn: () => api.call('confirm', { params, body: {} }) })
  const decline = useMutation({
    mutationFn: () =>
      api.call('decline', { params, body: reason.trim() ? { reason: reason.trim() } : {} }),
    onSuccess: () => setDeclining(false),
  })
  const busy = confirm.isPending || decline.isPending
  const name = appointment.attendee.name
  return (
    <li className="list-row" data-testid="pending-row" data-uid={appointment.uid}>
      <AppointmentSummary appointment={appointment} timeZone={branch.timeZone} staff={staff} />
      <div className="list-row__actions">
        <Button
          className="button--primary"
          isDisabled={busy}
          onPress={() => confirm.mutate()}
          aria-label={`${intl.formatMessage({ id: 'pending.confirm' })}: ${name}`}
        >
          {intl.formatMessage({ id: 'pending.confirm' })}
        </Button>
        <Button
          isDisabled={busy}
          onPress={() => setDeclining(true)}
          aria-label={`${intl.formatMessage({ id: 'pending.decline' })}: ${name}`}
        >
          {intl.formatMessage({ id: 'pending.decline' })}
        </Button>
      </div>
      {confirm.error && <ErrorMessage message={describeError(intl, confirm.error)} />}
      <DialogFrame isOpen={declining} onOpenChange={setDeclining} testId="decline-dialog">
        {({ close }) => (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              if (!decline.isPending) decline.mutate()
            }}
          >
            <Heading slot="title">
              {intl.formatMessage({ id: 'pending.declineTitle' }, { name })}
            </Heading>
            <TextField className="list-field" value={reason} onChange={setReason} autoFocus>
              <Label>{intl.formatMessage({ id: 'pending.declineReason' })}</Label>
              <TextArea rows={3} maxLength={500} />
            </TextField>
            {decline.error && <ErrorMessage message={describeError(intl, decline.error)} />}
            <div className="dialog-frame__actions">
              <Button type="submit" className="button--danger" isDisabled={decline.isPending}>
                {intl.formatMessage({ id: 'pending.declineConfirm' })}
              </Button>
              <Button onPress={close}>{intl.formatMessage({ id: 'pending.declineKeep' })}</Button>
            </div>
          </form>
        )}
      </DialogFrame>
    </li>
  )
}
