// Settings: language, and the Cal.com connection shown in the header.
import type { ConnectProblemKey } from './connect/connect-problem-words'

/** Every connect problem code has words (a missing one fails typecheck). */
const problemsEn: Record<ConnectProblemKey, string> = {
  'connect.problem.API_KEY_EMPTY': 'Paste the Cal.com API key first.',
  'connect.problem.API_KEY_HAS_SPACES':
    'An API key has no spaces: paste it again, exactly as Cal.com shows it.',
  'connect.problem.API_KEY_NOT_CALCOM':
    'This is not a Cal.com API key: those start with cal_ (Cal.com › Settings › Developer › API keys).',
  'connect.problem.API_KEY_TOO_LONG': 'An API key is at most 512 characters.',
  'connect.problem.API_KEY_TOO_SHORT': 'This API key is too short: paste the whole key.',
  'connect.problem.SIGN_IN_DENIED':
    'Access was not allowed in Cal.com, so Frontdesk is not connected. Press Connect to try again.',
  'connect.problem.SIGN_IN_INCOMPLETE':
    'Cal.com did not complete the sign-in. Press Connect to start again.',
  'connect.problem.SIGN_IN_TIMED_OUT':
    'The sign-in took longer than 5 minutes, so it was stopped. Press Connect to start again.',
  'connect.problem.SIGN_IN_CANCELLED': 'The sign-in was cancelled.',
  'connect.problem.BROWSER_DID_NOT_OPEN':
    'The browser did not open. Use the link “Open the Cal.com sign-in again” to open it yourself.',
}

export const en = {
  ...problemsEn,
  'connect.problem.other': 'Connecting did not work ({code}). Try again.',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'As the computer ({language})',
  'settings.language.en': 'English',
  'settings.language.es': 'Español',
  'connect.connectedAs': 'Connected to Cal.com{name, select, none {} other { as {name}}}',
  'connect.disconnect': 'Disconnect',
  'connect.disconnectQuestion':
    'Disconnect from Cal.com? Syncing stops; the appointments stay on this desk.',
  'connect.disconnecting': 'Disconnecting…',
  'connect.disconnectConfirm': 'Yes, disconnect',
  'connect.stayConnected': 'Stay connected',
  'connect.reconnectNeeded': 'Reconnect needed: Cal.com no longer accepts this desk’s sign-in',
  'connect.notConnected': 'Not connected to Cal.com',
  'connect.waiting': 'Waiting for you to allow Frontdesk in Cal.com…',
  'connect.openAgain': 'Open the Cal.com sign-in again',
  'connect.cancel': 'Cancel',
  'connect.opening': 'Opening Cal.com…',
  'connect.reconnect': 'Reconnect',
  'connect.connect': 'Connect',
  'connect.useApiKey': 'Use an API key instead',
  'connect.apiKey': 'Cal.com API key',
  'connect.apiKeyWhere': 'Cal.com › Settings › Developer › API keys',
  'connect.checkingKey': 'Checking the key…',
  'connect.withKey': 'Connect with this key',
  'connect.back': 'Back',
}
