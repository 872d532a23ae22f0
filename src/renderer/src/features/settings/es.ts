import type { CatalogOf } from '../../app/i18n/catalog'
import type { ConnectProblemKey } from './connect/connect-problem-words'
import type { en } from './en'

const problemsEs: Record<ConnectProblemKey, string> = {
  'connect.problem.API_KEY_EMPTY': 'Pega primero la clave de API de Cal.com.',
  'connect.problem.API_KEY_HAS_SPACES':
    'Una clave de API no tiene espacios: péguela de nuevo, tal como la muestra Cal.com.',
  'connect.problem.API_KEY_NOT_CALCOM':
    'Esto no es una clave de API de Cal.com: empiezan por cal_ (Cal.com › Settings › Developer › API keys).',
  'connect.problem.API_KEY_TOO_LONG': 'Una clave de API tiene como mucho 512 caracteres.',
  'connect.problem.API_KEY_TOO_SHORT':
    'Esta clave de API es demasiado corta: pega la clave entera.',
  'connect.problem.SIGN_IN_DENIED':
    'No se permitió el acceso en Cal.com, así que Frontdesk no está conectado. Pulse Conectar para intentarlo de nuevo.',
  'connect.problem.SIGN_IN_INCOMPLETE':
    'Cal.com no completó el inicio de sesión. Pulse Conectar para empezar de nuevo.',
  'connect.problem.SIGN_IN_TIMED_OUT':
    'El inicio de sesión tardó más de 5 minutos y se detuvo. Pulse Conectar para empezar de nuevo.',
  'connect.problem.SIGN_IN_CANCELLED': 'Se canceló el inicio de sesión.',
  'connect.problem.BROWSER_DID_NOT_OPEN':
    'El navegador no se abrió. Use el enlace «Abrir de nuevo el inicio de sesión de Cal.com» para abrirlo usted.',
}

export const es: CatalogOf<typeof en> = {
  ...problemsEs,
  'connect.problem.other': 'No se pudo conectar ({code}). Inténtelo de nuevo.',
  'settings.title': 'Ajustes',
  'settings.connection': 'Conexión con Cal.com',
  'settings.connection.intro':
    'Las reservas de esta sucursal vienen de Cal.com. Al desconectar, las citas se quedan en este mostrador.',
  'settings.connection.onlyAdmins':
    'Solo el propietario y los administradores pueden conectar o desconectar.',
  'settings.relay': 'Relé (trae las novedades de Cal.com)',
  'settings.relay.intro':
    'Trae a este mostrador las novedades de Cal.com (reservas nuevas, cambios, cancelaciones) al momento.',
  'settings.relay.none': 'Sin configurar: este mostrador consulta Cal.com cada 5 minutos.',
  'settings.relay.connected': 'Conectado al relé ({host})',
  'settings.relay.connecting': 'Conectando con el relé ({host})…',
  'settings.relay.unreachable':
    'No se puede contactar con el relé ({host}): el mostrador sigue intentándolo',
  'settings.relay.unreachableSince':
    'No se puede contactar con el relé ({host}) desde {day, select, today {las {time}} other {el {day}, a las {time}}}: el mostrador sigue intentándolo',
  'settings.relay.off': 'Apagado hasta que la sucursal esté conectada a Cal.com ({host})',
  'settings.relay.details': 'Detalles técnicos',
  'settings.relay.address': 'Dirección',
  'settings.relay.health': 'Ver el estado de la sincronización',
  'settings.app': 'Esta aplicación',
  'settings.app.version': 'Versión',
  'settings.app.updates': 'Actualizaciones',
  'settings.updates.browser':
    'El mostrador sirve esta página; las actualizaciones llegan con la aplicación Frontdesk instalada.',
  'settings.updates.notPackaged':
    'Esta copia no se instaló con un instalador: sin actualizaciones.',
  'settings.updates.checking': 'Buscando actualizaciones…',
  'settings.updates.upToDate': 'Al día',
  'settings.updates.downloading': 'Descargando la versión {version}…',
  'settings.updates.ready':
    'La versión {version} está lista: se instala cuando Frontdesk se reinicie.',
  'settings.updates.failed':
    'No se pudo buscar actualizaciones (¿hay internet?). Se intenta de nuevo en el próximo arranque.',
  'settings.data': 'Dónde están los datos',
  'settings.data.folder': 'Carpeta',
  'settings.data.note':
    'Las citas, la cola de cambios y los registros están en esta carpeta de este ordenador. Haga copia de seguridad con el ordenador; quien pueda abrirla puede leer las citas.',
  'settings.language': 'Idioma',
  'settings.language.system': 'Como el ordenador ({language})',
  'settings.language.en': 'English',
  'settings.language.es': 'Español',
  'connect.account': 'Cuenta de Cal.com{name, select, none {} other { {name}}}',
  'connect.accountUnreachable':
    'Cuenta de Cal.com{name, select, none {} other { {name}}}: ahora no se puede contactar',
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
