import type { Actor } from '../../../src/shared/relay/relay-contract.js'
import { RelayHttpError } from '../errors.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'
import type { RelayStorage } from '../storage/types.js'
import { pinMatches } from './pin.js'

export const PIN_MAX_FAILURES = 5
export const PIN_LOCK_MS = 5 * 60_000

const refused = () =>
  new RelayHttpError(403, 'PIN_REFUSED', 'This person and PIN were not accepted.', {
    field: 'body/actor',
  })

const locked = (until: Date, now: Date) =>
  new RelayHttpError(
    423,
    'PIN_LOCKED',
    'Too many wrong PINs: this person is locked for a few minutes.',
    {},
    { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))) },
  )

/**
 * The acting person of a sensitive route, proven by their PIN against the relay's own hash and
 * lockout. Only the device's business is searched, so another business's person id is as
 * unknown as a made-up one (and no one's lockout can be run down from outside).
 */
export async function verifyActor(
  storage: RelayStorage,
  business: StoredBusiness,
  actor: Actor,
  now: Date,
): Promise<StoredPerson> {
  const person = business.people.find((p) => p.id === actor.personId && p.active)
  if (!person) throw refused()
  const lock = await storage.business.pinLock(person.id)
  if (lock.lockedUntil && lock.lockedUntil > now) throw locked(lock.lockedUntil, now)
  if (await pinMatches(person.pinHash, actor.pin)) {
    if (lock.failures > 0 || lock.lockedUntil) await storage.business.pinPassed(person.id)
    return person
  }
  const after = await storage.business.pinFailed(person.id, now, PIN_MAX_FAILURES, PIN_LOCK_MS)
  if (after.lockedUntil && after.lockedUntil > now) throw locked(after.lockedUntil, now)
  throw refused()
}
