// Instants on the sync health page, in the branch's zone, with seconds (events come close together).
import type { IntlShape } from 'react-intl'

export function formatWhen(intl: IntlShape, iso: string, timeZone: string): string {
  return intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium', timeZone })
}
