// The branch's clients, kept up to date as bookings arrive: every change to appointments (the
// inbox, reconcile, the desk's own actions, the outbox's answers all announce on the desk's
// events) is matched to its client by the rules in client-identity.ts, and only the clients it
// touched are recounted and re-indexed. A full derivation runs once, for appointments no client
// holds yet (after the upgrade that brought clients), or when asked to derive them again; the
// merges receptionists made by hand are replayed on top, so they are never lost.
import type { Logger } from 'pino'
import type { ClientNoteKind } from '../../../shared/api/clients'
import type { AppointmentStore } from '../appointments/appointment-store'
import { actingPerson } from '../audit/acting-person'
import { DeskError } from '../errors/desk-error'
import { ValidationError } from '../errors/validation-error'
import type { DeskEvents } from '../events/desk-events'
import {
  allKeys,
  identityKeys,
  phoneSearchForms,
  primaryKey,
  resolveClient,
} from './client-identity'
import type { SharedState } from '../shared-state/shared-state'
import type { AttendeeOfAppointment, ClientStore } from './client-store'

/** Appointments read per round when deriving many at once. */
const DERIVE_BATCH = 5000
/** Clients recounted and re-indexed per turn of the event loop (about a third of a second). */
const REFRESH_BATCH = 1000
/** Beyond this many clients in one change, the live stream says "all" instead of naming them. */
const MOST_NAMED = 50

export interface ClientDirectoryDeps {
  clients: ClientStore
  appointments: AppointmentStore
  events: DeskEvents
  logger: Logger
  now?: () => number
  /** Notes and alerts become desk events for the branch's other desks (DESIGN.md §9). */
  shared?: Pick<SharedState, 'record' | 'transaction'>
}

export class ClientDirectory {
  readonly #d: ClientDirectoryDeps
  readonly #now: () => number
  #stopped = false

  constructor(deps: ClientDirectoryDeps) {
    this.#d = deps
    this.#now = deps.now ?? Date.now
  }

