// Previous/next day and week, today, and a date field with a calendar (G focuses it).
import { memo, type Ref } from 'react'
import { useIntl } from 'react-intl'
import type { MessageId } from '../../app/i18n/messages'
import { paths } from '../../app/routes'
import { DayPicker } from '../../ui/DayPicker'
import { addDays } from '../../ui/time/zoned-time'
import { WeekStrip } from './WeekStrip'

interface Props {
  date: string
  /** Today in the branch's zone. */
  today: string
  onChange(date: string): void
  dateInputRef?: Ref<HTMLDivElement>
}

// Memoised (with a stable `onChange`): the day page renders again on every answer and live change
// of the day, and the date field's calendar is among the costliest parts of the screen to render.
export const DayNavigator = memo(function DayNavigator({
  date,
  today,
  onChange,
  dateInputRef,
}: Props) {
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
      <WeekStrip date={date} today={today} />
      <DayPicker
        className="day-navigator__jump"
        label={t('day.nav.jump')}
        value={date}
        onChange={onChange}
        inputRef={dateInputRef}
        keyShortcut="G"
        testId="day-jump"
      />
      <a
        className="button-link"
        href={`#${paths.print(date)}`}
        aria-keyshortcuts="P"
        data-testid="print-day"
      >
        {t('day.nav.print')}
      </a>
      <p className="day-navigator__keys">{t('day.nav.keys')}</p>
    </nav>
  )
})
