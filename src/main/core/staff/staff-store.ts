import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Staff } from '../../../shared/api/schemas'
import type { DeskDb } from '../db/open-database'
import { placeholders, PreparedByShape } from '../db/prepared-by-shape'
import { staff } from '../db/schema'

export interface StaffInput {
  branchId: number
  calcomHostId?: number | null
  name: string
  email?: string | null
  colour?: string | null
  active?: boolean
}

/** A Cal.com host as the desk learns of it (connect's reference sync, a booking's host). */
export interface CalcomHost {
  /** Cal.com user id, when known; bookings always carry it, event types may not. */
  id: number | null
  username: string | null
  name: string
  email: string | null
}

export class StaffStore {
  /** Read on every day view, so prepared once. */
  readonly #active
  /** Read for every booking Cal.com tells of. */
  readonly #idOfHost
  readonly #ofBranch
  readonly #activeById
  readonly #unlinkedByName
  readonly #insert
  readonly #upsertByHost
  readonly #upsertHostRow
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
    this.#unlinkedByName = db
      .select()
      .from(staff)
      .where(
        and(
          eq(staff.branchId, branchId),
          isNull(staff.calcomHostId),
          eq(staff.name, sql.placeholder('name')),
        ),
      )
      .prepare()
    const values = {
      branchId,
      calcomHostId: sql.placeholder('calcomHostId'),
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
          name: sql`excluded.name`,
          email: sql`excluded.email`,
          colour: sql`excluded.colour`,
          active: sql`excluded.active`,
        },
      })
      .returning()
      .prepare()
    // What Cal.com says of a host is its name and email; the colour and whether the member is on
    // the grid (`active`) are the desk's, so learning of a host again (every reference refresh,
    // every reconnect) never resets them.
    this.#upsertHostRow = db
      .insert(staff)
      .values(values)
      .onConflictDoUpdate({
        target: [staff.branchId, staff.calcomHostId],
        set: { name: sql`excluded.name`, email: sql`excluded.email` },
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
      name: input.name,
      email: input.email ?? null,
      colour: input.colour ?? null,
      active: input.active ?? true,
    }
    const row =
      values.calcomHostId === null ? this.#insert.get(values) : this.#upsertByHost.get(values)
    return toStaff(row!)
  }

  /** A member not linked to a Cal.com host id yet (known by username only), by exact name. */
  findUnlinkedByName(branchId: number, name: string): Staff | undefined {
    const row = this.#unlinkedByName.get({ branchId, name })
    return row && toStaff(row)
  }

  /** Changes one member, e.g. links it to the Cal.com host id first seen on a booking. */
  update(id: number, changes: Partial<Omit<StaffInput, 'branchId'>>): Staff {
    const row = this.#update.for(changes).get({ ...changes, id })
    if (!row) throw new Error(`No staff member ${id}`)
    return toStaff(row)
  }

  /**
   * One Cal.com host as a staff member: a new member, or the member's name and email as Cal.com
   * now has them (desk-owned fields untouched). A host first known by username only is linked to
   * its id when one appears (the inbox calls this with each booking's host).
   */
  upsertHost(branchId: number, host: CalcomHost): Staff {
    if (host.id === null) {
      const existing = this.findUnlinkedByName(branchId, host.username ?? host.name)
      return (
        existing ??
        this.upsert({ branchId, calcomHostId: null, name: host.name, email: host.email })
      )
    }
    const unlinked = host.username ? this.findUnlinkedByName(branchId, host.username) : undefined
    if (unlinked) {
      return this.update(unlinked.id, { calcomHostId: host.id, name: host.name, email: host.email })
    }
    const row = this.#upsertHostRow.get({
      branchId,
      calcomHostId: host.id,
      name: host.name,
      email: host.email,
      colour: null,
      active: true,
    })
    return toStaff(row!)
  }

  /** Active staff of a branch, by name. */
  listActive(branchId: number): Staff[] {
    return this.#active.all({ branchId }).map(toStaff)
  }
}

function toStaff(row: typeof staff.$inferSelect): Staff {
  return { id: row.id, name: row.name, email: row.email, colour: row.colour, active: row.active }
}