  /**
   * Follows every appointment change; `catchUpInBackground` then derives the clients of
   * appointments that have none. Returns the stop.
   */
  start(): () => void {
    const off = this.#d.events.on('appointmentsChanged', ({ uids }) => {
      try {
        this.assign(uids)
      } catch (err) {
        // The booking itself is stored; its client is derived at the next start.
        this.#d.logger.error({ err, uids: uids.length }, 'matching bookings to clients failed')
      }
    })
    return () => {
      this.#stopped = true
      off()
    }
  }

  /**
   * Derives the clients of appointments that have none (after an upgrade that is the whole
   * history) a batch per turn of the event loop, so the desk answers meanwhile. Started once the
   * desk listens: at a million bookings even one batch would delay its first answer.
   */
  catchUpInBackground(): void {
    void this.#catchUpInTurns(() => this.#stopped).catch((err: unknown) =>
      this.#d.logger.error({ err }, 'deriving clients from bookings failed'),
    )
  }

  async #catchUpInTurns(stopped: () => boolean): Promise<void> {
    const { clients } = this.#d
    const turn = () => new Promise((resolve) => setImmediate(resolve))
    // Requests already waiting go first.
    await turn()
    if (stopped()) return
    const touched = new Set<number>(clients.uncounted())
    let done = 0
    while (!stopped()) {
      const rows = clients.unassigned(DERIVE_BATCH)
      if (rows.length === 0) break
      for (const id of clients.transaction(() => this.#assignRows(rows))) touched.add(id)
      done += rows.length
      await turn()
    }
    // Counted and indexed once each at the end, not once per batch they appeared in.
    const ids = [...touched]
    for (let i = 0; i < ids.length && !stopped(); i += REFRESH_BATCH) {
      clients.transaction(() => this.#refresh(ids.slice(i, i + REFRESH_BATCH)))
      await turn()
    }
    if (done > 0 && !stopped()) {
      this.#d.logger.info(
        { appointments: done, clients: ids.length },
        'clients derived from bookings',
      )
      this.#announce([], true)
    }
  }

  /** Matches these appointments to their clients; returns the clients touched. */
  assign(uids: readonly string[]): number[] {
    const { clients } = this.#d
    const touched = clients.transaction(() => {
      const rows = uids.flatMap((uid) => clients.attendeeOf(uid) ?? [])
      const ids = this.#assignRows(rows)
      this.#refresh([...ids])
      return ids
    })
    this.#announce([...touched])
    return [...touched]
  }

  /** Matches every appointment no client holds yet, at once; returns how many there were. */
  catchUp(): number {
    const { clients } = this.#d
    const done = clients.transaction(() => this.#deriveMissing())
    if (done > 0) {
      this.#d.logger.info({ appointments: done }, 'clients derived from bookings')
      this.#announce([], true)
    }
    return done
  }

  /** Derives the branch's clients from its bookings again, then replays the merges made by hand. */
  rebuild(branchId: number): void {
    const { clients, appointments } = this.#d
    clients.transaction(() => {
      appointments.unlinkClients(branchId)
      clients.forgetDerived(branchId)
      this.#deriveMissing()
      for (const merge of clients.merges(branchId)) {
        const into = clients.byKey(branchId, merge.intoKey)
        const from = clients.byKey(branchId, merge.fromKey)
        if (into && from && into.id !== from.id) this.#fold(into.id, from.id)
      }
    })
    this.#announce([], true)
  }

  /** A receptionist says `fromId` is the same person as `intoId`: one client from now on. */
  merge(intoId: number, fromId: number): void {
    const { clients } = this.#d
    if (intoId === fromId) {
      throw new ValidationError('from', 'same_client', 'A client cannot be merged with itself')
    }
    const into = clients.byId(intoId)
    const from = clients.byId(fromId)
    if (!into) throw new DeskError('NOT_FOUND', `No client ${intoId}`, 'id')
    if (!from || from.branchId !== into.branchId) {
      throw new DeskError('NOT_FOUND', `No client ${fromId}`, 'from')
    }
    clients.transaction(() => {
      clients.recordMerge(
        into.branchId,
        { fromKey: from.clientKey, intoKey: into.clientKey },
        actingPerson()?.person ?? null,
      )
      this.#fold(into.id, from.id)
    })
    this.#announce([into.id, from.id])
  }

  addNote(clientId: number, kind: ClientNoteKind, text: string): string {
    const { clients } = this.#d
    const client = clients.byId(clientId)
    if (!client) throw new DeskError('NOT_FOUND', `No client ${clientId}`, 'id')
    const person = actingPerson()?.person ?? null
    const id = this.#shared(() => {
      const id = clients.addNote({
        branchId: client.branchId,
        clientKey: client.clientKey,
        kind,
        text: text.trim(),
        person,
        at: this.#now(),
      })
      this.#d.shared?.record({
        kind: 'note_put',
        noteId: id,
        clientKey: client.clientKey,
        noteKind: kind,
        text: text.trim(),
        author: person ? { personId: person.id, name: person.name } : null,
      })
      return id
    })
    this.#announce([clientId])
    return id
  }

  changeNote(clientId: number, noteId: string, text: string): void {
    const note = this.#noteOf(clientId, noteId)
    this.#shared(() => {
      this.#d.clients.changeNote(noteId, text.trim(), this.#now())
      this.#d.shared?.record({
        kind: 'note_put',
        noteId,
        clientKey: note.clientKey,
        noteKind: note.kind,
        text: text.trim(),
        author:
          note.authorPersonId && note.authorName
            ? { personId: note.authorPersonId, name: note.authorName }
            : null,
      })
    })
    this.#announce([clientId])
  }

  removeNote(clientId: number, noteId: string): void {
    this.#noteOf(clientId, noteId)
    this.#shared(() => {
      this.#d.clients.removeNote(noteId, this.#now())
      this.#d.shared?.record({ kind: 'note_removed', noteId })
    })
    this.#announce([clientId])
  }

  /** The note's write and its desk event in one transaction (just the write without a relay). */
  #shared<T>(fn: () => T): T {
    return this.#d.shared ? this.#d.shared.transaction(fn) : fn()
  }

  /** The live note of this client, or NOT_FOUND naming the note. */
  #noteOf(clientId: number, noteId: string) {
    const { clients } = this.#d
    const client = clients.byId(clientId)
    if (!client) throw new DeskError('NOT_FOUND', `No client ${clientId}`, 'id')
    const note = clients.note(noteId)
    const keys = new Set(clients.keysOf(clientId))
    if (!note || note.removedAt !== null || !keys.has(note.clientKey)) {
      throw new DeskError('NOT_FOUND', `No note ${noteId} on client ${clientId}`, 'noteId')
    }
    return note
  }

  /** Inside a transaction: matches the rows, returns every client whose bookings changed. */
  #assignRows(rows: readonly AttendeeOfAppointment[]): Set<number> {
    const { clients, appointments } = this.#d
    const touched = new Set<number>()
    for (const row of rows) {
      const keys = identityKeys(row)
      let id = resolveClient(keys, (key) => clients.ownerOf(row.branchId, key))
      const own = allKeys(keys)
      if (id === null) {
        // A name of only symbols identifies no one: the booking is a client of its own.
        const key = primaryKey(keys) ?? `u:${row.uid}`
        id = clients.create(row.branchId, row, key)
        if (!own.includes(key)) own.push(key)
      }
      clients.addKeys(row.branchId, id, own)
      if (row.clientId !== id) {
        appointments.linkClient(row.uid, id)
        if (row.clientId !== null) touched.add(row.clientId)
      }
      touched.add(id)
    }
    return touched
  }

  /** Inside a transaction: every appointment without a client, in rounds; refreshes at the end. */
  #deriveMissing(): number {
    const { clients } = this.#d
    const touched = new Set<number>()
    let done = 0
    for (;;) {
      const rows = clients.unassigned(DERIVE_BATCH)
      if (rows.length === 0) break
      for (const id of this.#assignRows(rows)) touched.add(id)
      done += rows.length
    }
    this.#refresh([...touched])
    return done
  }

  /** Inside a transaction: `fromId`'s bookings and keys (so its notes) become `intoId`'s. */
  #fold(intoId: number, fromId: number): void {
    const { clients, appointments } = this.#d
    appointments.relinkClient(fromId, intoId)
    clients.absorb(intoId, fromId)
    this.#refresh([intoId])
  }

  /** Inside a transaction: recounts the clients and indexes every spelling, email and phone form. */
  #refresh(ids: readonly number[]): void {
    const { clients } = this.#d
    const present = ids.filter((id) => clients.byId(id))
    for (const id of present) clients.refresh(id)
    // After the recount: a search row's place follows the client's latest booking.
    clients.index(
      present.map((id) => {
        const used = clients.identities(id)
        return {
          id,
          names: used.names.join(' '),
          emails: used.emails.join(' '),
          phones: used.phones.flatMap(phoneSearchForms).join(' '),
        }
      }),
    )
  }

  #announce(ids: readonly number[], all = false): void {
    if (!all && ids.length === 0) return
    const many = all || ids.length > MOST_NAMED
    this.#d.events.emit('clientsChanged', { clientIds: many ? [] : ids, all: many })
  }
}
