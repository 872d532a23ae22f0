import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'syncHealth.title': 'Estado de la sincronización',
  'syncHealth.intro':
    'Si este mostrador oye a Cal.com, lo al día que está su copia y qué falló últimamente.',
  'syncHealth.notAllowed':
    'Solo el propietario y los administradores ven el estado de la sincronización.',
  'syncHealth.summary': 'De un vistazo',
  'syncHealth.calcom': 'Cal.com',
  'syncHealth.calcom.connected': 'Conectado',
  'syncHealth.calcom.disconnected': 'Sin conectar',
  'syncHealth.calcom.reconnectNeeded': 'Hay que volver a conectar',
  'syncHealth.since': 'desde {when}',
  'syncHealth.calcom.unreachable':
    'Pero ahora no responde: los cambios hechos aquí esperan y se envían cuando responda.',
  'syncHealth.calcom.fix': 'Conecte la sucursal en Ajustes.',
  'syncHealth.relay': 'Relé (trae las novedades de Cal.com)',
  'syncHealth.relay.none': 'Este mostrador funciona sin relé: consulta Cal.com cada 5 minutos.',
  'syncHealth.relay.online': 'Accesible',
  'syncHealth.relay.offline': 'Fuera de alcance',
  'syncHealth.relay.starting': 'Conectando…',
  'syncHealth.relay.off': 'Apagado (la sucursal no está conectada)',
  'syncHealth.relay.retry': 'se reintenta en {seconds, plural, one {# segundo} other {# segundos}}',
  'syncHealth.relay.lag':
    'La última novedad llegó {seconds, plural, one {# segundo} other {# segundos}} después de que Cal.com la enviara',
  'syncHealth.lastEvent': 'Última novedad de Cal.com',
  'syncHealth.lastEvent.none': 'Ninguna desde que arrancó el mostrador.',
  'syncHealth.lastEvent.what': '{what} el {when}',
  'syncHealth.lastReconcile': 'Última comprobación completa con Cal.com',
  'syncHealth.lastReconcile.none': 'Todavía no.',
  'syncHealth.lastReconcile.ok':
    '{when}: {fetched, plural, one {leída # reserva} other {leídas # reservas}}, {changed, plural, =0 {nada que corregir} one {# corregida} other {# corregidas}}',
  'syncHealth.lastReconcile.failed': '{when}: falló ({error})',
  'syncHealth.checkNow': 'Comprobar con Cal.com ahora',
  'syncHealth.checking': 'Comprobando…',
  'syncHealth.queue': 'Cambios hechos aquí',
  'syncHealth.queue.waiting':
    '{count, plural, one {# cambio espera} other {# cambios esperan}} para llegar a Cal.com',
  'syncHealth.queue.attention':
    '{count, plural, one {# cambio rechazado} other {# cambios rechazados}} por Cal.com: vea Requieren atención',
  'syncHealth.queue.held':
    '{count, plural, one {# reserva espera} other {# reservas esperan}} a esos cambios antes de aplicar las novedades de Cal.com',
  'syncHealth.problems': 'Problemas recientes',
  'syncHealth.problems.none': 'Ningún problema desde que arrancó el mostrador.',
  'syncHealth.problems.refused':
    '{count, plural, one {Cal.com rechazó # cambio hecho aquí; requiere atención} other {Cal.com rechazó # cambios hechos aquí; requieren atención}}',
  'syncHealth.problems.refused.todo': 'Abrir Requieren atención para reintentar o descartar',
  'syncHealth.problems.ringNote':
    'Los últimos 20 desde que arrancó el mostrador, y cada cambio que el relé rechazó hasta que se vuelva a hacer.',
  'syncHealth.problem.RELAY_UNREACHABLE': 'No se pudo llegar al relé.',
  'syncHealth.problem.RELAY_UNREACHABLE.todo':
    'Revise la conexión a internet de este ordenador. El mostrador sigue intentándolo solo y mientras tanto consulta Cal.com directamente.',
  'syncHealth.problem.RELAY_REFUSED': 'El relé rechazó este mostrador.',
  'syncHealth.problem.RELAY_REFUSED.todo':
    'Si continúa, desconecte y vuelva a conectar la sucursal en Ajustes.',
  'syncHealth.problem.RELAY_NOT_UNDERSTOOD':
    'El relé respondió algo que este mostrador no entiende.',
  'syncHealth.problem.RELAY_NOT_UNDERSTOOD.todo':
    'No se guardó nada de ello y el mostrador lo vuelve a intentar solo. Si continúa, puede hacer falta actualizar Frontdesk o el relé.',
  'syncHealth.problem.RELAY_RESYNC':
    'El mostrador estuvo fuera demasiado tiempo para ponerse al día desde el relé.',
  'syncHealth.problem.RELAY_RESYNC.todo':
    'No hay que hacer nada: lee todas las reservas de Cal.com en su lugar.',
  'syncHealth.problem.CALCOM_SIGN_IN': 'Cal.com ya no acepta el acceso de este mostrador.',
  'syncHealth.problem.CALCOM_SIGN_IN.todo': 'Vuelva a conectar la sucursal en Ajustes.',
  'syncHealth.problem.CALCOM_UNREACHABLE': 'No se pudo llegar a Cal.com.',
  'syncHealth.problem.CALCOM_UNREACHABLE.todo':
    'Revise la conexión a internet de este ordenador. Los cambios hechos aquí esperan y se envían cuando vuelva.',
  'syncHealth.problem.CALCOM_BUSY': 'Cal.com estaba ocupado o falló.',
  'syncHealth.problem.CALCOM_BUSY.todo':
    'No hay que hacer nada: el mostrador lo vuelve a intentar solo.',
  'syncHealth.problem.CALCOM_REFUSED': 'Cal.com rechazó una petición.',
  'syncHealth.problem.CALCOM_REFUSED.todo':
    'Si se rechazó un cambio suyo, está en Requieren atención.',
  'syncHealth.problem.NOT_CONNECTED': 'La sucursal no está conectada a Cal.com.',
  'syncHealth.problem.NOT_CONNECTED.todo': 'Conecte la sucursal en Ajustes.',
  'syncHealth.problem.UNKNOWN_CALCOM_NEWS': 'Cal.com envió algo que este mostrador no conoce.',
  'syncHealth.problem.UNKNOWN_CALCOM_NEWS.todo':
    'La reserva se dejó como estaba. Si se repite, puede hacer falta actualizar Frontdesk.',
  'syncHealth.problem.WEBHOOK_REENABLED':
    'Cal.com había desactivado los avisos que envía a esta sucursal; este mostrador los volvió a activar.',
  'syncHealth.problem.WEBHOOK_REENABLED.todo':
    'No hay que hacer nada: el mostrador leyó lo que cambió entretanto y se avisó al propietario. Si se repite, compruebe que el relé sea accesible desde internet.',
  'syncHealth.problem.WEBHOOK_OFF':
    'Cal.com ha desactivado los avisos que envía a esta sucursal y este mostrador no pudo volver a activarlos.',
  'syncHealth.problem.WEBHOOK_OFF.todo':
    'En Ajustes, desconecte la sucursal y vuelva a conectarla. Hasta entonces, los cambios hechos en Cal.com aparecen solo cada pocos minutos.',
  'syncHealth.problem.WEBHOOK_GONE':
    'Los avisos que Cal.com envía a esta sucursal se borraron en Cal.com.',
  'syncHealth.problem.WEBHOOK_GONE.todo':
    'En Ajustes, desconecte la sucursal y vuelva a conectarla. Hasta entonces, los cambios hechos en Cal.com aparecen solo cada pocos minutos.',
  'syncHealth.problem.DESK_EVENT_REFUSED':
    'El relé rechazó un cambio hecho en este mostrador (un estado de visita, una nota o una alerta): los demás mostradores de la sucursal no lo muestran.',
  'syncHealth.problem.DESK_EVENT_REFUSED.todo':
    'Vuelva a hacer el cambio en este mostrador; si se rechaza otra vez, actualice Frontdesk aquí y avise a quien se ocupa del relé.',
  'syncHealth.problem.DESK_STATE_UNAVAILABLE':
    'El relé es demasiado antiguo para devolver los estados de visita, notas, alertas y llegadas sin cita previa que este mostrador se perdió mientras estuvo fuera.',
  'syncHealth.problem.DESK_STATE_UNAVAILABLE.todo':
    'Pida a quien se ocupa del relé que lo actualice; mientras tanto, compruébelos con los demás mostradores de la sucursal.',
  'syncHealth.problem.DESK_EVENT_UNREADABLE':
    'Otro mostrador de la sucursal compartió un cambio (un estado de visita, una nota o una alerta) que este mostrador no pudo leer.',
  'syncHealth.problem.DESK_EVENT_UNREADABLE.todo':
    'Puede que el otro mostrador tenga un Frontdesk más nuevo: actualice Frontdesk aquí. Mientras tanto, compruebe ese cambio en el otro mostrador.',
  'syncHealth.problem.REFERENCE_ACCOUNT_MISMATCH':
    'Cal.com respondió con otra cuenta, no con la de esta sucursal, así que no se actualizaron sus servicios, su personal ni sus horarios.',
  'syncHealth.problem.REFERENCE_ACCOUNT_MISMATCH.todo':
    'Si esta sucursal reserva ahora con otra cuenta de Cal.com, desconéctela en Ajustes y conéctela con esa cuenta. Mientras tanto, el mostrador conserva los servicios, el personal y los horarios que tenía.',
  'syncHealth.problem.REFERENCE_NOT_APPLIED':
    'Los servicios, el personal y los horarios leídos de Cal.com no se pudieron guardar en este mostrador.',
  'syncHealth.problem.REFERENCE_NOT_APPLIED.todo':
    'No se cambió nada y el mostrador lo vuelve a intentar en la próxima sincronización. Si se repite, compruebe que el disco de este ordenador no esté lleno y avise a quien se ocupa de este mostrador.',
  'syncHealth.problem.OTHER': 'Algo falló al sincronizar.',
  'syncHealth.problem.OTHER.todo': 'Si se repite, avise a quien se ocupa de este mostrador.',
  'syncHealth.problem.times': '({count} veces seguidas; se muestra la última)',
  'syncHealth.problem.details': 'Detalles: {code} — {message}',
  'syncHealth.filters': 'Filtrar {log}',
  'syncHealth.filter.result': 'Resultado',
  'syncHealth.filter.kind': 'Tipo',
  'syncHealth.filter.text': 'Contiene',
  'syncHealth.filter.all': 'Todos',
  'syncHealth.col.time': 'Hora',
  'syncHealth.col.what': 'Qué',
  'syncHealth.col.result': 'Resultado',
  'syncHealth.col.details': 'Detalles',
  'syncHealth.noRows': 'Nada coincide.',
  'syncHealth.apiLog': 'Llamadas a Cal.com',
  'syncHealth.apiLog.note':
    'Las últimas {count} llamadas de este mostrador. Las direcciones nunca llevan claves ni datos de clientes.',
  'syncHealth.apiLog.ok': 'Respondida',
  'syncHealth.apiLog.failed': 'Fallida',
  'syncHealth.apiLog.status': 'código {status}',
  'syncHealth.apiLog.noAnswer': 'sin respuesta',
  'syncHealth.apiLog.ms': '{ms} ms',
  'syncHealth.events': 'Novedades de Cal.com y comprobaciones',
  'syncHealth.events.note':
    'Desde que arrancó el mostrador ({since}); se guardan como mucho las últimas {capacity}.',
  'syncHealth.events.webhook': 'Novedad',
  'syncHealth.events.reconcile': 'Comprobación completa',
  'syncHealth.events.changed': 'Reservas cambiadas',
  'syncHealth.events.unchanged': 'Nada nuevo',
  'syncHealth.events.failed': 'Fallida',
  'syncHealth.events.bookings': '{count, plural, one {# reserva} other {# reservas}}',
  'syncHealth.events.healed':
    '{fetched, plural, one {leída # reserva} other {leídas # reservas}}, corregidas {changed}',
  'syncHealth.trigger.BOOKING_CREATED': 'Reserva hecha',
  'syncHealth.trigger.BOOKING_RESCHEDULED': 'Reserva movida',
  'syncHealth.trigger.BOOKING_CANCELLED': 'Reserva cancelada',
  'syncHealth.trigger.BOOKING_REQUESTED': 'Reserva pendiente de confirmar',
  'syncHealth.trigger.BOOKING_REJECTED': 'Reserva rechazada',
  'syncHealth.trigger.BOOKING_PAID': 'Reserva pagada',
  'syncHealth.trigger.BOOKING_NO_SHOW_UPDATED': 'No presentado marcado',
  'syncHealth.trigger.MEETING_ENDED': 'Cita terminada',
  'syncHealth.trigger.FRONTDESK_BUSINESS_CHANGED': 'Cambio en el equipo',
  'syncHealth.trigger.FRONTDESK_DESK_EVENT': 'Un mostrador de la sucursal compartió un cambio',
  'syncHealth.trigger.other': 'Cal.com: {trigger}',
  'syncHealth.reconcileTrigger.start': 'Al arrancar el mostrador',
  'syncHealth.reconcileTrigger.connect': 'Al conectar',
  'syncHealth.reconcileTrigger.enrolled': 'Cuando respondió el relé',
  'syncHealth.reconcileTrigger.interval': 'Cada 5 minutos',
  'syncHealth.reconcileTrigger.demand': 'Pedida aquí',
  'syncHealth.reconcileTrigger.resync': 'Tras una larga ausencia',
  'syncHealth.reconcileTrigger.other': 'Comprobación ({trigger})',
}
