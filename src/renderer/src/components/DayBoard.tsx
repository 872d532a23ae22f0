import type { DayView } from '../../../shared/api/schemas'
import { groupIntoColumns } from '../day/staff-columns'
import { formatCalendarDate } from '../time/zoned-time'
import { StaffColumnView } from './StaffColumnView'

interface Props {
  day: DayView
  /** True while another day is being fetched and this one is still on screen. */
  busy: boolean
}

export function DayBoard({ day, busy }: Props) {
  const columns = groupIntoColumns(day)
  const label = formatCalendarDate(day.date)
  return (
    <section
      className="day-board"
      aria-label={`Appointments on ${label}`}
      aria-busy={busy}
      data-testid="day-board"
      data-date={day.date}
    >
      <h2 className="day-board__title">{label}</h2>
      {day.appointments.length === 0 && (
        <p className="day-board__empty" data-testid="day-empty">
          No appointments on {label}
        </p>
      )}
      {columns.length === 0 ? (
        <p className="day-board__empty">This branch has no staff yet.</p>
      ) : (
        <div className="day-board__columns">
          {columns.map((column) => (
            <StaffColumnView
              key={column.staffId ?? 'unassigned'}
              column={column}
              timeZone={day.timeZone}
            />
          ))}
        </div>
      )}
    </section>
  )
}
