import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'booking.new': 'Nueva cita',
  'booking.newKey': 'Nueva cita (N)',
  'booking.title': 'Nueva cita',
  'booking.kind': 'Tipo de cita',
  'booking.walkIn': 'Sin cita previa',
  'booking.phone': 'Cita por teléfono',
  'booking.service': 'Servicio',
  'booking.servicePlaceholder': 'Elija un servicio',
  'booking.staff': 'Con',
  'booking.anyone': 'Quien esté libre',
  'booking.date': 'Día',
  'booking.slots': 'Horas libres',
  'booking.slotsLoading': 'Pidiendo a Cal.com las horas libres…',
  'booking.noSlots': 'No hay horas libres este día.',
  'booking.memberSlotsUnavailable':
    'Ahora no se pueden leer de Cal.com las horas libres de {name}, y este mostrador no tiene ninguna suya guardada para ese día.',
  'booking.memberSlotsUnavailable.anyone':
    'Ahora no se pueden leer de Cal.com las horas libres de {name}, y este mostrador no tiene ninguna suya guardada para ese día. «Quien esté libre» sí tiene horas: elíjalo para ver quién está libre.',
  'booking.showAnyone': 'Ver «Quien esté libre»',
  'booking.stale':
    'Sin conexión: estas horas son la última respuesta de Cal.com, de hace {hours, plural, =0 {{minutes, plural, one {# minuto} other {# minutos}}} one {# hora} other {# horas}}. Puede que alguna ya no esté libre: Cal.com tiene la última palabra cuando le llegue la cita.',
  'booking.nextFree': 'Próxima hora libre: {time}',
  'booking.nextFreeIn':
    'Próxima hora libre: {time} ({hours, plural, =0 {dentro de {minutes} min} other {{minutes, plural, =0 {dentro de {hours} h} other {dentro de {hours} h {minutes} min}}}})',
  'booking.noneFreeToday': 'Nadie está libre para este servicio en lo que queda de hoy.',
  'booking.needsNoticeMinutes':
    'necesita {minutes, plural, one {# minuto} other {# minutos}} de antelación',
  'booking.needsNoticeHours':
    'necesita {hours, plural, one {# hora} other {# horas}} de antelación',
  'booking.needsNoticeDays': 'necesita {days, plural, one {# día} other {# días}} de antelación',
  'booking.noServices':
    'Esta sucursal aún no tiene servicios para reservar. Vienen de su cuenta de Cal.com: en Ajustes verá si está conectada.',
  'booking.noWalkInService':
    'Hoy no se puede reservar ningún servicio sin cita previa: todos necesitan más antelación. Haga una reserva telefónica.',
  'booking.client': 'Nombre del cliente',
  'booking.clientHint': 'Escriba para buscar un cliente anterior, o un nombre nuevo.',
  'booking.clientTypeMore': 'Escriba dos letras para buscar un cliente anterior.',
  'booking.clientSearching': 'Buscando clientes anteriores…',
  'booking.clientNoMatch': 'Ningún cliente anterior con ese nombre: se añadirá como cliente nuevo.',
  'booking.phoneNumber': 'Teléfono',
  'booking.email': 'Correo electrónico',
  'booking.notes': 'Notas',
  'booking.submit': 'Reservar',
  'booking.submitting': 'Reservando…',
  'booking.cancel': 'Cerrar',
  'booking.pickSlot': 'Elija una hora libre.',
  'booking.noWalkInTime':
    'Ahora no hay nadie libre para este servicio. Elija otro servicio u otra persona, o haga una reserva telefónica para más tarde.',
  'booking.needName': 'Escriba el nombre del cliente.',
  'booking.booked': '{name} reservado a las {time}.',
  'booking.bookedOffline': '{name} reservado a las {time}. Pendiente de sincronizar con Cal.com.',
  'error.SLOT_UNAVAILABLE':
    'Cal.com ya no tiene libre esta hora: otra persona la ha reservado. Elija otra hora.',
  'error.DUPLICATE_BOOKING': 'Este cliente ya tiene esta cita a esta hora.',
}
