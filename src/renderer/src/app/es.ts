import type { CatalogOf } from './i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'app.title': 'Frontdesk',
  'app.version': 'Frontdesk {version}',
  'app.loading': 'Cargando…',
  'app.notFound': 'No hay ninguna página en esta dirección.',
  'app.backToToday': 'Volver a hoy',
  'app.nav.label': 'Secciones',
  'app.nav.day': 'Día',
  'app.nav.pending': 'Pendientes',
  'app.nav.attention': 'Requieren atención',
  'app.nav.settings': 'Ajustes',
  'app.zone': 'Hora de {zone}',
  'app.live.connecting': 'Conectando con las actualizaciones en vivo…',
  'app.live.live': 'En vivo',
  'app.live.reconnecting': 'Actualizaciones en pausa, reconectando…',
  'app.strip.label': 'Estado del mostrador',
  'app.strip.online': 'En línea',
  'app.strip.offline': 'Sin conexión: no se puede contactar con Cal.com',
  'app.strip.deskDown': 'El mostrador no responde',
  'app.strip.notConnected': 'Cal.com: sin conectar',
  'app.strip.waiting':
    '{count, plural, one {# cambio pendiente} other {# cambios pendientes}} de sincronizar',
  'app.strip.attention': '{count, plural, one {# requiere} other {# requieren}} atención',
  'app.strip.pending': '{count, plural, one {# cita} other {# citas}} por confirmar',
  'error.NETWORK': 'El mostrador no responde. ¿Sigue en marcha?',
  'error.fallback': '{message}',
  'startup.title': 'Frontdesk no puede arrancar',
  'startup.noToken':
    'Esta página no tiene token de sesión: abra la dirección completa que mostró el mostrador al arrancar (termina en ?token=…).',
  'startup.noBridge': 'El mostrador no ha dado a esta ventana su dirección de API ni su token.',
  'startup.badUrl': 'El mostrador ha dado una dirección de API que no es una URL: {address}',
}
