// Who a booking's attendee is, as identity keys: the rules that turn the branch's bookings into
// its clients (client-directory.ts applies them). Pure, so every rule is unit-tested.
//
// How duplicates are merged:
// - The same email is the same client, whatever the name's spelling or case ("Ana López" and
//   "ana lopez" with ana@example.com are one client; the card shows the latest spelling).
// - Without a known email, the same phone is the same client. A client who booked with a new
//   email but the phone they always gave stays one client, and the new email becomes theirs too.
//   Phones are compared on their last 9 digits, so "+34 612 345 678", "612345678" and
//   "+1 (416) 555-0100" / "416-555-0100" match however they were typed; fewer than 7 digits say
//   too little to be anyone's phone.
// - A booking with neither email nor phone (a walk-in who gave a name) joins the client known by
//   that name, accents, case and spacing aside ("Jose Garcia" is "José García"). A booking that
//   has an email or phone is never merged on its name alone: two Maria Garcías with different
//   emails are two clients.
// - When the email says one client and the phone another, the email wins and nothing is merged.
// - Anything these rules miss, a receptionist merges by hand (client_merges), and that merge is
//   kept when the clients are derived again.
import { digitsOf, normalise } from './text-forms'

/** Digits a phone must have to identify anyone. */
export const MIN_PHONE_DIGITS = 7
/** Phones are compared on this many trailing digits (country and trunk prefixes aside). */
export const PHONE_KEY_DIGITS = 9

export interface Attendee {
  name: string
  email: string | null
  phone: string | null
}

export interface IdentityKeys {
  email: string | null
  phone: string | null
  name: string | null
}

export function emailKey(email: string | null): string | null {
  const e = email?.trim().toLowerCase() ?? ''
  return e.includes('@') ? `e:${e}` : null
}

export function phoneKey(phone: string | null): string | null {
  const digits = phone ? digitsOf(phone) : ''
  return digits.length >= MIN_PHONE_DIGITS ? `p:${digits.slice(-PHONE_KEY_DIGITS)}` : null
}

export function nameKey(name: string): string | null {
  const n = normalise(name)
  // A name of only symbols ("***", "-") is no one's name.
  return /[\p{L}\p{N}]/u.test(n) ? `n:${n}` : null
}

export function identityKeys(a: Attendee): IdentityKeys {
  return { email: emailKey(a.email), phone: phoneKey(a.phone), name: nameKey(a.name) }
}

/** The keys that may find the booking's client, strongest first (the rules above). */
export function lookupKeys(keys: IdentityKeys): string[] {
  if (keys.email || keys.phone) return [keys.email, keys.phone].filter((k) => k !== null)
  return keys.name ? [keys.name] : []
}

/** The key a new client is first known by: email, else phone, else name. */
export function primaryKey(keys: IdentityKeys): string | null {
  return keys.email ?? keys.phone ?? keys.name
}

/** Every key the booking lends its client (a key another client holds stays theirs). */
export function allKeys(keys: IdentityKeys): string[] {
  return [keys.email, keys.phone, keys.name].filter((k) => k !== null)
}

/**
 * The client a booking belongs to, given who owns each key now: the owner of the first lookup
 * key that has one, or null for a new client.
 */
export function resolveClient(
  keys: IdentityKeys,
  ownerOf: (key: string) => number | undefined,
): number | null {
  for (const key of lookupKeys(keys)) {
    const owner = ownerOf(key)
    if (owner !== undefined) return owner
  }
  return null
}

/** The phone forms the search index holds, so typing any start of the number finds it. */
export function phoneSearchForms(phone: string | null): string[] {
  const digits = phone ? digitsOf(phone) : ''
  if (digits.length < MIN_PHONE_DIGITS) return digits ? [digits] : []
  return [
    ...new Set([digits, digits.slice(-10), digits.slice(-PHONE_KEY_DIGITS), digits.slice(-7)]),
  ]
}
