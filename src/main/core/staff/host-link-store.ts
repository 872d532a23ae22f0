// Which staff row a Cal.com host is. Cal.com names a host by id (bookings, webhooks), by username
// (event types list their hosts so), or by both; the desk holds both on the row (migration
// 0010), so the same person is always the same row — one column on the grid, one entry under
// "With" — however Cal.com names them this time:
//
// 1. by id: the id is Cal.com's key for a person and never changes;
// 2. by username: the member learnt from an event type before any booking told their id;
// 3. by the name rule, for rows from before 0010 only: a member then known by username only was
//    kept with no id and the username as its name.
//
// A host Cal.com names by username only, and no row has, is new unless it could be a member the
// desk holds by id whose username it has not learnt yet (rows from before 0010 that no booking
// or refresh has named since). While such rows remain, that host waits: adding it could give an
// existing member a second column, and a booking of theirs will tell the id and link it anyway.
import { and, count, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { placeholders, PreparedByShape } from '../db/prepared-by-shape'
import { staff } from '../db/schema'

/** A Cal.com host as the desk learns of it (connect's reference sync, a booking's host). */
export interface CalcomHost {
  /** Cal.com user id, when known; bookings always carry it, event types may not. */
  id: number | null
  username: string | null
  name: string
  email: string | null
}

type StaffRow = typeof staff.$inferSelect
type HostFields = Partial<Pick<StaffRow, 'calcomHostId' | 'calcomUsername' | 'name' | 'email'>>

/** Cal.com compares usernames without case; the desk keeps them lower-cased to match in SQL. */
export const usernameKey = (username: string | null | undefined): string | null =>
  username ? username.trim().toLowerCase() || null : null

export class HostLinkStore {
  readonly #byHost
  readonly #byUsername
  readonly #legacyByName
  readonly #unnamedLinked
  readonly #releaseUsername
  readonly #insert
  readonly #update

  constructor(db: DeskDb) {
    const branchId = sql.placeholder('branchId')
    const inBranch = eq(staff.branchId, branchId)
    this.#byHost = db
      .select()
      .from(staff)
      .where(and(inBranch, eq(staff.calcomHostId, sql.placeholder('hostId'))))
      .prepare()
    this.#byUsername = db
      .select()
      .from(staff)
      .where(and(inBranch, eq(staff.calcomUsername, sql.placeholder('username'))))
      .prepare()
    // Before 0010 a member known by username only was kept with no id and that username as name.
    this.#legacyByName = db
      .select()
      .from(staff)
      .where(
        and(
          inBranch,
          isNull(staff.calcomHostId),
          isNull(staff.calcomUsername),
          eq(staff.name, sql.placeholder('name')),
        ),
      )
      .prepare()
    this.#unnamedLinked = db
      .select({ n: count() })
      .from(staff)
      .where(and(inBranch, isNotNull(staff.calcomHostId), isNull(staff.calcomUsername)))
      .prepare()
    this.#releaseUsername = db
      .update(staff)
      .set({ calcomUsername: null })
      .where(
        and(
          inBranch,
          eq(staff.calcomUsername, sql.placeholder('username')),
          ne(staff.id, sql.placeholder('keep')),
        ),
      )
      .prepare()
    this.#insert = db
      .insert(staff)
      .values({
        branchId,
        calcomHostId: sql.placeholder('calcomHostId'),
        calcomUsername: sql.placeholder('calcomUsername'),
        name: sql.placeholder('name'),
        email: sql.placeholder('email'),
      })
      .returning()
      .prepare()
    this.#update = new PreparedByShape((fields) =>
      db
        .update(staff)
        .set(placeholders(fields))
        .where(eq(staff.id, sql.placeholder('id')))
        .returning()
        .prepare(),
    )
  }

  /**
   * The row of a host whose id Cal.com told (a booking, an event type's host object): found by
   * id, then username, then the name rule, or added. What Cal.com says of them (name, email,
   * username, the id itself) is written when it differs; the desk's own fields (colour, active)
   * are never touched.
   */
  linkHost(branchId: number, host: CalcomHost & { id: number }): StaffRow {
    const username = usernameKey(host.username)
    const found =
      this.#byHost.get({ branchId, hostId: host.id }) ??
      this.#unlinkedNamed(branchId, username) ??
      (username ? this.#legacyByName.get({ branchId, name: username }) : undefined)
    if (!found) {
      if (username) this.#release(branchId, username, -1)
      return this.#insert.get({
        branchId,
        calcomHostId: host.id,
        calcomUsername: username,
        name: host.name,
        email: host.email,
      })!
    }
    return this.#write(found, {
      calcomHostId: host.id,
      // A booking without a username (older payloads) does not unlearn the one the desk has.
      calcomUsername: username ?? found.calcomUsername,
      name: host.name,
      email: host.email,
    })
  }

  /**
   * The row of a host Cal.com names by username only (an event type's host with no booking in
   * the sample read): found by username or the name rule; else added when it cannot be a member
   * already held (see the top of this file); undefined while it might be.
   */
  addByUsername(branchId: number, host: CalcomHost): StaffRow | undefined {
    const username = usernameKey(host.username)
    if (!username) return undefined
    const known = this.#byUsername.get({ branchId, username })
    if (known) return known
    const legacy = this.#legacyByName.get({ branchId, name: username })
    if (legacy) return this.#write(legacy, { calcomUsername: username })
    if (this.#unnamedLinked.get({ branchId })!.n > 0) return undefined
    return this.#insert.get({
      branchId,
      calcomHostId: null,
      calcomUsername: username,
      name: host.name,
      email: host.email,
    })!
  }

  /**
   * The row of a booking's host, for every booking Cal.com tells of: a read, and a write only
   * when the booking tells something the row lacks (a new host, the id of a member known by
   * username, the username of a row from before 0010).
   */
  rowOfBookingHost(branchId: number, host: CalcomHost & { id: number }): StaffRow {
    const row = this.#byHost.get({ branchId, hostId: host.id })
    const username = usernameKey(host.username)
    if (row && (username === null || row.calcomUsername === username)) return row
    return this.linkHost(branchId, host)
  }

  /** Records the username of the member linked to `hostId`, if the desk holds one. */
  learnUsername(branchId: number, hostId: number, username: string): void {
    const row = this.#byHost.get({ branchId, hostId })
    const key = usernameKey(username)
    if (row && key && row.calcomUsername !== key) this.#write(row, { calcomUsername: key })
  }

  /** A row found by username that has no id yet: the same person, before a booking told it. */
  #unlinkedNamed(branchId: number, username: string | null): StaffRow | undefined {
    if (!username) return undefined
    const row = this.#byUsername.get({ branchId, username })
    return row && row.calcomHostId === null ? row : undefined
  }

  #write(row: StaffRow, fields: HostFields): StaffRow {
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => row[k as keyof HostFields] !== v),
    ) as HostFields
    if (Object.keys(changes).length === 0) return row
    // The id is Cal.com's key, the username only its current handle: one that moved to this
    // member (renamed in Cal.com) is taken from whichever row held it before.
    if (changes.calcomUsername) this.#release(row.branchId, changes.calcomUsername, row.id)
    return this.#update.for(changes).get({ ...changes, id: row.id })!
  }

  #release(branchId: number, username: string, keep: number): void {
    this.#releaseUsername.run({ branchId, username, keep })
  }
}
