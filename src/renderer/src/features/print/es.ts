import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'print.title': 'Hoja del día {date}',
  'print.toolbar': 'Impresión',
  'print.back': 'Volver al día',
  'print.paper': 'Papel',
  'print.paper.A4': 'A4',
  'print.paper.Letter': 'Carta',
  'print.print': 'Imprimir',
  'print.printing': 'Imprimiendo…',
  'print.failed': 'No se pudo imprimir la hoja del día: {message}',
  'print.hint': 'El día de cada profesional se imprime en su propia página.',
  'print.loading': 'Cargando el día…',
  'print.unassigned': 'Sin profesional',
  'print.sheetOf': '{branch} · {date}',
  'print.count': '{count, plural, =0 {Sin citas} one {# cita} other {# citas}}',
  'print.col.time': 'Hora',
  'print.col.client': 'Cliente',
  'print.col.service': 'Servicio',
  'print.col.notes': 'Notas y avisos',
  'print.walkIn': 'Sin cita',
  'print.pending': 'Aún sin confirmar',
  'print.noShow': 'No se presentó',
  'print.completed': 'Atendida',
  'print.unsynced': 'Aún no está en Cal.com',
  'print.printedAt': 'Impreso {when}',
}
