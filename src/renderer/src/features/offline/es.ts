import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'offline.calcom': 'Ahora mismo no se puede contactar con Cal.com.',
  'offline.relay': 'Ahora mismo las reservas por internet no llegan a este mostrador.',
  'offline.desk': 'Esta pantalla ha perdido el mostrador. Reintentando…',
  'offline.stillWorks':
    'Puede seguir trabajando: las citas, llegadas y cambios se guardan aquí y se envían cuando vuelva la conexión.',
  'offline.waiting':
    '{count, plural, =0 {No hay nada pendiente de sincronizar.} one {# cambio pendiente de sincronizar.} other {# cambios pendientes de sincronizar.}}',
}
