import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'attention.title': 'Requieren atención',
  'attention.empty': 'Nada requiere atención.',
  'pending.title': 'Pendientes de confirmar',
  'pending.empty': 'Ninguna cita espera confirmación.',
}
