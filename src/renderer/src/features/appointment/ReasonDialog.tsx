// Cancel (a reason is required: Cal.com shows it to the client) or decline (a reason is optional).
// Cancelling shows the service's cancellation policy to read out, and whether this one is late.
import { useState } from 'react'
import { Label, TextArea, TextField } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { isLateCancellation } from '../../../../shared/cancellation/late-cancellation'
import { describeError } from '../../app/i18n/describe-error'
import { FormDialog } from '../../ui/FormDialog'
import type { ActionRequest } from './queries'

interface Props {
  kind: 'cancel' | 'decline'
  client: string
  run(request: ActionRequest): Promise<unknown>
  busy: boolean
  /** Cancelling: the service's policy, if it has one, and when the appointment starts (ISO). */
  policy?: { windowHours: number; text: string } | null
  startsAt?: string
}

export function ReasonDialog({ kind, client, run, busy, policy, startsAt }: Props) {
  const intl = useIntl()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const cancel = kind === 'cancel'
  return (
    <FormDialog
      testId={`${kind}-dialog`}
      trigger={intl.formatMessage({
        id: cancel ? 'appointment.action.cancel' : 'appointment.action.decline',
      })}
      triggerClassName="button--danger-outline"
      title={intl.formatMessage(
        { id: cancel ? 'appointment.cancel.title' : 'appointment.decline.title' },
        { client },
      )}
      submitLabel={intl.formatMessage({
        id: cancel ? 'appointment.cancel.submit' : 'appointment.decline.submit',
      })}
      backLabel={intl.formatMessage({ id: 'appointment.dialog.back' })}
      busyLabel={intl.formatMessage({ id: 'appointment.dialog.busy' })}
      busy={busy}
      danger
      canSubmit={!cancel || reason.trim() !== ''}
      onSubmit={async () => {
        setError(null)
        try {
          await run({ kind, reason: reason.trim() })
          return true
        } catch (e) {
          setError(describeError(intl, e))
          return false
        }
      }}
    >
      {cancel && policy && startsAt && <PolicyNotice policy={policy} startsAt={startsAt} />}
      <TextField
        className="field"
        value={reason}
        onChange={setReason}
        isRequired={cancel}
        autoFocus
        maxLength={500}
      >
        <Label>
          {intl.formatMessage({
            id: cancel ? 'appointment.cancel.reason' : 'appointment.decline.reason',
          })}
        </Label>
        <TextArea rows={3} />
      </TextField>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </FormDialog>
  )
}

function PolicyNotice({
  policy,
  startsAt,
}: {
  policy: { windowHours: number; text: string }
  startsAt: string
}) {
  const intl = useIntl()
  // Judged when the dialog opens, by the rule the desk and the relay use when it is sent.
  const [late] = useState(() =>
    isLateCancellation({ startsAt, cancelledAt: Date.now(), windowHours: policy.windowHours }),
  )
  return (
    <section
      className="cancel-policy"
      aria-labelledby="cancel-policy-title"
      data-testid="cancel-policy"
    >
      <h3 id="cancel-policy-title" className="cancel-policy__title">
        {intl.formatMessage({ id: 'appointment.cancel.policy' })}
      </h3>
      <p className="cancel-policy__text">{policy.text}</p>
      <p
        className={late ? 'notice' : 'muted'}
        data-testid={late ? 'cancel-late' : 'cancel-on-time'}
      >
        {intl.formatMessage(
          { id: late ? 'appointment.cancel.late' : 'appointment.cancel.onTime' },
          { hours: policy.windowHours },
        )}
      </p>
    </section>
  )
}
