import { addDays, isCalendarDate } from '../time/zoned-time'

interface Props {
  date: string
  /** Today in the branch's zone. */
  today: string
  onChange(date: string): void
}

export function DayNavigator({ date, today, onChange }: Props) {
  return (
    <nav className="day-navigator" aria-label="Choose a day">
      <button type="button" onClick={() => onChange(addDays(date, -1))}>
        <span aria-hidden="true">‹ </span>Previous day
      </button>
      <button type="button" onClick={() => onChange(today)} disabled={date === today}>
        Today
      </button>
      <button type="button" onClick={() => onChange(addDays(date, 1))}>
        Next day<span aria-hidden="true"> ›</span>
      </button>
      <label className="day-picker">
        Date
        <input
          type="date"
          value={date}
          required
          onChange={(event) => {
            // A half-typed or cleared date keeps the current day.
            if (isCalendarDate(event.target.value)) onChange(event.target.value)
          }}
        />
      </label>
    </nav>
  )
}
