import type { CatalogOf } from './i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'app.title': 'Frontdesk',
  'app.loading': 'Cargando…',
  'app.notFound': 'No hay ninguna página en esta dirección.',
  'app.backToToday': 'Volver a hoy',
  'app.nav.label': 'Secciones',
  'app.nav.day': 'Día',
  'app.nav.pending': 'Pendientes',
  'app.nav.attention': 'Requieren atención',
  'app.nav.settings': 'Ajustes',
  'app.zone': 'Hora de {zone}',
  'app.zone.utc': 'Hora {zone}',
  'app.live.connecting': 'Conectando con las actualizaciones en vivo…',
  'app.live.live': 'En vivo',
  'app.live.reconnecting': 'Actualizaciones en pausa, reconectando…',
  'app.strip.label': 'Estado del mostrador',
  'app.strip.online': 'En línea',
  'app.strip.calcomDown': 'No se puede contactar con Cal.com',
  'app.strip.relayDown': 'Las reservas por internet no llegan',
  'app.strip.deskDown': 'El mostrador no responde',
  'app.strip.notConnected': 'Cal.com: sin conectar',
  'app.strip.waiting':
    '{count, plural, one {# cambio pendiente} other {# cambios pendientes}} de sincronizar',
  'app.strip.attention': '{count, plural, one {# requiere} other {# requieren}} atención',
  'app.strip.pending': '{count, plural, one {# cita} other {# citas}} por confirmar',
  'error.NETWORK': 'El mostrador no responde. ¿Sigue en marcha?',
  'error.fallback': '{message}',
  'error.UNKNOWN_DESK_USER': 'Este mostrador no conoce a la persona indicada.',
  'error.IDEMPOTENCY_KEY_REUSED':
    'Este formulario ya se envió con otros datos. Ciérrelo y empiece la reserva de nuevo.',
  'error.SLOTS_UNAVAILABLE':
    'Ahora no se pueden leer las horas libres de Cal.com y este mostrador no tiene ninguna guardada para ese día.',
  'error.CLIENT_LEFT': 'La petición se detuvo antes de terminar. Inténtelo de nuevo.',
  'error.INVALID_API_KEY':
    'Cal.com no aceptó esta clave de API. Compruebe que está entera y sigue activa en Cal.com.',
  'error.OAUTH_NOT_CONFIGURED':
    'Este mostrador no está preparado para entrar en Cal.com desde el navegador. Conéctelo con una clave de API.',
  'error.OAUTH_PORT_BUSY':
    'Otro programa usa el puerto que necesita el inicio de sesión de Cal.com. Ciérrelo o conéctese con una clave de API.',
  'error.CALCOM_REFUSED': 'Cal.com lo rechazó. Su respuesta: {message}',
  'error.CALCOM_UNAVAILABLE':
    'Ahora no se puede llegar a Cal.com. Inténtelo de nuevo en un momento.',
  'error.CREDENTIAL_STORE_UNAVAILABLE':
    'Este equipo no pudo guardar de forma segura el acceso a Cal.com, así que el mostrador no se conectó.',
  'error.SIGN_IN_REQUIRED': 'Primero inicie sesión con su PIN.',
  'error.FORBIDDEN':
    'Su rol no permite hacer esto. Pídaselo a un propietario o a un administrador.',
  'error.PIN_WRONG': 'Ese PIN no es correcto.',
  'error.PIN_LOCKED': 'Demasiados PIN incorrectos. Espere cinco minutos y vuelva a intentarlo.',
  'error.NOT_ENROLLED':
    'Conecte primero esta sucursal a Cal.com: el negocio se guarda en línea, a través del relé.',
  'error.BUSINESS_EXISTS': 'Esta sucursal ya pertenece a un negocio.',
  'error.JOIN_CODE_INVALID':
    'Este código no sirve: puede estar mal escrito, haberse usado ya o tener más de 24 horas. Pida uno nuevo al propietario.',
  'error.PIN_REFUSED': 'No se aceptó su PIN. Escriba su propio PIN, el que usa para entrar.',
  'error.RELAY_REFUSED':
    'No se hizo el cambio: alguien cambió el equipo mientras tanto. Revise el equipo e inténtelo de nuevo.',
  'error.RELAY_UNAVAILABLE':
    'No se puede llegar al servicio en línea, así que no cambió nada. Compruebe la conexión a internet e inténtelo de nuevo.',
  'error.RELAY_NOT_UNDERSTOOD':
    'El servicio en línea respondió algo que este mostrador no entiende, así que el mostrador no guardó nada de ello. Puede que el cambio se hiciera allí: compruébelo antes de volver a intentarlo. Si continúa, puede hacer falta actualizar Frontdesk o el servicio en línea.',
  'error.BRANCH_EXISTS': 'Esta aplicación ya tiene una sucursal con ese nombre corto. Elija otro.',
  'error.BRANCH_UNAVAILABLE':
    'Esa sucursal no responde ahora. Espere un momento, o reinicie Frontdesk si sigue así.',
  'startup.title': 'Frontdesk no puede arrancar',
  'startup.noToken':
    'Esta página no tiene token de sesión: abra la dirección completa que mostró el mostrador al arrancar (termina en ?token=…).',
  'startup.noBridge': 'El mostrador no ha dado a esta ventana su dirección de API ni su token.',
  'startup.badUrl': 'El mostrador ha dado una dirección de API que no es una URL: {address}',
}
