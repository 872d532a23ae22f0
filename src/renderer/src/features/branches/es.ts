import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'branches.switcher': 'Sucursal',
  'branches.offline': 'sin conexión',
  'branches.waiting':
    '{count, plural, one {# cambio pendiente} other {# cambios pendientes}} de sincronizar',
  'branches.attention': '{count, plural, one {# requiere} other {# requieren}} atención',
  'branches.attentionElsewhere':
    '{count, plural, one {# requiere atención en otra sucursal} other {# requieren atención en otras sucursales}}',
  'branches.add.section': 'Sucursales',
  'branches.add.busy': 'Añadiendo…',
  'branches.add.title': 'Conectar otra sucursal',
  'branches.add.intro':
    'Cada sucursal tiene su propia cuenta de Cal.com. Añádala aquí y luego conéctela a Cal.com como hizo con la primera.',
  'branches.add.name': 'Nombre de la sucursal',
  'branches.add.key': 'Nombre corto',
  'branches.add.keyHint': 'Minúsculas, cifras y guiones, p. ej. «centro».',
  'branches.add.submit': 'Añadir la sucursal',
  'branches.add.cancel': 'Cancelar',
}
