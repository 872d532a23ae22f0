// A member an older desk split in two: before the team's memberships were read, a member renamed
// in Cal.com with no booking in the sample read was a new username to the desk, so it added a
// second row for it with no Cal.com id (its name the username) beside the member's own row, held
// by id. Now that Cal.com ties that username to the id (a membership, a booking), the second row
// is known to be the same person: its appointments move to the member's own row and it goes, in
// the reference merge's transaction, so the grid has one column for them again.
//
// Only a row with no id is folded, and only into the row Cal.com's id names: a row with an id is
// a person by Cal.com's own key, and a username Cal.com ties to no row the desk holds by id
// (a member known by username only, one who left) leaves every row as it is.
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { staff } from '../db/schema'
import { usernameKey } from './host-link-store'

/** A Cal.com member named by id and username at once. */
export interface TiedMember {
  id: number
  username: string
}

/**
 * Moves a staff row's appointments to another and answers their uids: the appointments module's
 * to do (appointments/staff-move-store.ts), handed in, since this module does not write them.
 */
export type MoveAppointments = (from: number, to: number) => string[]

export class SplitMemberStore {
  readonly #byHost
  readonly #splitRows
  readonly #takeColour
  readonly #remove

  constructor(db: DeskDb) {
    const branchId = sql.placeholder('branchId')
    const username = sql.placeholder('username')
    this.#byHost = db
      .select()
      .from(staff)
      .where(and(eq(staff.branchId, branchId), eq(staff.calcomHostId, sql.placeholder('hostId'))))
      .prepare()
    this.#splitRows = db
      .select()
      .from(staff)
      .where(
        and(
          eq(staff.branchId, branchId),
          isNull(staff.calcomHostId),
          ne(staff.id, sql.placeholder('keep')),
          or(
            // Not yet refreshed since memberships were read: it still holds the username.
            eq(staff.calcomUsername, username),
            // Refreshed once since: the username went to the member's row, the name stayed it.
            and(isNull(staff.calcomUsername), eq(staff.name, username)),
          ),
        ),
      )
      .prepare()
    // The member's own colour stays; one the desk gave only the second row is not lost.
    this.#takeColour = db
      .update(staff)
      .set({ colour: sql`${sql.placeholder('colour')}` })
      .where(and(eq(staff.id, sql.placeholder('id')), isNull(staff.colour)))
      .prepare()
    this.#remove = db
      .delete(staff)
      .where(eq(staff.id, sql.placeholder('id')))
      .prepare()
  }

  /**
   * Folds the rows with no id that are `member` by username into the row held by their id (in
   * the caller's transaction). Answers the uids of the appointments moved, for the screens.
   */
  fold(branchId: number, member: TiedMember, moveAppointments: MoveAppointments): string[] {
    const own = this.#byHost.get({ branchId, hostId: member.id })
    const username = usernameKey(member.username)
    if (!own || !username) return []
    const moved: string[] = []
    for (const split of this.#splitRows.all({ branchId, keep: own.id, username })) {
      moved.push(...moveAppointments(split.id, own.id))
      if (split.colour) this.#takeColour.run({ id: own.id, colour: split.colour })
      this.#remove.run({ id: split.id })
    }
    return moved
  }
}
