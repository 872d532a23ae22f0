// The shell's words: header, status strip, navigation, startup and routing.
export const en = {
  'app.title': 'Frontdesk',
  'app.loading': 'Loading…',
  'app.notFound': 'There is no page at this address.',
  'app.backToToday': 'Back to today',
  'app.nav.label': 'Sections',
  'app.nav.day': 'Day',
  'app.nav.pending': 'Pending',
  'app.nav.attention': 'Needs attention',
  'app.nav.settings': 'Settings',
  'app.zone': '{zone} time',
  'app.zone.utc': '{zone} time',
  'app.live.connecting': 'Connecting to live updates…',
  'app.live.live': 'Live',
  'app.live.reconnecting': 'Live updates paused, reconnecting…',
  'app.strip.label': 'Desk status',
  'app.strip.online': 'Online',
  'app.strip.calcomDown': 'Cal.com cannot be reached',
  'app.strip.relayDown': 'Online bookings are not arriving',
  'app.strip.deskDown': 'The desk is not answering',
  'app.strip.notConnected': 'Cal.com: not connected',
  'app.strip.waiting': '{count, plural, one {# change} other {# changes}} waiting to sync',
  'app.strip.attention': '{count, plural, one {# needs} other {# need}} attention',
  'app.strip.pending': '{count, plural, one {# booking} other {# bookings}} to confirm',
  'error.NETWORK': 'The desk is not answering. Is it still running?',
  'error.fallback': '{message}',
  // The local API's refusals (shared/api/error-codes.ts) not worded by a feature's catalog.
  'error.UNKNOWN_DESK_USER': 'This desk does not know the person named in the request.',
  'error.IDEMPOTENCY_KEY_REUSED':
    'This form was already sent with other details. Close it and start the booking again.',
  'error.SLOTS_UNAVAILABLE':
    'The free times cannot be read from Cal.com right now, and this desk has none saved for that day.',
  'error.CLIENT_LEFT': 'The request was stopped before it finished. Try again.',
  'error.INVALID_API_KEY':
    'Cal.com did not accept this API key. Check that it is whole and still active in Cal.com.',
  'error.OAUTH_NOT_CONFIGURED':
    'This desk is not set up to sign in to Cal.com through the browser. Connect with an API key instead.',
  'error.OAUTH_PORT_BUSY':
    'Another program is using the port the Cal.com sign-in needs. Close it, or connect with an API key.',
  'error.CALCOM_REFUSED': 'Cal.com refused this. Its answer: {message}',
  'error.CALCOM_UNAVAILABLE': 'Cal.com cannot be reached right now. Try again in a moment.',
  'error.CREDENTIAL_STORE_UNAVAILABLE':
    'This computer could not keep the Cal.com sign-in safely, so the desk did not connect.',
  'error.SIGN_IN_REQUIRED': 'Sign in with your PIN first.',
  'error.FORBIDDEN': 'Your role may not do this. Ask an owner or an admin.',
  'error.PIN_WRONG': 'That PIN is not right.',
  'error.PIN_LOCKED': 'Too many wrong PINs. Wait five minutes, then try again.',
  'error.NOT_ENROLLED':
    'Connect this branch to Cal.com first: the business is kept online, through the relay.',
  'error.BUSINESS_EXISTS': 'This branch already belongs to a business.',
  'error.JOIN_CODE_INVALID':
    'This join code does not work: it may be mistyped, used already, or older than 24 hours. Ask the owner for a new one.',
  'error.PIN_REFUSED': 'Your PIN was not accepted. Type your own PIN, the one you sign in with.',
  'error.RELAY_REFUSED':
    'The change was not made: someone changed the team meanwhile. Check the team and try again.',
  'error.RELAY_UNAVAILABLE':
    'The online service cannot be reached, so nothing changed. Check the internet connection and try again.',
  'error.RELAY_NOT_UNDERSTOOD':
    'The online service answered something this desk does not understand, so this desk kept nothing of it. The change may have been made there: look before trying again. If it goes on, Frontdesk or the online service may need an update.',
  'error.BRANCH_EXISTS': 'This app already has a branch with that short name. Choose another.',
  'error.BRANCH_UNAVAILABLE':
    'That branch is not answering right now. Wait a moment, or restart Frontdesk if it stays so.',
  'startup.title': 'Frontdesk cannot start',
  'startup.noToken':
    'This page has no session token: open the full address the desk printed when it started (it ends in ?token=…).',
  'startup.noBridge': 'The desk did not hand this window its API address and token.',
  'startup.badUrl': 'The desk gave an API address that is not a URL: {address}',
}
