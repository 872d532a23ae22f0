// A PIN field with an on-screen pad: type on the keyboard (digits, Backspace, Enter) or press
// the pad's keys; the field keeps focus either way. What went wrong (`children`) is said right
// under the field, where the eyes are, not under the pad and the Sign in button below the fold:
// beside the keys, in a place kept for it, so a message coming never moves a key from under a
// finger on a touch screen.
import { useRef, type ReactNode } from 'react'
import { useIntl } from 'react-intl'

interface Props {
  id: string
  value: string
  onChange(value: string): void
  disabled: boolean
  describedBy?: string
  /** Shown under the field, beside the keys: the sign-in problem. */
  children?: ReactNode
}

const MAX_DIGITS = 12

export function PinPad({ id, value, onChange, disabled, describedBy, children }: Props) {
  const intl = useIntl()
  const input = useRef<HTMLInputElement>(null)
  const press = (next: string) => {
    onChange(next.slice(0, MAX_DIGITS))
    input.current?.focus()
  }
  return (
    <div className="pin-pad">
      <input
        ref={input}
        id={id}
        className="pin-pad__field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        maxLength={MAX_DIGITS}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, MAX_DIGITS))}
        data-testid="pin"
      />
      <div className="pin-pad__message">{children}</div>
      <div
        className="pin-pad__keys"
        role="group"
        aria-label={intl.formatMessage({ id: 'people.pin.pad' })}
      >
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
          <button
            key={digit}
            type="button"
            tabIndex={-1}
            disabled={disabled}
            onClick={() => press(value + digit)}
          >
            {digit}
          </button>
        ))}
        <button type="button" tabIndex={-1} disabled={disabled} onClick={() => press('')}>
          {intl.formatMessage({ id: 'people.pin.clear' })}
        </button>
        <button type="button" tabIndex={-1} disabled={disabled} onClick={() => press(value + '0')}>
          0
        </button>
        <button
          type="button"
          tabIndex={-1}
          disabled={disabled}
          aria-label={intl.formatMessage({ id: 'people.pin.backspace' })}
          onClick={() => press(value.slice(0, -1))}
        >
          ⌫
        </button>
      </div>
    </div>
  )
}
