// Which past attendees a typed fragment means, and in what order. Pure, so the ranking is tested
// without a database: the SQL only narrows the rows, this decides. Who is the same person is
// decided by the clients' own rules (client-identity.ts), so suggestions and the client list agree.
import { emailKey, nameKey, phoneKey } from './client-identity'
import { digitsOf, normalise } from './text-forms'

export { digitsOf, normalise }

export interface AttendeeRow {
  name: string
  email: string | null
  phone: string | null
  startsAt: number
}

export interface MatchedClient {
  name: string
  email: string | null
  phone: string | null
  lastVisit: number
  visits: number
}

/** One person however many times they booked: by email, else phone, else name. */
export function identityOf(row: Pick<AttendeeRow, 'name' | 'email' | 'phone'>): string {
  return emailKey(row.email) ?? phoneKey(row.phone) ?? nameKey(row.name) ?? `n:${row.name}`
}

/** 0 = a name word starts with the query, 1 = the email or phone does, 2 = it appears inside. */
export function matchRank(row: Pick<AttendeeRow, 'name' | 'email' | 'phone'>, query: string) {
  const q = normalise(query)
  const qDigits = digitsOf(query)
  const name = normalise(row.name)
  if (q && (name.startsWith(q) || name.split(' ').some((w) => w.startsWith(q)))) return 0
  const email = row.email?.toLowerCase() ?? ''
  const phone = row.phone ? digitsOf(row.phone) : ''
  if ((q && email.startsWith(q)) || (qDigits.length >= 3 && phone.startsWith(qDigits))) return 1
  if (q && (name.includes(q) || email.includes(q))) return 2
  if (qDigits.length >= 3 && phone.includes(qDigits)) return 2
  return null
}

/**
 * The people among `rows` the query matches, best first (rank, then most recent visit), each
 * once, with the name, email and phone of their latest booking.
 */
export function matchClients(rows: AttendeeRow[], query: string, limit: number): MatchedClient[] {
  const people = new Map<string, MatchedClient & { rank: number }>()
  for (const row of rows) {
    const rank = matchRank(row, query)
    if (rank === null) continue
    const key = identityOf(row)
    const known = people.get(key)
    if (!known) {
      people.set(key, {
        name: row.name,
        email: row.email,
        phone: row.phone,
        lastVisit: row.startsAt,
        visits: 1,
        rank,
      })
      continue
    }
    known.visits += 1
    known.rank = Math.min(known.rank, rank)
    if (row.startsAt > known.lastVisit) {
      known.lastVisit = row.startsAt
      known.name = row.name
      known.email = row.email ?? known.email
      known.phone = row.phone ?? known.phone
    }
  }
  return [...people.values()]
    .sort((a, b) => a.rank - b.rank || b.lastVisit - a.lastVisit)
    .slice(0, limit)
    .map(({ rank: _rank, ...client }) => client)
}
