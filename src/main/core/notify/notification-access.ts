// What every notification route needs before it calls the relay: this desk's relay device, a
// business, and the signed-in person (whose PIN the relay checks). Refused with a code, early.
import { DeskError } from '../errors/desk-error'
import type { RelayDevice } from '../inbound/relay-device-store'
import type { BusinessStore } from '../people/business-store'
import type { SignIn, SignedIn } from '../people/sign-in'

export interface NotificationAccessDeps {
  business: BusinessStore
  signIn: SignIn
  device: () => Promise<RelayDevice | null>
}

export async function enrolledDevice(deps: NotificationAccessDeps): Promise<RelayDevice> {
  if (!deps.business.current())
    throw new DeskError(
      'NOT_FOUND',
      'This desk belongs to no business yet: set it up on the Team screen first',
    )
  let device: RelayDevice | null = null
  try {
    device = await deps.device()
  } catch (err) {
    throw new DeskError('NOT_ENROLLED', `This desk is not enrolled at the relay: ${String(err)}`)
  }
  if (!device)
    throw new DeskError('NOT_ENROLLED', 'Connect the branch (with a relay configured) first')
  return device
}

export function signedInPerson(signIn: SignIn): SignedIn {
  const person = signIn.current()
  if (!person) throw new DeskError('SIGN_IN_REQUIRED', 'Sign in with your PIN first')
  return person
}

/** A person's name from the business copy, or their id when the copy does not know them. */
export function nameOf(business: BusinessStore, id: string): { id: string; name: string } {
  return { id, name: business.person(id)?.name ?? id }
}
