// Cancel (a reason is required: Cal.com shows it to the client) or decline (a reason is optional).
import { useState } from 'react'
import { Label, TextArea, TextField } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { describeError } from '../../app/i18n/describe-error'
import { FormDialog } from '../../ui/FormDialog'
import type { ActionRequest } from './queries'

interface Props {
  kind: 'cancel' | 'decline'
  client: string
  run(request: ActionRequest): Promise<unknown>
  busy: boolean
}

export function ReasonDialog({ kind, client, run, busy }: Props) {
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
