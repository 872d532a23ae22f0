import { createHash } from 'node:crypto'
import type {
  Account,
  Booking,
  EventType,
  Membership,
  OAuthClient,
  Schedule,
  Staff,
  Team,
  Webhook,
} from './model.js'

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')

/** Every record of the sandbox, in memory: a restart reseeds. */
export class SandboxStore {
  readonly accounts = new Map<number, Account>()
  readonly staff = new Map<number, Staff>()
  readonly schedules = new Map<number, Schedule>()
  readonly eventTypes = new Map<number, EventType>()
  readonly bookings = new Map<string, Booking>()
  readonly webhooks = new Map<string, Webhook>()
  readonly oauthClients = new Map<string, OAuthClient>()
  readonly teams = new Map<number, Team>()
  readonly memberships = new Map<number, Membership>()
  private readonly apiKeyHashes = new Map<string, number>()
  private counters = {
    user: 1000,
    schedule: 100,
    eventType: 500,
    booking: 10_000,
    attendee: 50_000,
    team: 300,
    membership: 3_000,
  }

  nextUserId = () => ++this.counters.user
  nextScheduleId = () => ++this.counters.schedule
  nextEventTypeId = () => ++this.counters.eventType
  nextBookingId = () => ++this.counters.booking
  nextAttendeeId = () => ++this.counters.attendee
  nextTeamId = () => ++this.counters.team

  /** Adds `userId` to team `teamId`, accepted, with `role`. */
  addMembership(teamId: number, userId: number, role: Membership['role']): Membership {
    const membership = { id: ++this.counters.membership, teamId, userId, role, accepted: true }
    this.memberships.set(membership.id, membership)
    return membership
  }

  /** The teams the account owns (its branch's team). */
  teamsOwnedBy(accountId: number): Team[] {
    return [...this.memberships.values()]
      .filter((m) => m.userId === accountId && m.role === 'OWNER')
      .map((m) => this.teams.get(m.teamId))
      .filter((t): t is Team => t !== undefined)
  }

  /** Who a user id is, account or staff member: what a membership says of its user. */
  userById(id: number): { username: string; name: string; email: string } | undefined {
    return this.accounts.get(id) ?? this.staff.get(id)
  }

  addAccount(account: Account): void {
    this.accounts.set(account.userId, account)
    // Cal.com stores API keys sha256-hashed and looks them up by hash.
    this.apiKeyHashes.set(sha256Hex(account.apiKey), account.userId)
  }

  /** The owner deletes the key in Cal.com's settings: every later call with it answers 401. */
  revokeApiKey(apiKey: string): void {
    this.apiKeyHashes.delete(sha256Hex(apiKey))
  }

  accountByApiKey(apiKey: string): Account | undefined {
    const userId = this.apiKeyHashes.get(sha256Hex(apiKey))
    return userId === undefined ? undefined : this.accounts.get(userId)
  }

  accountByUsername(username: string): Account | undefined {
    return [...this.accounts.values()].find((a) => a.username === username)
  }

  accountByEmail(email: string): Account | undefined {
    const wanted = email.trim().toLowerCase()
    return [...this.accounts.values()].find((a) => a.email.toLowerCase() === wanted)
  }

  /**
   * An owner adds a member in Cal.com to the branch's team and makes them a host of
   * `eventTypeIds`: event types' `users` name them by username only; the team's memberships and
   * their bookings name them by id, username and name.
   */
  addStaff(member: Omit<Staff, 'id'>, eventTypeIds: number[] = []): Staff {
    const added = { ...member, id: this.nextUserId() }
    this.staff.set(added.id, added)
    for (const team of this.teamsOwnedBy(added.accountId))
      this.addMembership(team.id, added.id, 'MEMBER')
    for (const id of eventTypeIds) this.eventTypes.get(id)?.hostIds.push(added.id)
    return added
  }

  staffOf(accountId: number): Staff[] {
    return [...this.staff.values()].filter((s) => s.accountId === accountId)
  }

  eventTypesOf(accountId: number): EventType[] {
    return [...this.eventTypes.values()].filter((e) => e.ownerId === accountId)
  }

  schedulesOf(accountId: number): Schedule[] {
    return [...this.schedules.values()].filter((s) => s.ownerId === accountId)
  }

  webhooksOf(userId: number): Webhook[] {
    return [...this.webhooks.values()].filter((w) => w.userId === userId)
  }

  bookingById(id: number): Booking | undefined {
    return [...this.bookings.values()].find((b) => b.id === id)
  }
}
