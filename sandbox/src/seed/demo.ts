import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { DEFAULT_OAUTH_CLIENT_ID } from '../config.js'
import type { BookingStatus, EventType, Schedule, Staff } from '../domain/model.js'
import type { Sandbox } from '../domain/sandbox.js'
import { workingWindows } from '../domain/slots.js'
import { sha256Hex } from '../domain/store.js'
import { BRANCHES, type BranchSeed } from './branches.js'
import { clientName, prng } from './people.js'

export const SEED_PASSWORD = 'sandbox-password'
export const CONFIDENTIAL_CLIENT = {
  clientId: 'sandbox-confidential',
  secret: 'sandbox-confidential-secret',
}
const MINUTE = 60_000

/** Deterministic keys, so the demo's credentials stay the same across restarts. */
const apiKeyFor = (username: string) =>
  `cal_test_${createHash('sha256').update(`frontdesk-sandbox:${username}`).digest('hex').slice(0, 32)}`

export function seedOAuthClients(sandbox: Sandbox): void {
  const { store, config } = sandbox
  store.oauthClients.set(DEFAULT_OAUTH_CLIENT_ID, {
    clientId: DEFAULT_OAUTH_CLIENT_ID,
    name: 'Frontdesk',
    redirectUri: config.oauthRedirectUri,
    clientType: 'PUBLIC',
    secretHash: null,
    status: 'APPROVED',
  })
  store.oauthClients.set(CONFIDENTIAL_CLIENT.clientId, {
    clientId: CONFIDENTIAL_CLIENT.clientId,
    name: 'Sandbox confidential client',
    redirectUri: config.oauthRedirectUri,
    clientType: 'CONFIDENTIAL',
    secretHash: sha256Hex(CONFIDENTIAL_CLIENT.secret),
    status: 'APPROVED',
  })
}

/** Adds one branch (account, staff, schedules, event types, bookings); returns its user id. */
export function seedBranch(sandbox: Sandbox, branch: BranchSeed): number {
  const { store } = sandbox
  const userId = store.nextUserId()
  const today = DateTime.fromMillis(sandbox.clock.nowMs(), { zone: branch.timeZone }).startOf('day')
  const defaultSchedule: Schedule = {
    id: store.nextScheduleId(),
    ownerId: userId,
    name: 'Opening hours',
    timeZone: branch.timeZone,
    isDefault: true,
    availability: branch.openingHours,
    overrides: [],
  }
  store.schedules.set(defaultSchedule.id, defaultSchedule)
  store.addAccount({
    userId,
    username: branch.username,
    email: branch.email,
    name: branch.name,
    timeZone: branch.timeZone,
    apiKey: apiKeyFor(branch.username),
    password: SEED_PASSWORD,
    branchName: branch.branchName,
    defaultScheduleId: defaultSchedule.id,
    weekStart: branch.weekStart,
    timeFormat: branch.timeFormat,
  })
  const team = {
    id: store.nextTeamId(),
    name: branch.branchName,
    slug: branch.key,
    timeZone: branch.timeZone,
    weekStart: branch.weekStart,
  }
  store.teams.set(team.id, team)
  store.addMembership(team.id, userId, 'OWNER')
  const staff: Staff[] = branch.staff.map((s) => {
    const schedule: Schedule = {
      id: store.nextScheduleId(),
      ownerId: userId,
      name: `${s.name} — working hours`,
      timeZone: branch.timeZone,
      isDefault: false,
      availability: s.availability,
      overrides: (s.overrides ?? []).map((o) => ({
        date: today.plus({ days: o.inDays }).toISODate() as string,
        startTime: o.startTime,
        endTime: o.endTime,
      })),
    }
    store.schedules.set(schedule.id, schedule)
    const member: Staff = {
      id: store.nextUserId(),
      accountId: userId,
      name: s.name,
      email: `${s.username}@maplevine.example`,
      username: s.username,
      scheduleId: schedule.id,
    }
    store.staff.set(member.id, member)
    store.addMembership(team.id, member.id, 'MEMBER')
    return member
  })
  const created = today.minus({ days: 60 }).toUTC().toISO() as string
  const types: EventType[] = branch.eventTypes.map((e) => {
    const et: EventType = {
      id: store.nextEventTypeId(),
      ownerId: userId,
      slug: e.slug,
      title: e.title,
      description: e.description,
      lengthInMinutes: e.lengthInMinutes,
      requiresConfirmation: e.requiresConfirmation,
      price: e.price,
      currency: branch.currency,
      minimumBookingNotice: e.minimumBookingNotice,
      beforeEventBuffer: e.beforeEventBuffer,
      afterEventBuffer: e.afterEventBuffer,
      slotInterval: e.slotInterval,
      hostIds: e.hosts.map((i) => staff[i]?.id).filter((id): id is number => id !== undefined),
      locations: [e.location],
      hidden: false,
      createdAt: created,
    }
    store.eventTypes.set(et.id, et)
    return et
  })
  seedBookings(sandbox, branch, staff, types, today)
  return userId
}

