// The branch's past clients matching what the receptionist typed, read from the appointments the
// desk holds (the only client record it has before the clients feature lands).
import { and, desc, eq, or, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { appointments } from '../db/schema'
import { digitsOf, matchClients, normalise, type MatchedClient } from './client-matching'

/** Rows read per query: the most recent matches are enough to fill a suggestion list. */
const CANDIDATE_ROWS = 500

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export function suggestClients(
  db: DeskDb,
  branchId: number,
  query: string,
  limit: number,
): MatchedClient[] {
  const text = normalise(query)
  const digits = digitsOf(query)
  if (!text && !digits) return []
  const pattern = `%${escapeLike(query.trim())}%`
  const matches = [
    sql`${appointments.attendeeName} LIKE ${pattern} ESCAPE '\\'`,
    sql`${appointments.attendeeEmail} LIKE ${pattern} ESCAPE '\\'`,
  ]
  if (digits.length >= 3) {
    // Phones are stored as typed ("+1 (416) 555-0100"): compare their digits only.
    matches.push(
      sql`replace(replace(replace(replace(replace(${appointments.attendeePhone}, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '') LIKE ${`%${digits}%`}`,
    )
  }
  const rows = db
    .select({
      name: appointments.attendeeName,
      email: appointments.attendeeEmail,
      phone: appointments.attendeePhone,
      startsAt: appointments.startsAt,
    })
    .from(appointments)
    .where(and(eq(appointments.branchId, branchId), or(...matches)))
    .orderBy(desc(appointments.startsAt))
    .limit(CANDIDATE_ROWS)
    .all()
  return matchClients(rows, query, limit)
}
