import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'settings.title': 'Ajustes',
  'settings.language': 'Idioma',
  'settings.language.system': 'Como el ordenador ({language})',
  'settings.language.en': 'English',
  'settings.language.es': 'Español',
  'connect.connectedAs': 'Conectado a Cal.com{name, select, none {} other { como {name}}}',
  'connect.disconnect': 'Desconectar',
  'connect.disconnectQuestion':
    '¿Desconectar de Cal.com? La sincronización se detiene; las citas se quedan en este mostrador.',
  'connect.disconnecting': 'Desconectando…',
  'connect.disconnectConfirm': 'Sí, desconectar',
  'connect.stayConnected': 'Seguir conectado',
  'connect.reconnectNeeded':
    'Hay que volver a conectar: Cal.com ya no acepta el inicio de sesión de este mostrador',
  'connect.notConnected': 'No conectado a Cal.com',
  'connect.waiting': 'Esperando a que permita el acceso de Frontdesk en Cal.com…',
  'connect.openAgain': 'Abrir de nuevo el inicio de sesión de Cal.com',
  'connect.cancel': 'Cancelar',
  'connect.opening': 'Abriendo Cal.com…',
  'connect.reconnect': 'Volver a conectar',
  'connect.connect': 'Conectar',
  'connect.useApiKey': 'Usar una clave de API',
  'connect.apiKey': 'Clave de API de Cal.com',
  'connect.apiKeyWhere': 'Cal.com › Settings › Developer › API keys',
  'connect.checkingKey': 'Comprobando la clave…',
  'connect.withKey': 'Conectar con esta clave',
  'connect.back': 'Atrás',
}