/** About a week of bookings around today: past ones done (a few no-shows), future ones mixed. */
function seedBookings(
  sandbox: Sandbox,
  branch: BranchSeed,
  staff: Staff[],
  types: EventType[],
  today: DateTime,
): void {
  const { store, bookings } = sandbox
  const rand = prng(
    [...branch.key].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) ^
      Math.floor(today.toMillis() / 86_400_000),
  )
  const now = sandbox.clock.nowMs()
  for (let offset = -4; offset <= 4; offset++) {
    const dayStart = today.plus({ days: offset }).toMillis()
    for (const member of staff) {
      const schedule = store.schedules.get(member.scheduleId)
      if (!schedule) continue
      const options = types.filter((t) => t.hostIds.includes(member.id))
      for (const w of workingWindows(schedule, dayStart, dayStart + 86_400_000 - 1)) {
        if (w.start < dayStart || w.start >= dayStart + 86_400_000) continue
        let cursor = w.start + Math.floor(rand() * 3) * 30 * MINUTE
        while (cursor < w.end) {
          const et = options[Math.floor(rand() * options.length)]
          if (!et) break
          const length = et.lengthInMinutes * MINUTE
          if (cursor + length > w.end) break
          if (rand() < 0.45) {
            cursor += 30 * MINUTE
            continue
          }
          const past = cursor + length < now
          let status: BookingStatus =
            et.requiresConfirmation && !past && rand() < 0.7 ? 'pending' : 'accepted'
          const cancelled = rand() < 0.1
          if (cancelled) status = 'cancelled'
          const client = clientName(rand)
          const booking = bookings.insert(
            {
              eventType: et,
              start: new Date(cursor).toISOString(),
              attendee: {
                ...client,
                timeZone: branch.timeZone,
                phoneNumber: `+1555${String(Math.floor(rand() * 9_000_000 + 1_000_000))}`,
              },
              source: 'WEBAPP',
            },
            cursor,
            member.id,
            status,
          )
          const createdAt = new Date(
            Math.min(now, cursor) - Math.floor(rand() * 14 + 1) * 86_400_000,
          ).toISOString()
          booking.createdAt = createdAt
          booking.updatedAt = createdAt
          if (cancelled) {
            booking.cancellationReason = 'Client cancelled by phone'
            booking.cancelledByEmail = client.email
          }
          if (past && status === 'accepted' && rand() < 0.12)
            booking.attendees.forEach((a) => (a.absent = true))
          if (et.price > 0 && status === 'accepted') booking.paid = true
          cursor += length + (et.afterEventBuffer + 30 * Math.floor(rand() * 2)) * MINUTE
        }
      }
    }
  }
}

/** The demo business: two branch accounts with staff, event types, schedules and bookings. */
export function seedDemo(sandbox: Sandbox): void {
  for (const branch of BRANCHES) seedBranch(sandbox, branch)
}
