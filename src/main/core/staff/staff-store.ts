import { and, asc, eq, sql } from 'drizzle-orm'
import type { Staff } from '../../../shared/api/schemas'
import type { DeskDb } from '../db/open-database'
import { placeholders, PreparedByShape } from '../db/prepared-by-shape'
import { staff } from '../db/schema'
import { HostLinkStore, usernameKey, type CalcomHost } from './host-link-store'
import { SplitMemberStore, type MoveAppointments } from './split-member-store'

export type { CalcomHost }

export interface StaffInput {
  branchId: number
  calcomHostId?: number | null
  calcomUsername?: string | null
  name: string
  email?: string | null
  colour?: string | null
  active?: boolean
}

export class StaffStore {
  /** Read on every day view, so prepared once. */
  readonly #active
  /** Read for every booking Cal.com tells of. */
  readonly #idOfHost
  readonly #ofBranch
  readonly #activeById
  readonly #byId
  readonly #hosts
  readonly #splits
  readonly #insert
  readonly #upsertByHost
  /** An update sets the fields it is given: one statement per set of fields. */
  readonly #update

  constructor(db: DeskDb) {
    const branchId = sql.placeholder('branchId')
    this.#activeById = db
      .select()
      .from(staff)
      .where(
        and(
          eq(staff.id, sql.placeholder('id')),
          eq(staff.branchId, branchId),
          eq(staff.active, true),
        ),
      )
      .prepare()
    this.#byId = db
      .select()
      .from(staff)
      .where(eq(staff.id, sql.placeholder('id')))
      .prepare()
    this.#hosts = new HostLinkStore(db)
    this.#splits = new SplitMemberStore(db)
    const values = {
      branchId,
      calcomHostId: sql.placeholder('calcomHostId'),
      calcomUsername: sql.placeholder('calcomUsername'),
      name: sql.placeholder('name'),
      email: sql.placeholder('email'),
      colour: sql.placeholder('colour'),
      active: sql.placeholder('active'),
    }
    this.#insert = db.insert(staff).values(values).returning().prepare()
    this.#upsertByHost = db
      .insert(staff)
      .values(values)
      .onConflictDoUpdate({
        target: [staff.branchId, staff.calcomHostId],
        set: {
          calcomUsername: sql`excluded.calcom_username`,
          name: sql`excluded.name`,
          email: sql`excluded.email`,
          colour: sql`excluded.colour`,
          active: sql`excluded.active`,
        },
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
    this.#idOfHost = db
      .select({ id: staff.id })
      .from(staff)
      .where(
        and(
          eq(staff.branchId, sql.placeholder('branchId')),
          eq(staff.calcomHostId, sql.placeholder('hostId')),
        ),
      )
      .prepare()
    this.#active = db
      .select()
      .from(staff)
      .where(and(eq(staff.branchId, sql.placeholder('branchId')), eq(staff.active, true)))
      .orderBy(asc(staff.name), asc(staff.id))
      .prepare()
    this.#ofBranch = db
      .select()
      .from(staff)
      .where(eq(staff.branchId, sql.placeholder('branchId')))
      .orderBy(asc(staff.id))
      .prepare()
  }

  /** Every staff row of the branch, inactive ones and Cal.com links included. */
  rowsOf(branchId: number): Array<typeof staff.$inferSelect> {
    return this.#ofBranch.all({ branchId })
  }

  /** A staff row by id, whatever its branch or state (what Cal.com knows it by, now). */
  rowById(id: number): typeof staff.$inferSelect | undefined {
    return this.#byId.get({ id })
  }

  /** An active staff member of the branch. */
  activeById(branchId: number, id: number): typeof staff.$inferSelect | undefined {
    return this.#activeById.get({ id, branchId })
  }

  /** The staff member linked to a Cal.com host in that branch, if any. */
  idOfHost(branchId: number, hostId: number): number | undefined {
    return this.#idOfHost.get({ branchId, hostId })?.id
  }

  /** Inserts, or updates the member with the same Cal.com host id in that branch. */
  upsert(input: StaffInput): Staff {
    const values = {
      branchId: input.branchId,
      calcomHostId: input.calcomHostId ?? null,
      calcomUsername: usernameKey(input.calcomUsername),
      name: input.name,
      email: input.email ?? null,
      colour: input.colour ?? null,
      active: input.active ?? true,
    }
    const row =
      values.calcomHostId === null ? this.#insert.get(values) : this.#upsertByHost.get(values)
    return toStaff(row!)
  }

  /** Changes one member, e.g. links it to the Cal.com host id first seen on a booking. */
  update(id: number, changes: Partial<Omit<StaffInput, 'branchId'>>): Staff {
    const row = this.#update.for(changes).get({ ...changes, id })
    if (!row) throw new Error(`No staff member ${id}`)
    return toStaff(row)
  }

  /**
   * One Cal.com host as a staff member (host-link-store.ts has the rule): the same row however
   * Cal.com names them, with its name, email and username as Cal.com now has them and the desk's
   * own fields (colour, active) untouched. Undefined for a host named by username only that
   * could still be a member the desk holds (it waits for a booking of theirs to tell the id).
   */
  upsertHost(branchId: number, host: CalcomHost): Staff | undefined {
    const row =
      host.id === null
        ? this.#hosts.addByUsername(branchId, host)
        : this.#hosts.linkHost(branchId, { ...host, id: host.id })
    return row && toStaff(row)
  }

  /** The member a booking's host is, added or completed when the booking tells something new. */
  idOfBookingHost(branchId: number, host: CalcomHost & { id: number }): number {
    return this.#hosts.rowOfBookingHost(branchId, host).id
  }

  /**
   * Folds each second row an older desk gave a member renamed in Cal.com into the row held by
   * their id, now that `hosts` name them by id and username at once (split-member-store.ts).
   * Answers the uids of the appointments that moved to the member's own row.
   */
  foldSplitMembers(
    branchId: number,
    hosts: readonly CalcomHost[],
    moveAppointments: MoveAppointments,
  ): string[] {
    return hosts.flatMap((h) =>
      h.id !== null && h.username
        ? this.#splits.fold(branchId, { id: h.id, username: h.username }, moveAppointments)
        : [],
    )
  }

  /** Records the username of the member linked to Cal.com user `hostId`, if there is one. */
  learnUsername(branchId: number, hostId: number, username: string): void {
    this.#hosts.learnUsername(branchId, hostId, username)
  }

  /** Active staff of a branch, by name. */
  listActive(branchId: number): Staff[] {
    return this.#active.all({ branchId }).map(toStaff)
  }
}

function toStaff(row: typeof staff.$inferSelect): Staff {
  return { id: row.id, name: row.name, email: row.email, colour: row.colour, active: row.active }
}
