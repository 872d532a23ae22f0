// The shown day's week as seven links (Monday first): one click or Enter to any day of it, with
// the shown day and today told in words, not colour alone.
import { useIntl } from 'react-intl'
import { paths } from '../../app/routes'
import { dateTimeFormat } from '../../ui/time/date-time-format'
import { weekDays } from './week-days'

interface Props {
  date: string
  today: string
}

export function WeekStrip({ date, today }: Props) {
  const intl = useIntl()
  // Calendar days are not instants: each is read as UTC midnight in UTC.
  const weekday = dateTimeFormat(intl.locale, { timeZone: 'UTC', weekday: 'short' })
  const dayOfMonth = dateTimeFormat(intl.locale, { timeZone: 'UTC', day: 'numeric' })
  return (
    <ol className="week-strip" aria-label={intl.formatMessage({ id: 'day.week.label' })}>
      {weekDays(date).map((day) => {
        const at = new Date(`${day}T00:00:00Z`)
        const isToday = day === today
        return (
          <li key={day}>
            <a
              href={`#${paths.day(day)}`}
              className={`week-strip__day${isToday ? ' week-strip__day--today' : ''}`}
              aria-current={day === date ? 'date' : undefined}
              data-date={day}
            >
              <span className="week-strip__weekday">{weekday.format(at)}</span>
              <span className="week-strip__number">{dayOfMonth.format(at)}</span>
              {isToday && (
                <span className="week-strip__today">
                  {intl.formatMessage({ id: 'day.week.today' })}
                </span>
              )}
            </a>
          </li>
        )
      })}
    </ol>
  )
}
