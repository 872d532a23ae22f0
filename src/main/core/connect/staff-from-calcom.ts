// Who the branch's staff are, as Cal.com tells it: the hosts of its event types (`users[]` /
// `hosts[]`: usernames in the current API, objects in older and team outputs), completed with
// ids, names and emails from the account's team memberships (every member, by their current
// username) and from the hosts of recent bookings, plus the account itself when nobody else
// hosts (a one-person business). A username no membership or booking names stays a username.
import type {
  Booking,
  EventType,
  EventTypeUser,
  Me,
  TeamMembership,
} from '../calcom/response-schemas'
import type { CalcomHost } from '../staff/staff-store'

export type { CalcomHost }

const lc = (s: string) => s.toLowerCase()

export function hostsFromCalcom(
  me: Me,
  eventTypes: EventType[],
  recentBookings: Booking[],
  members: TeamMembership[] = [],
): CalcomHost[] {
  // What /v2/me, team memberships and bookings say about each person, by username.
  const profiles = new Map<string, CalcomHost>()
  for (const m of members) {
    const username = m.user.username || null
    if (!username) continue
    profiles.set(lc(username), {
      id: m.userId,
      username,
      name: m.user.name || username,
      email: m.user.email ?? null,
    })
  }
  const account: CalcomHost = {
    id: me.id,
    username: me.username,
    name: me.name || me.username,
    email: me.email ?? null,
  }
  profiles.set(lc(me.username), account)
  const bookingHosts: CalcomHost[] = recentBookings.flatMap((b) =>
    b.hosts.map((h) => ({
      id: h.id,
      username: h.username ?? null,
      name: h.name || h.username || `Host ${h.id}`,
      email: h.email ?? null,
    })),
  )
  for (const h of bookingHosts) if (h.username) profiles.set(lc(h.username), h)

  const resolve = (u: EventTypeUser): CalcomHost => {
    if (typeof u === 'string')
      return profiles.get(lc(u)) ?? { id: null, username: u, name: u, email: null }
    const username = u.username ?? null
    const known = username ? profiles.get(lc(username)) : undefined
    const id = u.id ?? u.userId ?? known?.id ?? null
    return {
      id,
      username,
      name: u.name || known?.name || username || `Host ${id}`,
      email: u.email ?? known?.email ?? null,
    }
  }

  const hosts = new Map<string, CalcomHost>()
  const add = (h: CalcomHost) => {
    const key = h.id !== null ? `id:${h.id}` : `user:${lc(h.username ?? h.name)}`
    if (!hosts.has(key)) hosts.set(key, h)
  }
  for (const et of eventTypes)
    for (const u of [...(et.users ?? []), ...(et.hosts ?? [])]) add(resolve(u))
  // Hosts of recent bookings serve at this branch even if no current event type lists them.
  for (const h of bookingHosts) add(h)
  if (hosts.size === 0) add(account)
  return [...hosts.values()]
}
