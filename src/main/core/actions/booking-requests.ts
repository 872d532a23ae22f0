// A double submit books once (DESIGN.md §4.3). With an Idempotency-Key, the first answer is kept
// in SQLite, written in the booking's own transaction (so it survives a restart and can never
// exist without its booking, nor the booking without it), and a repeat gets that answer back.
// Without a key, the same client, service and start booked a moment ago is refused with a 409
// that names the booking, unless it was cancelled since.
//
// A booking awaits Cal.com (the slot check) before it writes anything, so whether a request
// repeats another is decided, and the request claimed as under way, synchronously before that
// await: better-sqlite3 answers synchronously and one process owns a data folder (the data-dir
// lock), so no other request can run in between. A repeat that arrives while the first is still
// under way waits for it to finish, then looks again.
import { createHash } from 'node:crypto'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import type { AppointmentRow, AppointmentStore } from '../appointments/appointment-store'
import type { BranchStore } from '../branch/branch-store'
import type { DeskDb } from '../db/open-database'
import { IdempotentRequestStore } from './idempotent-request-store'
import type { DeskTx } from '../outbound/outbox-store'
import { DeskError } from '../errors/desk-error'
import type { ActionResult, BookInput, DeskActions } from './desk-actions'

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key'
/** How long a key's first answer is kept. */
export const KEEP_ANSWERS_MS = 24 * 3600_000
/** How soon after a booking the same one, sent without a key, is taken for a repeat. */
export const REPEAT_WINDOW_MS = 2 * 60_000

const ROUTE = 'POST /api/appointments'
/** A booking in one of these no longer holds its start: booking it again is not a repeat. */
const GONE: AppointmentStatus[] = ['CANCELLED', 'REJECTED', 'RESCHEDULED']

export interface BookingRequestsDeps {
  db: DeskDb
  branches: BranchStore
  appointments: AppointmentStore
  actions: DeskActions
}

export class BookingRequests {
  /** Requests under way, by `key:` and by `client:` fingerprint; the hash is the key's body. */
  readonly #underWay = new Map<string, { hash: string; settled: Promise<unknown> }>()

  readonly #kept: IdempotentRequestStore

  constructor(private readonly d: BookingRequestsDeps) {
    this.#kept = new IdempotentRequestStore(d.db)
  }

  async book(input: BookInput, userId: number | null, key?: string): Promise<ActionResult> {
    const hash = requestHash(input)
    const claims = [...(key === undefined ? [] : [`key:${key}`]), `client:${fingerprint(input)}`]
    for (;;) {
      if (key !== undefined) {
        const kept = this.#keptAnswer(key, hash)
        if (kept) return kept
        const running = this.#underWay.get(`key:${key}`)
        if (running && running.hash !== hash) throw reusedKey()
      } else {
        this.#refuseRepeat(input)
      }
      const busy = claims.map((c) => this.#underWay.get(c)).find((c) => c !== undefined)
      if (!busy) break
      await busy.settled
    }

    // Claimed before anything else runs: the promise is made and stored in this same tick.
    const run = this.d.actions.book(input, userId, (tx, booked) => {
      if (key === undefined) this.#refuseRepeat(input, booked.uid)
      else this.#keep(tx, key, hash, booked)
    })
    const settled = run.then(
      () => undefined,
      () => undefined,
    )
    for (const c of claims) this.#underWay.set(c, { hash, settled })
    try {
      return await run
    } finally {
      for (const c of claims) this.#underWay.delete(c)
    }
  }

  /** The first answer to this key, or undefined if it has none (or it expired). */
  #keptAnswer(key: string, hash: string): ActionResult | undefined {
    const row = this.#kept.kept(key, Date.now() - KEEP_ANSWERS_MS)
    if (!row) return undefined
    if (row.route !== ROUTE || row.requestHash !== hash) throw reusedKey()
    return row.response as ActionResult
  }

  #keep(
    tx: DeskTx,
    key: string,
    hash: string,
    booked: { uid: string; outboxId: number; notice?: string },
  ): void {
    const now = Date.now()
    const response: ActionResult = {
      appointment: this.d.appointments.byUid(booked.uid)!,
      outboxId: booked.outboxId,
      ...(booked.notice ? { notice: booked.notice } : {}),
    }
    this.#kept.keep(
      { key, route: ROUTE, requestHash: hash, status: 202, response },
      now,
      now - KEEP_ANSWERS_MS,
    )
  }

  /** Refuses a booking the same client already has at that start, made within the window. */
  /** Inside the booking's transaction when `except` names the booking just made. */
  #refuseRepeat(input: BookInput, except?: string): void {
    const startsAt = Date.parse(input.start)
    if (Number.isNaN(startsAt)) return
    const who = clientOf(input.attendee)
    const existing = this.d.appointments
      .bookedAt(
        {
          branchId: this.d.branches.current().id,
          startsAt,
          eventTypeId: input.eventTypeId,
          madeSince: Date.now() - REPEAT_WINDOW_MS,
        },
        GONE,
      )
      .find((a) => a.uid !== except && sameClient(who, a))
    if (!existing) return
    const seconds = Math.max(1, Math.round((Date.now() - existing.createdAt) / 1000))
    throw new DeskError(
      'DUPLICATE_BOOKING',
      `${existing.attendeeName} already has this service at ${new Date(startsAt).toISOString()}: ` +
        `booking ${existing.uid}, made ${seconds} s ago. Nothing was booked again; to book a ` +
        `second one on purpose, send a new Idempotency-Key.`,
      undefined,
      existing.uid,
    )
  }
}

const reusedKey = () =>
  new DeskError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was first sent with a different booking; a new booking needs a new key.',
    IDEMPOTENCY_KEY_HEADER,
  )

interface Client {
  by: 'email' | 'phone' | 'name'
  value: string
}

/** Who books: known by email, else phone, else name. */
function clientOf(attendee: BookInput['attendee']): Client {
  if (attendee.email) return { by: 'email', value: normalised('email', attendee.email) }
  if (attendee.phone) return { by: 'phone', value: normalised('phone', attendee.phone) }
  return { by: 'name', value: normalised('name', attendee.name) }
}

function sameClient(client: Client, a: AppointmentRow): boolean {
  const value = {
    email: a.attendeeEmail,
    phone: a.attendeePhone,
    name: a.attendeeName,
  }[client.by]
  return value != null && normalised(client.by, value) === client.value
}

function normalised(by: Client['by'], value: string): string {
  if (by === 'phone') return value.replace(/\D/g, '')
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Same service, same start, same client: the key of a request under way. */
function fingerprint(input: BookInput): string {
  const client = clientOf(input.attendee)
  return `${input.eventTypeId}|${Date.parse(input.start)}|${client.by}:${client.value}`
}

/** SHA-256 of the request in canonical JSON (keys sorted), so key order does not matter. */
function requestHash(input: BookInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
