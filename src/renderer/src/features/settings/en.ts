// Settings: language, the Cal.com connection (also in the header), the relay, the app and its
// updates, and where the data lives.
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
  'settings.connection': 'Cal.com connection',
  'settings.connection.intro':
    'This branch’s bookings come from Cal.com. Disconnecting keeps the appointments on this desk.',
  'settings.connection.onlyAdmins': 'Only the owner and admins can connect or disconnect.',
  'settings.relay': 'Relay (brings Cal.com’s news)',
  'settings.relay.intro':
    'It brings Cal.com’s news (new bookings, changes, cancellations) to this desk as it happens.',
  'settings.relay.none': 'Not set up: this desk checks Cal.com every 5 minutes instead.',
  'settings.relay.connected': 'Connected to the relay ({host})',
  'settings.relay.connecting': 'Connecting to the relay ({host})…',
  'settings.relay.unreachable': 'Cannot reach the relay ({host}): the desk keeps trying',
  'settings.relay.unreachableSince':
    'Cannot reach the relay ({host}) since {day, select, today {{time}} other {{day}, {time}}}: the desk keeps trying',
  'settings.relay.off': 'Off until the branch is connected to Cal.com ({host})',
  'settings.relay.details': 'Technical details',
  'settings.relay.address': 'Address',
  'settings.relay.health': 'See sync health',
  'settings.app': 'This app',
  'settings.app.version': 'Version',
  'settings.app.updates': 'Updates',
  'settings.updates.browser':
    'This page is served by the desk; updates come with the installed Frontdesk app.',
  'settings.updates.notPackaged': 'This copy was not installed from an installer: no updates.',
  'settings.updates.checking': 'Checking for updates…',
  'settings.updates.upToDate': 'Up to date',
  'settings.updates.downloading': 'Downloading version {version}…',
  'settings.updates.ready': 'Version {version} is ready: it is installed when Frontdesk restarts.',
  'settings.updates.failed':
    'Could not check for updates (is the internet reachable?). It tries again at the next start.',
  'settings.data': 'Where the data lives',
  'settings.data.folder': 'Folder',
  'settings.data.note':
    'The appointments, the queue of changes and the logs are in this folder on this computer. Back it up with the computer; anyone who can open it can read the appointments.',
  'settings.language': 'Language',
  'settings.language.system': 'As the computer ({language})',
  'settings.language.en': 'English',
  'settings.language.es': 'Español',
  'connect.accountUnreachable':
    'Cal.com account{name, select, none {} other { {name}}}: cannot be reached right now',
  'connect.account': 'Cal.com account{name, select, none {} other { {name}}}',
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
