// The audit log's action codes in words, one message per code of shared/api/audit-actions.ts.
// Typed by the code union, so a new code without words fails typecheck; Spanish mirrors it in
// es.ts through CatalogOf. Arguments ({state}, {reason}, {change}, …) come from audit-words.ts.
import type { AuditAction } from '../../../../shared/api/audit-actions'

export type AuditActionKey = `audit.action.${AuditAction}`

export const auditActionEn: Record<AuditActionKey, string> = {
  'audit.action.appointment.book':
    'Booked {walkIn, select, yes {a walk-in} other {an appointment}}',
  'audit.action.appointment.visit':
    '{state, select, ARRIVED {Checked a client in} IN_SERVICE {Started a service} DONE {Marked a visit done} NONE {Cleared a visit’s arrival} other {Changed the desk notes}}',
  'audit.action.appointment.reschedule': 'Rescheduled an appointment',
  'audit.action.appointment.cancel': 'Cancelled an appointment',
  'audit.action.appointment.confirm': 'Confirmed a booking request',
  'audit.action.appointment.decline': 'Declined a booking request',
  'audit.action.appointment.mark_absent': 'Changed a no-show mark',
  'audit.action.outbox.retry': 'Sent a refused change to Cal.com again',
  'audit.action.outbox.discard': 'Discarded a change Cal.com refused',
  'audit.action.outbox.anotherTime': 'Chose another time for a change Cal.com refused',
  'audit.action.branch.connect': 'Connected the branch to Cal.com',
  'audit.action.branch.connect_failed': 'Tried to connect the branch to Cal.com, without success',
  'audit.action.branch.disconnect': 'Disconnected the branch from Cal.com',
  'audit.action.branch.reconnect_needed': 'Cal.com stopped accepting this desk’s sign-in',
  'audit.action.session.signIn': 'Signed in',
  'audit.action.session.signOut':
    '{reason, select, idle {Was signed out after being idle} os_lock {Was signed out when the computer locked} removed {Was signed out: no longer allowed at this desk} switch {Was signed out when someone else signed in} other {Signed out}}',
  'audit.action.session.locked': 'Was locked at this desk after five wrong PINs',
  'audit.action.settings.idleSignOutMinutes':
    'Set the idle sign-out to {minutes, plural, one {# minute} other {# minutes}}',
  'audit.action.settings.computer':
    '{startAtLogin, select, true {Set Frontdesk to start when this computer starts} other {Set Frontdesk not to start with this computer}}',
  'audit.action.cancellationPolicy.set':
    'Set the cancellation policy of a service ({windowHours, plural, one {# hour} other {# hours}} ahead)',
  'audit.action.cancellationPolicy.remove': 'Removed the cancellation policy of a service',
  'audit.action.notifications.rules': 'Changed who is notified of what',
  'audit.action.notifications.propose':
    'Proposed a change to who is notified of what, for the owner to approve',
  'audit.action.notifications.approve': 'Approved a proposed change to the notifications',
  'audit.action.notifications.reject': 'Rejected a proposed change to the notifications',
  'audit.action.notifications.desktop':
    '{enabled, select, true {Turned on notifications on this computer} other {Turned off notifications on this computer}}',
  'audit.action.business.create': 'Set up the business',
  'audit.action.business.join': 'Joined this branch to the business with a code',
  'audit.action.business.joinCode': 'Made a join code for another branch',
  'audit.action.business.renameBranch': 'Named a branch “{name}”',
  'audit.action.people.add': 'Added {subject} to the team',
  'audit.action.people.change':
    '{change, select, pin {Reset the PIN of {subject}} deactivate {Deactivated {subject}} reactivate {Reactivated {subject}} other {Changed the details of {subject}}}',
}

export const auditActionEs: Record<AuditActionKey, string> = {
  'audit.action.appointment.book':
    'Reservó {walkIn, select, yes {un cliente sin cita previa} other {una cita}}',
  'audit.action.appointment.visit':
    '{state, select, ARRIVED {Registró la llegada de un cliente} IN_SERVICE {Empezó un servicio} DONE {Dio por terminada una visita} NONE {Quitó la llegada de una visita} other {Cambió las notas del mostrador}}',
  'audit.action.appointment.reschedule': 'Cambió la hora de una cita',
  'audit.action.appointment.cancel': 'Canceló una cita',
  'audit.action.appointment.confirm': 'Confirmó una solicitud de reserva',
  'audit.action.appointment.decline': 'Rechazó una solicitud de reserva',
  'audit.action.appointment.mark_absent': 'Cambió una marca de no presentado',
  'audit.action.outbox.retry': 'Volvió a enviar a Cal.com un cambio rechazado',
  'audit.action.outbox.discard': 'Descartó un cambio que Cal.com rechazó',
  'audit.action.outbox.anotherTime': 'Eligió otra hora para un cambio que Cal.com rechazó',
  'audit.action.branch.connect': 'Conectó la sucursal a Cal.com',
  'audit.action.branch.connect_failed': 'Intentó conectar la sucursal a Cal.com, sin éxito',
  'audit.action.branch.disconnect': 'Desconectó la sucursal de Cal.com',
  'audit.action.branch.reconnect_needed': 'Cal.com dejó de aceptar el acceso de este mostrador',
  'audit.action.session.signIn': 'Inició sesión',
  'audit.action.session.signOut':
    '{reason, select, idle {Se cerró su sesión por inactividad} os_lock {Se cerró su sesión al bloquearse el equipo} removed {Se cerró su sesión: ya no tiene acceso a este mostrador} switch {Se cerró su sesión al entrar otra persona} other {Cerró sesión}}',
  'audit.action.session.locked': 'Quedó bloqueado en este mostrador tras cinco PIN incorrectos',
  'audit.action.settings.idleSignOutMinutes':
    'Fijó el cierre de sesión por inactividad en {minutes, plural, one {# minuto} other {# minutos}}',
  'audit.action.settings.computer':
    '{startAtLogin, select, true {Hizo que Frontdesk se abra al encender este equipo} other {Hizo que Frontdesk no se abra al encender este equipo}}',
  'audit.action.cancellationPolicy.set':
    'Fijó la política de cancelación de un servicio ({windowHours, plural, one {# hora} other {# horas}} antes)',
  'audit.action.cancellationPolicy.remove': 'Quitó la política de cancelación de un servicio',
  'audit.action.notifications.rules': 'Cambió quién recibe avisos de qué',
  'audit.action.notifications.propose':
    'Propuso un cambio de quién recibe avisos de qué, para que lo apruebe el propietario',
  'audit.action.notifications.approve': 'Aprobó un cambio propuesto de los avisos',
  'audit.action.notifications.reject': 'Rechazó un cambio propuesto de los avisos',
  'audit.action.notifications.desktop':
    '{enabled, select, true {Activó los avisos en este equipo} other {Desactivó los avisos en este equipo}}',
  'audit.action.business.create': 'Configuró el negocio',
  'audit.action.business.join': 'Unió esta sucursal al negocio con un código',
  'audit.action.business.joinCode': 'Creó un código para unir otra sucursal',
  'audit.action.business.renameBranch': 'Llamó «{name}» a una sucursal',
  'audit.action.people.add': 'Añadió a {subject} al equipo',
  'audit.action.people.change':
    '{change, select, pin {Cambió el PIN de {subject}} deactivate {Desactivó a {subject}} reactivate {Reactivó a {subject}} other {Cambió los datos de {subject}}}',
}
