// One team change in a dialog: its own fields, then the signed-in person's PIN, which the relay
// checks for every change. The PIN typed last is offered again while the Team screen is open, so
// a run of changes needs it once; a refusal stays in the dialog, in words, and nothing changes.
import { useId, useState, type ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { FormDialog } from '../../ui/FormDialog'

interface Props {
  trigger: ReactNode
  /** Names the opener for screen readers when its text alone is ambiguous ("Edit: Rita"). */
  triggerLabel?: string
  triggerClassName?: string
  title: string
  submitLabel: string
  testId: string
  danger?: boolean
  /** The PIN typed in an earlier change on this screen. */
  rememberedPin: string
  onPin(pin: string): void
  /** Does the change; throws the API's refusal. */
  run(pin: string): Promise<void>
  canSubmit?: boolean
  children?: ReactNode
}

export function TeamChangeDialog(props: Props) {
  const intl = useIntl()
  const id = useId()
  // null: not typed in this dialog yet, so the PIN of the last change is offered.
  const [typed, setTyped] = useState<string | null>(null)
  const pin = typed ?? props.rememberedPin
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <FormDialog
      trigger={props.trigger}
      triggerLabel={props.triggerLabel}
      triggerClassName={props.triggerClassName}
      title={props.title}
      submitLabel={props.submitLabel}
      backLabel={intl.formatMessage({ id: 'team.back' })}
      busy={busy}
      busyLabel={intl.formatMessage({ id: 'team.saving' })}
      danger={props.danger}
      testId={props.testId}
      canSubmit={props.canSubmit !== false && /^[0-9]{4,12}$/.test(pin)}
      onSubmit={async () => {
        setBusy(true)
        setProblem(null)
        try {
          await props.run(pin)
          props.onPin(pin)
          setTyped(null)
          return true
        } catch (error) {
          setProblem(describeError(intl, error))
          return false
        } finally {
          setBusy(false)
        }
      }}
    >
      {props.children}
      <div className="field">
        <label htmlFor={`${id}-actor-pin`}>{intl.formatMessage({ id: 'team.yourPin' })}</label>
        <input
          id={`${id}-actor-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required
          aria-describedby={`${id}-actor-pin-hint`}
          value={pin}
          onChange={(event) => setTyped(event.target.value.replace(/\D/g, '').slice(0, 12))}
        />
        <p id={`${id}-actor-pin-hint`} className="muted team-hint">
          {intl.formatMessage({ id: 'team.yourPin.hint' })}
        </p>
      </div>
      {problem && <ErrorMessage message={problem} />}
    </FormDialog>
  )
}
