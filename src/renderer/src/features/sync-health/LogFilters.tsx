// The filters above a log table: selects for its result and kind, and a "contains" box.
import { useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { MessageId } from '../../app/i18n/messages'

export interface Choice<T extends string> {
  label: MessageId
  value: T | ''
  options: ReadonlyArray<{ value: T; label: MessageId }>
  onChange(value: T | ''): void
}

interface Props {
  log: string
  choices: ReadonlyArray<Choice<string>>
  text: string
  onText(text: string): void
}

export function LogFilters({ log, choices, text, onText }: Props) {
  const intl = useIntl()
  const id = useId()
  return (
    <div
      className="log-filters"
      role="group"
      aria-label={intl.formatMessage({ id: 'syncHealth.filters' }, { log })}
    >
      {choices.map((choice, i) => (
        <div className="field" key={choice.label}>
          <label htmlFor={`${id}-${i}`}>
            <FormattedMessage id={choice.label} />
          </label>
          <select
            id={`${id}-${i}`}
            value={choice.value}
            onChange={(event) => choice.onChange(event.target.value)}
          >
            <option value="">{intl.formatMessage({ id: 'syncHealth.filter.all' })}</option>
            {choice.options.map((o) => (
              <option key={o.value} value={o.value}>
                {intl.formatMessage({ id: o.label })}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-text`}>
          <FormattedMessage id="syncHealth.filter.text" />
        </label>
        <input
          id={`${id}-text`}
          type="search"
          value={text}
          maxLength={100}
          onChange={(event) => onText(event.target.value)}
        />
      </div>
    </div>
  )
}
