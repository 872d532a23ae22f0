// Connecting, and the refresh while connected (reference-refresh.ts), read the same things: who
// the account is, its event types, its staff (and its teams' members) and its schedules.
// Everything is fetched first and written in one transaction through applyReferenceData, the one merge of Cal.com's reference
// data into the desk's rows, so a failure half-way leaves the desk exactly as it was.
import type { CalcomClient } from '../calcom/calcom-client'
import { ok, type CalcomError, type CalcomResult } from '../calcom/calcom-errors'
import type { Booking, EventType, Me, Schedule, TeamMembership } from '../calcom/response-schemas'
import type { AppointmentStore } from '../appointments/appointment-store'
import type { BranchStore } from '../branch/branch-store'
import type { DeskDb } from '../db/open-database'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { StaffStore } from '../staff/staff-store'
import type { Branch } from '../../../shared/api/schemas'
import type { ScheduleCache } from './schedule-cache'
import { hostsFromCalcom, type CalcomHost } from './staff-from-calcom'

export interface ReferenceData {
  me: Me
  eventTypes: EventType[]
  schedules: Schedule[]
  hosts: CalcomHost[]
}

/** How far back the bookings go that hosts' ids and names are learned from. */
const HOST_SAMPLE_DAYS = 30

export interface FetchReferenceOptions {
  /**
   * The desk's clock (StartDeskOptions.now): the hosts' booking sample ends at the desk's day,
   * which tests and demos set to a sandbox's shifted day, not at the real one.
   */
  now: () => number
  /** Aborted when the desk is closing: reads still waiting are dropped or cut off. */
  closing?: AbortSignal
}

/** Reads everything from Cal.com; writes nothing. */
export async function fetchReferenceData(
  client: CalcomClient,
  { now, closing }: FetchReferenceOptions,
): Promise<CalcomResult<ReferenceData>> {
  const me = await client.me.get(closing)
  if (!me.ok) return me
  const [eventTypes, schedules, recent] = await Promise.all([
    client.eventTypes.list(closing),
    client.schedules.list(closing),
    // Only to learn hosts' ids and names (event types list usernames); attendees are not kept.
    client.bookings.list(
      {
        afterStart: new Date(now() - HOST_SAMPLE_DAYS * 86_400_000).toISOString(),
        sortStart: 'asc',
        take: 250,
      },
      closing,
    ),
  ])
  if (!eventTypes.ok) return eventTypes
  if (!schedules.ok) return schedules
  const members = await teamMembers(client, closing)
  if (!members.ok) return members
  // Without bookings (e.g. a token lacking BOOKING_READ) staff are still known by username.
  const bookings: Booking[] = recent.ok ? recent.value.data : []
  return ok({
    me: me.value,
    eventTypes: eventTypes.value,
    schedules: schedules.value,
    hosts: hostsFromCalcom(me.value, eventTypes.value, bookings, members.value),
  })
}

/**
 * The members of the account's teams: where Cal.com names a host by id, username and name
 * together, so a host event types name by username only is still the member the desk holds by
 * id (renamed in Cal.com), or a new one with their name. An account Cal.com refuses them to (a
 * token without the scope, no team) answers none: hosts are then known as before, by the
 * bookings sample. Cal.com out of reach fails the read, as the event types would: a refresh
 * without them could take a renamed member for a new one.
 */
async function teamMembers(
  client: CalcomClient,
  closing: AbortSignal | undefined,
): Promise<CalcomResult<TeamMembership[]>> {
  const refused = (e: CalcomError) => e.kind === 'permanent'
  const teams = await client.teams.list(closing)
  if (!teams.ok) return refused(teams.error) ? ok([]) : teams
  const members: TeamMembership[] = []
  for (const team of teams.value) {
    const got = await client.teams.memberships(team.id, closing)
    if (!got.ok) {
      if (refused(got.error)) continue
      return got
    }
    members.push(...got.value)
  }
  return ok(members)
}

