// Bookings waiting for the desk to confirm or decline, soonest first. Confirm is one press;
// decline asks for a reason Cal.com passes on to the client. Either way the row leaves the list
// and a line says what was done (leaving-row.ts).
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
import { DoneLine } from './DoneLine'
import { useLeavingRow } from './leaving-row'
import { usePendingConfirmations } from './queries'
import './lists.css'

export function PendingPage({ branch }: { branch: Branch }) {
  const intl = useIntl()
  const pending = usePendingConfirmations()
  const staff = useStaff()
  const { done, listRef, doneRef, onDone } = useLeavingRow(pending.data?.map((a) => a.uid))
  return (
    <section className="page list-page" data-testid="pending-page">
      <h2>
        <FormattedMessage id="pending.title" />
      </h2>
      <DoneLine text={done} lineRef={doneRef} testId="pending-done" />
      {pending.error && <ErrorMessage message={describeError(intl, pending.error)} />}
      {pending.data?.length === 0 && (
        <p className="list-page__empty">
          <FormattedMessage id="pending.empty" />
        </p>
      )}
      {pending.data && pending.data.length > 0 && (
        <ul className="list" aria-label={intl.formatMessage({ id: 'pending.title' })} ref={listRef}>
          {pending.data.map((a) => (
            <PendingRow
              key={a.uid}
              appointment={a}
              branch={branch}
              staff={staff.data}
              onDone={onDone}
            />
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
  onDone,
}: {
  appointment: Appointment
  branch: Branch
  staff: ReturnType<typeof useStaff>['data']
  /** What was done, in words, once Confirm or Decline went through. */
  onDone(uid: string, message: string): void
}) {
  const api = useApi()
  const intl = useIntl()
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const params = { uid: appointment.uid }
  const name = appointment.attendee.name
  const confirm = useMutation({
    mutationFn: () => api.call('confirm', { params, body: {} }),
    onSuccess: () =>
      onDone(appointment.uid, intl.formatMessage({ id: 'pending.confirmed' }, { name })),
  })
  const decline = useMutation({
    mutationFn: () =>
      api.call('decline', { params, body: reason.trim() ? { reason: reason.trim() } : {} }),
    onSuccess: () => {
      setDeclining(false)
      onDone(appointment.uid, intl.formatMessage({ id: 'pending.declined' }, { name }))
    },
  })
  const busy = confirm.isPending || decline.isPending
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
