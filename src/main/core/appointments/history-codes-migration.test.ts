// A desk updated from a version that stored history and outbox reasons as English sentences reads
// every one of them back as a code with params: known sentences as their code, Cal.com's words
// kept as a param, and anything unknown kept word for word under `unrecognised`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HISTORY_CODES } from '../../../shared/api/history-codes'
import { openDatabase, type DeskDb } from '../db/open-database'
import { DRIZZLE, migrationsBefore } from '../db/migrations-before.test-support'
import { DeskEvents } from '../events/desk-events'
import { OutboxStore } from '../outbound/outbox-store'
import { AppointmentStore } from './appointment-store'

const SLOT_TAKEN = 'User either already has booking at this time or is not available'

/** [the sentence the desk used to write, its detail] in the order they happened. */
const OLD_HISTORY: Array<[string, unknown]> = [
  ['created', { status: 'SCHEDULED' }],
  ['booked at the desk', { walkIn: true }],
  ['visit in_service', null],
  ['desk notes changed', null],
  ['marked as a no-show at the desk', { op: 'mark_absent' }],
  ['needs attention', { op: 'create', reason: SLOT_TAKEN }],
  ['mark absent synced', { status: 'accepted', updatedAt: '2026-01-01T00:00:00.000Z' }],
  ['cancel discarded at the desk', { outboxId: 3, kept: 'Cal.com state' }],
  ['retry asked at the desk', null],
  ['found in Cal.com', { status: 'accepted' }],
  ['status SCHEDULED → CANCELLED', { status: 'CANCELLED' }],
  ['status PENDING → SCHEDULED, moved, paid, rescheduled to u-9', { status: 'SCHEDULED' }],
  ['details updated: title, attendees', { status: 'SCHEDULED' }],
  ['moved', { status: 'SCHEDULED' }],
  ['a line no desk version wrote', { x: 1 }],
]

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-history-codes-'))
let db: DeskDb
afterAll(() => {
  db?.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

beforeAll(() => {
  const file = join(dir, 'frontdesk.db')
  const old = openDatabase(file, migrationsBefore(dir, '0004_history_codes'))
  const addHistory = old.$client.prepare(
    "insert into appointment_history (uid, source, change, detail) values ('h-1', 'desk', ?, ?)",
  )
  for (const [change, detail] of OLD_HISTORY)
    addHistory.run(change, detail === null ? null : JSON.stringify(detail))
  const addOutbox = old.$client.prepare(
    "insert into outbox (mutation_id, op, booking_uid, payload, state, last_error) values (?, 'cancel', 'h-1', '{}', ?, ?)",
  )
  addOutbox.run('m-1', 'needs_attention', 'Booking h-1 is in the past and cannot be changed')
  addOutbox.run('m-2', 'needs_attention', 'Something Cal.com never said before')
  addOutbox.run('m-3', 'pending', 'The desk stopped while this was being sent')
  addOutbox.run('m-4', 'pending', 'fetch failed')
  addOutbox.run('m-5', 'done', null)
  old.$client.close()
  db = openDatabase(file, DRIZZLE)
})

describe('migrating history and outbox reasons to codes', () => {
  it('reads every old history sentence back as its code and params', () => {
    const history = new AppointmentStore(db, new DeskEvents()).history('h-1')
    expect(history.map((h) => ({ code: h.code, params: h.params }))).toEqual([
      { code: 'created', params: { status: 'SCHEDULED' } },
      { code: 'booked_at_desk', params: { walkIn: true } },
      { code: 'visit_changed', params: { state: 'IN_SERVICE' } },
      { code: 'desk_notes_changed', params: {} },
      { code: 'no_show_marked_at_desk', params: { op: 'mark_absent' } },
      {
        code: 'needs_attention',
        params: { op: 'create', reason: { code: 'slot_taken', params: { message: SLOT_TAKEN } } },
      },
      {
        code: 'synced_in_calcom',
        params: { op: 'mark_absent', status: 'accepted', updatedAt: '2026-01-01T00:00:00.000Z' },
      },
      {
        code: 'change_discarded_at_desk',
        params: { op: 'cancel', outboxId: 3, kept: 'Cal.com state' },
      },
      { code: 'retry_asked_at_desk', params: {} },
      { code: 'found_in_calcom', params: { status: 'accepted' } },
      {
        code: 'calcom_changed',
        params: { status: 'CANCELLED', statusFrom: 'SCHEDULED', statusTo: 'CANCELLED' },
      },
      {
        code: 'calcom_changed',
        params: {
          status: 'SCHEDULED',
          statusFrom: 'PENDING',
          statusTo: 'SCHEDULED',
          moved: true,
          paid: true,
          rescheduledTo: 'u-9',
        },
      },
      { code: 'calcom_changed', params: { status: 'SCHEDULED', fields: ['title', 'attendees'] } },
      { code: 'calcom_changed', params: { status: 'SCHEDULED', moved: true } },
      {
        code: 'unrecognised',
        params: { text: 'a line no desk version wrote', detail: { x: 1 } },
      },
    ])
    for (const h of history) expect(HISTORY_CODES).toContain(h.code)
  })

  it("reads outbox reasons back as codes, Cal.com's words kept", () => {
    const outbox = new OutboxStore(db)
    const reasons = [1, 2, 3, 4, 5].map((id) => outbox.byId(id)?.lastError)
    expect(reasons).toEqual([
      {
        code: 'in_past',
        params: { message: 'Booking h-1 is in the past and cannot be changed' },
      },
      { code: 'calcom_refused', params: { message: 'Something Cal.com never said before' } },
      { code: 'interrupted', params: {} },
      { code: 'unrecognised', params: { message: 'fetch failed' } },
      null,
    ])
  })
})
