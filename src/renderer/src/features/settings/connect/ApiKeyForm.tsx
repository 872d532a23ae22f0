import { useId, useState, type FormEvent } from 'react'
import { useIntl } from 'react-intl'

interface Props {
  busy: boolean
  /** What is wrong with the key, from the field check or from Cal.com. */
  error: string | null
  onSubmit(key: string): void
  onCancel(): void
}

export function ApiKeyForm({ busy, error, onSubmit, onCancel }: Props) {
  const intl = useIntl()
  const [key, setKey] = useState('')
  const inputId = useId()
  const errorId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(key)
  }
  return (
    <form className="connection__panel api-key-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{intl.formatMessage({ id: 'connect.apiKey' })}</label>
      <p className="api-key-form__hint">{intl.formatMessage({ id: 'connect.apiKeyWhere' })}</p>
      <input
        id={inputId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        placeholder="cal_live_…"
        value={key}
        onChange={(event) => setKey(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        disabled={busy}
      />
      {error && (
        <p id={errorId} className="api-key-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="connection__row">
        <button type="submit" className="button--primary" disabled={busy}>
          {intl.formatMessage({ id: busy ? 'connect.checkingKey' : 'connect.withKey' })}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {intl.formatMessage({ id: 'connect.back' })}
        </button>
      </div>
    </form>
  )
}
