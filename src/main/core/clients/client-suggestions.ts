// The branch's past clients matching what the receptionist typed, read from the appointments the
// desk holds (the only client record it has before the clients feature lands).
import type { AppointmentStore } from '../appointments/appointment-store'
import { digitsOf, matchClients, normalise, type MatchedClient } from './client-matching'

export function suggestClients(
  appointments: AppointmentStore,
  branchId: number,
  query: string,
  limit: number,
): MatchedClient[] {
  const text = normalise(query)
  const digits = digitsOf(query)
  if (!text && !digits) return []
  return matchClients(appointments.pastClients(branchId, query, digits), query, limit)
}
