import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'overview.nav': 'Todas las sucursales',
  'overview.notAllowed': 'Solo el propietario y los administradores ven todas las sucursales.',
  'overview.title': 'Todas las sucursales',
  'overview.range': 'Periodo',
  'overview.today': 'Hoy',
  'overview.week': 'Esta semana',
  'overview.caption.today': 'Hoy en cada sucursal, según su propia hora, y el total del negocio.',
  'overview.caption.week':
    'Esta semana (de lunes a domingo) en cada sucursal, según su propia hora, y el total del negocio.',
  'overview.col.branch': 'Sucursal',
  'overview.col.appointments': 'Citas',
  'overview.col.arrivals': 'Llegadas',
  'overview.col.noShows': 'No presentados',
  'overview.col.lateCancellations': 'Cancelaciones tardías',
  'overview.col.pending': 'Por confirmar',
  'overview.col.revenue': 'Ingresos cobrados',
  'overview.col.utilisation': 'Ocupación del personal',
  'overview.total': 'Todas las sucursales',
  'overview.statusCount': '{status}: {count}',
  'overview.hours': '{booked} de {scheduled} h reservadas',
  'overview.noSchedule': 'Sin horas programadas',
  'overview.openDay': 'Abrir el día de {branch}',
  'overview.fresh.synced':
    '{minutes, plural, =0 {Al día} one {Datos de hace # minuto} other {Datos de hace # minutos}}',
  'overview.fresh.offline':
    '{minutes, plural, =0 {Sin conexión: datos de hace un momento} one {Sin conexión: datos de hace # minuto} other {Sin conexión: datos de hace # minutos}}',
  'overview.fresh.offlineNever': 'Sin conexión: nunca sincronizada',
  'overview.fresh.never': 'Aún sin sincronizar con Cal.com',
}
