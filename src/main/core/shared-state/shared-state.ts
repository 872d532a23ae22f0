// Desk-owned state shared by every desk of a branch (DESIGN.md §9). A receptionist's change is
// written locally at once, as before, and queued as a desk event in the same transaction
// (`record`); the sender takes it to the relay. Every desk, the author included, applies desk
// events from the channel log in seq order (`applyInTx`), field by field: a desk event sets a
// field only when its seq is later than the one that set it last (desk_field_seqs), so every desk
// ends on the same value whatever order the changes were made in. While this desk's own change
// to a field still waits (queued, or sent but not yet read back), older news from the log is
// remembered but not shown: this desk's change is sure to come back with a later seq.
//
// A booking Cal.com rescheduled gets a new uid. Its desk fields (visit state, walk-in, booking
// notes) carry over: the value a booking shows is the one with the latest seq among its own field
// and those of the bookings it was rescheduled from (Cal.com's `rescheduledFromUid` chain, the
// same at every desk). Every desk computes it the same way whichever it heard of first — the
// reschedule or the desk event — so desks agree without the rescheduling desk saying anything.
import type { DeskChange, DeskEventBody } from '../../../shared/relay/desk-events'
import type { DeskStateAnswer } from '../../../shared/relay/log-answers'
import type { VisitState } from '../../../shared/domain/appointment-status'
import type { AppointmentStore } from '../appointments/appointment-store'
import type { ClientStore } from '../clients/client-store'
import type { DeskDb } from '../db/open-database'
import type { DeskEvents } from '../events/desk-events'
import type { DeskEventStore } from './desk-event-store'
import {
  bookingNotesField,
  checkDeskEvent,
  fieldOf,
  noteField,
  noteRemovedField,
  visitField,
  walkInField,
} from './desk-fields'

export interface SharedStateDeps {
  db: DeskDb
  store: DeskEventStore
  appointments: AppointmentStore
  clients: ClientStore
  events: DeskEvents
  branchId: () => number
  /** False without a relay: nothing is queued, the desk works alone as before. */
  enabled: boolean
  now?: () => number
}

/** What applying desk events changed, to announce after the commit. */
export interface DeskTouched {
  uids: string[]
  clientIds: number[]
}

type NoteValue = Extract<DeskChange, { kind: 'note_put' }>
type BookingChange = Extract<DeskChange, { kind: 'visit' | 'walk_in' | 'booking_notes' }>
type BookingFieldKind = BookingChange['kind']
const BOOKING_FIELDS: Record<BookingFieldKind, (uid: string) => string> = {
  visit: visitField,
  walk_in: walkInField,
  booking_notes: bookingNotesField,
}
/** How far a chain of reschedules is followed (a loop in bad data stops here too). */
const MAX_CHAIN = 50

export class SharedState {
  readonly #d: SharedStateDeps
  readonly #now: () => number
  readonly #wakers = new Set<() => void>()

  constructor(deps: SharedStateDeps) {
    this.#d = deps
    this.#now = deps.now ?? Date.now
  }

  get enabled(): boolean {
    return this.#d.enabled
  }

  /** Called after a desk event is queued (the sender listens). Returns the stop. */
  onQueued(wake: () => void): () => void {
    this.#wakers.add(wake)
    return () => this.#wakers.delete(wake)
  }

