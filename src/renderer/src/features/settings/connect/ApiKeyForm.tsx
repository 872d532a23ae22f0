import { useId, useState, type FormEvent } from 'react'

interface Props {
  busy: boolean
  /** What is wrong with the key, from the field check or from Cal.com. */
  error: string | null
  onSubmit(key: string): void
  onCancel(): void
}

export function ApiKeyForm({ busy, error, onSubmit, onCancel }: Props) {
  const [key, setKey] = useState('')
  const inputId = useId()
  const errorId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(key)
  }
  return (
    <form className="connection__panel api-key-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Cal.com API key</label>
      <p className="api-key-form__hint">Cal.com › Settings › Developer › API keys</p>
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
          {busy ? 'Checking the key…' : 'Connect with this key'}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Back
        </button>
      </div>
    </form>
  )
}
