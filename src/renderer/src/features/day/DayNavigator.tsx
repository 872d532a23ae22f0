// Previous/next day and week, today, and a date field (G focuses it).
import type { Ref } from 'react'
import { useIntl } from 'react-intl'
import type { MessageId } from '../../app/i18n/messages'
import { addDays, isCalendarDate } from '../../ui/time/zoned-time'

interface Props {
  date: string
  /** Today in the branch's zone. */
  today: string
  onChange(date: string): void
  dateInputRef?: Ref<HTMLInputElement>
}

export function DayNavigator({ date, today, onChange, dateInputRef }: Props) {
  const intl = useIntl()
  const t = (id: MessageId) => intl.formatMessage({ id })
  return (
    <nav className="day-navigator" aria-label={t('day.nav.label')}>
      <button
        type="button"
        onClick={() => onChange(addDays(date, -7))}
        aria-keyshortcuts="Shift+ArrowLeft"
      >
        <span aria-hidden="true">«</span> {t('day.nav.previousWeek')}
      </button>
      <button
        type="button"
        onClick={() => onChange(addDays(date, -1))}
        aria-keyshortcuts="ArrowLeft"
      >
        <span aria-hidden="true">‹</span> {t('day.nav.previousDay')}
      </button>
      <button
        type="button"
        onClick={() => onChange(today)}
        disabled={date === today}
        aria-keyshortcuts="T"
      >
        {t('day.nav.today')}
      </button>
      <button
        type="button"
        onClick={() => onChange(addDays(date, 1))}
        aria-keyshortcuts="ArrowRight"
      >
        {t('day.nav.nextDay')} <span aria-hidden="true">›</span>
      </button>
      <button
        type="button"
        onClick={() => onChange(addDays(date, 7))}
        aria-keyshortcuts="Shift+ArrowRight"
      >
        {t('day.nav.nextWeek')} <span aria-hidden="true">»</span>
      </button>
      <label className="day-picker">
        {t('day.nav.jump')}
        <input
          ref={dateInputRef}
          type="date"
          value={date}
          required
          aria-keyshortcuts="G"
          onChange={(event) => {
            // A half-typed or cleared date keeps the current day.
            if (isCalendarDate(event.target.value)) onChange(event.target.value)
          }}
        />
      </label>
      <p className="day-navigator__keys">{t('day.nav.keys')}</p>
    </nav>
  )
}