export interface ReferenceStores {
  db: DeskDb
  branches: BranchStore
  staff: StaffStore
  eventTypes: EventTypeStore
  schedules: ScheduleCache
  /**
   * Moves a split member's appointments to their own row (the appointments module's to write),
   * and tells the screens of them (`movedAppointments`) after the commit.
   */
  appointments: Pick<AppointmentStore, 'announce' | 'moveStaff'>
}

/** What a merge wrote, for the caller to announce once its transaction has committed. */
export interface AppliedReference {
  branch: Branch
  /** Appointments moved from a member's second row to their own (staff/split-member-store.ts). */
  movedAppointments: string[]
}

/**
 * Who merges: `connect` (the branch is written whatever it held) or `refresh`
 * (reference-refresh.ts, while connected), where the branch is written only when it differs: a
 * refresh that found nothing new must not make every screen read everything again. Staff merge
 * the same way in both (staff/host-link-store.ts).
 */
export type MergeMode = 'connect' | 'refresh'

/**
 * Writes fetched reference data for `branchId` (in the caller's transaction). It announces
 * nothing: the caller tells the screens (`branches.announce()`) once its transaction has
 * committed, so they never hear of a change that was rolled back, nor of one change twice.
 */
export function applyReferenceData(
  stores: ReferenceStores,
  branchId: number,
  data: ReferenceData,
  connection: Branch['connection'],
  mode: MergeMode = 'connect',
): AppliedReference {
  const { me } = data
  const next = {
    calcomAccountId: me.id,
    calcomUsername: me.username,
    name: me.name || me.username,
    timeZone: me.timeZone,
    connection,
  }
  const current = mode === 'refresh' ? stores.branches.byId(branchId) : undefined
  const branch =
    current && sameBranch(current, next)
      ? current
      : stores.branches.update(branchId, next, { announce: false })
  for (const et of data.eventTypes) {
    stores.eventTypes.upsert({
      branchId,
      calcomId: et.id,
      slug: et.slug,
      title: et.title,
      lengthMinutes: Math.round(et.lengthInMinutes),
      beforeBufferMinutes: Math.round(et.beforeEventBuffer ?? 0),
      afterBufferMinutes: Math.round(et.afterEventBuffer ?? 0),
      // Unknown stays null rather than 0: Cal.com's own default is not 0, so a guess could offer
      // a walk-in Cal.com then refuses.
      minimumNoticeMinutes:
        et.minimumBookingNotice == null ? null : Math.round(et.minimumBookingNotice),
      price: Math.round(et.price ?? 0),
      currency: et.currency ?? null,
      requiresConfirmation: requiresConfirmation(et),
      hidden: et.hidden ?? false,
    })
  }
  stores.eventTypes.hideAllBut(
    branchId,
    data.eventTypes.map((et) => et.id),
  )
  // A host Cal.com no longer names keeps its row as it is: the desk learns hosts from event types
  // and a sample of recent bookings, so one missing from them is no proof they left, and their
  // appointments keep their column. Whether a member is on the grid is the desk's (`active`).
  //
  // Hosts Cal.com names by id go first: they give rows from before migration 0010 their
  // usernames, which a host named by username only is then matched against (or, while some such
  // row stays unnamed, waits: it could be that member).
  stores.staff.learnUsername(branchId, me.id, me.username)
  // First, a second row an older desk gave a renamed member is folded into theirs: the linking
  // below would only take its username, leaving it on the grid with no id and their appointments.
  const movedAppointments = stores.staff.foldSplitMembers(branchId, data.hosts, (from, to) =>
    stores.appointments.moveStaff(from, to),
  )
  const byIdFirst = [...data.hosts].sort((a, b) => Number(a.id === null) - Number(b.id === null))
  for (const host of byIdFirst) stores.staff.upsertHost(branchId, host)
  stores.schedules.replace(data.schedules)
  return { branch, movedAppointments }
}

function sameBranch(a: Branch, b: Omit<Branch, 'id'>): boolean {
  return (Object.keys(b) as Array<keyof typeof b>).every((k) => a[k] === b[k])
}

function requiresConfirmation(et: EventType): boolean {
  if (et.requiresConfirmation !== undefined) return et.requiresConfirmation
  const policy = et.confirmationPolicy as { disabled?: boolean } | null | undefined
  return !!policy && policy.disabled !== true
}
