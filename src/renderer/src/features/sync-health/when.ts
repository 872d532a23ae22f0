// Instants on the sync health page, in the branch's zone, with seconds (events come close together),
// on the 24-hour clock the rest of the desk reads (the grid, the drawer, the free times).
import type { IntlShape } from 'react-intl'

export function formatWhen(intl: IntlShape, iso: string, timeZone: string): string {
  return intl.formatDate(iso, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    hourCycle: 'h23',
    timeZone,
  })
}
