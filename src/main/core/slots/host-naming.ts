// How Cal.com can be told "this staff member" (REFERENCE.md §2.1–§2.2, the OpenAPI document):
// - a booking names a host only by Cal.com user id (`routing.teamMemberIds`, numbers) or names
//   a user's own event type by `eventTypeSlug` + `username`, which books that user;
// - /v2/slots answers for an event type (any host free), for a user's own event type by
//   `eventTypeSlug` + `username` (their own free times), or for two or more `usernames` at once
//   (everyone free together) — never for one host of an event type by id.
// So a member the desk knows by id is booked by id; their free times are their own event type's
// when the desk knows their username too (slots-cache.ts), else the event type's, less what the
// desk knows them busy at either way (staff-busy.ts); a member known by username only (a new
// hire seen on an event type, no booking or membership telling their id) is asked for and booked
// through their own event type of the service; a member known by neither cannot be named to
// Cal.com at all, and a booking "with" them would go to whoever Cal.com picks, so the desk refuses it.
import { DeskError } from '../errors/desk-error'

export type HostNaming =
  { by: 'id'; hostId: number } | { by: 'username'; username: string } | { by: 'nothing' }

export interface NamedMember {
  calcomHostId: number | null
  calcomUsername: string | null
}

export function hostNaming(member: NamedMember): HostNaming {
  if (member.calcomHostId !== null) return { by: 'id', hostId: member.calcomHostId }
  if (member.calcomUsername) return { by: 'username', username: member.calcomUsername }
  return { by: 'nothing' }
}

/** The refusal of a booking, or free times, "with" a member Cal.com cannot be asked for. */
export function staffNotBookable(staff: string, service: string): DeskError {
  return new DeskError(
    'STAFF_NOT_BOOKABLE',
    `Cal.com cannot be asked to book ${staff} for ${service} (it knows no ${service} under ` +
      `${staff}'s name), so it would pick someone else; nothing was queued. Choose another staff ` +
      'member or anyone free.',
    'staffId',
    undefined,
    { staff, service },
  )
}
