// An event type named by slug + username, as `/v2/slots` and `POST /v2/bookings` accept it
// ("event type of an individual user": `eventTypeSlug` with `username`, OpenAPI 2024-09-04 /
// 2024-08-13). The username is an account's, whose own event type of that slug it is, or a staff
// member's: in Cal.com each host of a managed event type has their own child event type of the
// same slug under their username (the OpenAPI's note on /v2/slots), so asking for it gives that
// host's own free times and books that host. The sandbox keeps one record per service, so a
// staff member's "own" event type is the account's, hosted by them alone.
import type { EventType } from './model.js'
import type { SandboxStore } from './store.js'

export interface UserEventType {
  eventType: EventType
  /** Set when the username is a staff member's: the one host who takes it. */
  hostId?: number
}

/** Cal.com keeps usernames lower-cased and compares them so. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export function userEventType(
  store: SandboxStore,
  slug: string,
  username: string,
): UserEventType | undefined {
  const owner = [...store.accounts.values()].find((a) => same(a.username, username))
  if (owner) {
    const eventType = store.eventTypesOf(owner.userId).find((e) => e.slug === slug)
    return eventType && { eventType }
  }
  const member = [...store.staff.values()].find((s) => same(s.username, username))
  if (!member) return undefined
  const eventType = store
    .eventTypesOf(member.accountId)
    .find((e) => e.slug === slug && e.hostIds.includes(member.id))
  return eventType && { eventType, hostId: member.id }
}
