// Signing in at a shared desk: who, the PIN pad, the lock, the person in the top bar.
export const en = {
  'people.signIn.title': 'Who is at the desk?',
  'people.signIn.intro': 'Pick your name, then type your PIN.',
  'people.signIn.people': 'People of {business}',
  'people.role.owner': 'Owner',
  'people.role.admin': 'Admin',
  'people.role.receptionist': 'Receptionist',
  'people.pin.label': 'PIN for {name}',
  'people.pin.pad': 'PIN pad',
  'people.pin.clear': 'Clear',
  'people.pin.backspace': 'Delete last digit',
  'people.pin.submit': 'Sign in',
  'people.pin.busy': 'Checking…',
  'people.pin.wrong':
    'That PIN is not right. {attemptsLeft, plural, one {# try} other {# tries}} left before {name} is locked at this desk.',
  'people.pin.locked':
    'Too many wrong PINs: {name} is locked at this desk until {time}. Someone else can sign in meanwhile.',
  'people.signedIn': 'Signed in: {name} ({role})',
  'people.switch': 'Switch person',
  'people.signOut': 'Sign out',
  'people.loading': 'Loading who can sign in…',
  'people.none': 'No one may sign in at this desk yet. Ask the owner to add you.',
}
