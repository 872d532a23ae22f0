import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'attention.title': 'Requieren atención',
  'attention.empty': 'Nada requiere atención.',
  'attention.intro':
    'Cal.com rechazó estos cambios. Se guardan aquí hasta que los vuelva a enviar, a otra hora si la suya ya no está libre, o los descarte.',
  'attention.retried': 'Enviado de nuevo: {what}. Pendiente de sincronizar.',
  'attention.anotherTimeSent': 'Enviado de nuevo para {when}: {what}. Pendiente de sincronizar.',
  'attention.discarded': 'Descartado: {what}.',
  'attention.retry': 'Enviar de nuevo',
  'attention.anotherTime': 'Elegir otra hora',
  'attention.anotherTimeTitle': 'Otra hora para {client}',
  'attention.anotherTimeSubmit':
    '{op, select, create {Reservar a las {time}} other {Mover a las {time}}}',
  'attention.discard': 'Descartar',
  'attention.discardTitle': '¿Descartar este cambio?',
  'attention.discardBody':
    'No se enviará a Cal.com, y el mostrador vuelve a como estaba antes del cambio.',
  'attention.discardConfirm': 'Sí, descartar',
  'attention.discardKeep': 'Conservarlo',
  'attention.tries':
    '{count, plural, one {Enviado a Cal.com una vez} other {Enviado a Cal.com # veces}}',
  'attention.reason.slotTaken': 'Otra persona reservó esta hora en Cal.com antes.',
  'attention.reason.past': 'La hora ya había pasado cuando el cambio llegó a Cal.com.',
  'attention.reason.alreadyCancelled': 'Cal.com ya había cancelado esta cita.',
  'attention.reason.notPending': 'Esta cita ya no esperaba confirmación.',
  'attention.reason.notFound': 'Cal.com ya no tiene esta cita.',
  'attention.reason.forbidden': 'Cal.com no permite a esta cuenta hacer este cambio.',
  'attention.reason.other': 'Cal.com respondió: «{message}»',
  'attention.reason.unknown': 'Cal.com rechazó este cambio sin decir por qué.',
  'attention.reason.unavailable':
    'No se pudo contactar con Cal.com; el mostrador lo volverá a intentar.',
  'attention.reason.auth':
    'Cal.com ya no acepta la conexión de esta sucursal; vuelva a conectarla.',
  'attention.reason.interrupted':
    'El mostrador se detuvo mientras enviaba este cambio; lo comprobará con Cal.com antes de volver a enviarlo.',
  'attention.op.create': 'Nueva cita',
  'attention.op.reschedule': 'Cambio de hora',
  'attention.op.cancel': 'Cancelación',
  'attention.op.confirm': 'Confirmación',
  'attention.op.decline': 'Rechazo',
  'attention.op.markAbsent': 'No se presentó',
  'attention.op.other': 'Cambio «{op}»',
  'lists.openAppointment': 'Abrir la cita: {client}, {service}, {when}',
  'pending.title': 'Pendientes de confirmar',
  'pending.empty': 'Ninguna cita espera confirmación.',
  'pending.confirmed': 'Cita de {name} confirmada.',
  'pending.declined': 'Cita de {name} rechazada.',
  'pending.confirm': 'Confirmar',
  'pending.decline': 'Rechazar',
  'pending.declineTitle': '¿Rechazar la cita de {name}?',
  'pending.declineReason': 'Motivo (Cal.com se lo dirá al cliente)',
  'pending.declineConfirm': 'Rechazar cita',
  'pending.declineKeep': 'Conservarla',
  'pending.waitingSync': 'Pendiente de sincronizar',
}
