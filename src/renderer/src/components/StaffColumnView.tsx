import type { StaffColumn } from '../day/staff-columns'
import { AppointmentCard } from './AppointmentCard'

interface Props {
  column: StaffColumn
  timeZone: string
}

export function StaffColumnView({ column, timeZone }: Props) {
  const headingId = `staff-column-${column.staffId ?? 'unassigned'}`
  return (
    <section
      className="staff-column"
      data-testid="staff-column"
      data-staff-id={column.staffId ?? 'unassigned'}
      aria-labelledby={headingId}
      // The staff colour is an accent only; the name carries the meaning.
      style={column.colour ? { borderTopColor: column.colour } : undefined}
    >
      <h2 id={headingId} className="staff-column__name">
        {column.name}
      </h2>
      {column.appointments.length === 0 ? (
        <p className="staff-column__free">Nothing booked</p>
      ) : (
        <ol className="staff-column__list">
          {column.appointments.map((appointment) => (
            <li key={appointment.uid}>
              <AppointmentCard appointment={appointment} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