  /**
   * Queues a desk event for a change the caller writes in the same transaction. The sender is
   * woken once the caller's synchronous transaction is over.
   */
  record(change: DeskChange): void {
    if (!this.#d.enabled) return
    this.#d.store.enqueue(change, this.#now())
    queueMicrotask(() => this.#wakers.forEach((wake) => wake()))
  }

  /** Runs `fn` in one transaction (better-sqlite3 nests it as a savepoint inside another). */
  transaction<T>(fn: () => T): T {
    return this.#d.db.$client.transaction(fn)()
  }

  /** Cal.com named a desk booking (inside the caller's transaction): its desk events follow. */
  renameBooking(from: string, to: string): void {
    if (!this.#d.enabled) return
    this.#d.store.renameBooking(from, to)
    // Its desk events can go now: the sender is woken once the caller's transaction is over.
    queueMicrotask(() => this.#wakers.forEach((wake) => wake()))
  }

  /** Desk events waiting to be sent or to come back from the relay (the "waiting to sync" count). */
  waiting(): number {
    return this.#d.enabled ? this.#d.store.count() : 0
  }

  /** This desk's desk events the relay refused for good, newest first (kept across restarts). */
  refused(): Array<{ at: number; kind: DeskChange['kind']; refusal: string }> {
    if (!this.#d.enabled) return []
    return this.#d.store
      .refused()
      .map((r) => ({ at: r.refusedAt ?? r.madeAt, kind: r.change.kind, refusal: r.refusal ?? '' }))
  }

  /** This desk's desk events not yet read back from the log, oldest first. */
  waitingEvents(): ReturnType<DeskEventStore['waiting']> {
    return this.#d.store.waiting()
  }

  /** One desk event read from the log at `seq`, inside the caller's transaction. */
  applyInTx(event: DeskEventBody, seq: number): DeskTouched {
    const { store } = this.#d
    // This desk's own event is back: its field no longer waits.
    store.settle(event.key)
    const { field, value } = fieldOf(event.change)
    const held = store.field(field)
    if (held && held.seq >= seq) return { uids: [], clientIds: [] }
    store.setField(field, seq, value)
    return this.#land(event.change, this.#pendingFields())
  }

  /**
   * The branch's desk state as the relay keeps it (GET /v1/desk-state), for a desk that cannot
   * rebuild it from the log (new, wiped, or away longer than the log is kept). Each field's latest
   * event is applied by the same rule as from the log, at its seq: so a field this desk changed
   * and has not sent yet stays this desk's (it still goes out, and the relay's later seq decides),
   * and an event of the log read again after it changes nothing (its seq is not later). Runs in
   * one transaction and announces what changed; returns the entries it could not read.
   */
  applyState(state: DeskStateAnswer): { applied: number; unreadable: string[] } {
    if (!this.#d.enabled) return { applied: 0, unreadable: [] }
    const unreadable: string[] = []
    const touched = this.transaction(() => {
      // What this desk sent up to asOf is in the state (or overtaken): it waits no more, and
      // its fields take the state's values.
      this.#d.store.settleSentThrough(state.asOf)
      const all: DeskTouched = { uids: [], clientIds: [] }
      for (const entry of [...state.entries].sort((a, b) => a.seq - b.seq)) {
        const read = checkDeskEvent(entry.event)
        if (!read.ok || entry.seq > state.asOf) {
          unreadable.push(read.ok ? `seq ${entry.seq} is past ${state.asOf}` : read.why)
          continue
        }
        const one = this.applyInTx(read.event, entry.seq)
        all.uids.push(...one.uids)
        all.clientIds.push(...one.clientIds)
      }
      return all
    })
    this.announce(touched)
    return { applied: state.entries.length - unreadable.length, unreadable }
  }

  /**
   * Bookings Cal.com's news just wrote (inside the caller's transaction): desk-owned values the
   * log gave before the desk knew the booking, or gave the booking it was rescheduled from, land
   * on it (and on the bookings rescheduled from it) now. Returns the uids it changed.
   */
  overlayInTx(uids: readonly string[]): string[] {
    if (!this.#d.enabled || uids.length === 0) return []
    let pending: Set<string> | undefined
    const changed = new Set<string>()
    for (const uid of new Set(uids.flatMap((u) => this.#withDescendants(u)))) {
      for (const kind of Object.keys(BOOKING_FIELDS) as BookingFieldKind[]) {
        const chain = this.#chain(uid)
        if (!chain.some((u) => this.#d.store.field(BOOKING_FIELDS[kind](u)))) continue
        pending ??= this.#pendingFields()
        if (this.#refresh(uid, kind, chain, pending, false)) changed.add(uid)
      }
    }
    return [...changed]
  }

  /** After the commit: the UI and the other modules hear of what desk events changed. */
  announce(touched: DeskTouched): void {
    if (touched.uids.length) this.#d.appointments.announce([...new Set(touched.uids)])
    if (touched.clientIds.length)
      this.#d.events.emit('clientsChanged', {
        clientIds: [...new Set(touched.clientIds)],
        all: false,
      })
  }

  #pendingFields(): Set<string> {
    return new Set(this.#d.store.waiting().map((row) => fieldOf(row.change).field))
  }

  /** Shows a field's new value, unless this desk's own change to it still waits. */
  #land(change: DeskChange, pending: ReadonlySet<string>): DeskTouched {
    const none = { uids: [], clientIds: [] }
    switch (change.kind) {
      case 'visit':
      case 'walk_in':
      case 'booking_notes': {
        // The booking and every booking rescheduled from it show the value that now holds.
        const uids = this.#withDescendants(change.bookingUid).filter((uid) =>
          this.#refresh(uid, change.kind, this.#chain(uid), pending, true),
        )
        return { uids, clientIds: [] }
      }
      case 'note_put':
        return this.#putNote(change, pending)
      case 'note_removed': {
        const note = this.#d.clients.note(change.noteId)
        if (!note || note.removedAt !== null) return none
        this.#d.clients.removeNote(note.id, this.#now())
        return { uids: [], clientIds: this.#owner(note.clientKey) }
      }
    }
  }

  /**
   * Shows on one booking the value of a desk field that holds for it: the latest seq along its
   * reschedule chain, unless this desk's own change to that field along the chain still waits.
   * Returns whether the row changed.
   */
  #refresh(
    uid: string,
    kind: BookingFieldKind,
    chain: readonly string[],
    pending: ReadonlySet<string>,
    withHistory: boolean,
  ): boolean {
    const { appointments, db, store } = this.#d
    const row = appointments.rowByUid(uid)
    if (!row) return false
    const fields = chain.map((u) => BOOKING_FIELDS[kind](u))
    if (fields.some((f) => pending.has(f))) return false
    let held: { seq: number; value: unknown } | undefined
    for (const f of fields) {
      const v = store.field(f)
      if (v && (!held || v.seq > held.seq)) held = v
    }
    if (!held) return false
    switch (kind) {
      case 'visit': {
        const state = held.value as VisitState
        if (row.visitState === state) return false
        appointments.patchInTx(
          db,
          uid,
          { visitState: state },
          withHistory ? { code: 'visit_changed', params: { state } } : undefined,
        )
        return true
      }
      case 'walk_in': {
        const walkIn = held.value as boolean
        if (row.walkIn === walkIn) return false
        appointments.patchInTx(db, uid, { walkIn })
        return true
      }
      case 'booking_notes': {
        const notes = held.value as string | null
        if (row.deskNotes === notes) return false
        appointments.patchInTx(
          db,
          uid,
          { deskNotes: notes },
          withHistory ? { code: 'desk_notes_changed', params: {} } : undefined,
        )
        return true
      }
    }
  }

  /** The booking and those it was rescheduled from, newest first (Cal.com's chain). */
  #chain(uid: string): string[] {
    const chain = [uid]
    let from = this.#d.appointments.rowByUid(uid)?.rescheduledFromUid
    while (from && !chain.includes(from) && chain.length < MAX_CHAIN) {
      chain.push(from)
      from = this.#d.appointments.rowByUid(from)?.rescheduledFromUid
    }
    return chain
  }

  /** The booking and those rescheduled from it, oldest first. */
  #withDescendants(uid: string): string[] {
    const out = [uid]
    let to = this.#d.appointments.rowByUid(uid)?.rescheduledToUid
    while (to && !out.includes(to) && out.length < MAX_CHAIN) {
      out.push(to)
      to = this.#d.appointments.rowByUid(to)?.rescheduledToUid
    }
    return out
  }

  #putNote(change: NoteValue, pending: ReadonlySet<string>): DeskTouched {
    const { clients } = this.#d
    const note = clients.note(change.noteId)
    const now = this.#now()
    if (!note) {
      clients.addNote({
        id: change.noteId,
        branchId: this.#d.branchId(),
        clientKey: change.clientKey,
        kind: change.noteKind,
        text: change.text,
        person: change.author ? { id: change.author.personId, name: change.author.name } : null,
        at: now,
      })
      // Removed before this desk heard of it (the log's order makes this rare): kept as removed.
      if (this.#d.store.field(noteRemovedField(change.noteId)))
        clients.removeNote(change.noteId, now)
      return { uids: [], clientIds: this.#owner(change.clientKey) }
    }
    if (note.removedAt !== null || pending.has(noteField(note.id)) || note.text === change.text)
      return { uids: [], clientIds: [] }
    clients.changeNote(note.id, change.text, now)
    return { uids: [], clientIds: this.#owner(note.clientKey) }
  }

  #owner(clientKey: string): number[] {
    const id = this.#d.clients.ownerOf(this.#d.branchId(), clientKey)
    return id === undefined ? [] : [id]
  }
}
