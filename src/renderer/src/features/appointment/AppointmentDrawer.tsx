// The appointment drawer (filled in next): opens over the grid, Esc and Close go back to the day.
import type { Branch } from '../../../../shared/api/schemas'

interface Props {
  uid: string
  branch: Branch
  onClose(): void
}

export function AppointmentDrawer({ uid }: Props) {
  return <aside data-testid="appointment-drawer" data-uid={uid} />
}
