import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'booking.new': 'Nueva cita',
  'booking.title': 'Nueva cita',
  'booking.walkIn': 'Sin cita',
  'booking.phone': 'Cita por teléfono',
}
