// Desk events applied from the relay log on a real desk's SQLite file (DESIGN.md §9): per field
// the later relay seq wins whatever order they are read in, this desk's own waiting change is not
// overwritten by older news, a value for a booking not yet known lands when Cal.com's news of it
// does, notes and alerts are never lost or doubled (a removal is final), and a booking Cal.com
// rescheduled to a new uid keeps its visit state, walk-in flag and desk notes at every desk.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDataDir, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { DeskChange, DeskEventBody } from '../../../shared/relay/desk-events'
import { mapWebhookBody } from '../appointments/booking-mapping'
import { stamped } from '../appointments/webhook-examples.test-support'
import { DeskEventStore } from './desk-event-store'

let desk: TempDesk

beforeAll(async () => {
  // A relay that never answers: desk events are queued, never sent, in this file.
  desk = await startTempDesk({
    dataDir: makeDataDir(),
    env: { FRONTDESK_RELAY_URL: 'http://127.0.0.1:9' },
  })
})
afterAll(() => desk?.dispose())

let seq = 1000
const other = (change: DeskChange): DeskEventBody => ({
  triggerEvent: 'FRONTDESK_DESK_EVENT',
  key: `other-${randomUUID()}`,
  deviceId: 'dev_other',
  madeAt: new Date().toISOString(),
  change,
})
/** Applies desk events at the given seqs, in the order given, each in its own transaction. */
const apply = (...events: Array<[DeskEventBody, number]>) => {
  const { shared, db } = desk.services
  for (const [event, at] of events) {
    const touched = db.transaction(() => shared.applyInTx(event, at))
    shared.announce(touched)
  }
}
const book = async (uid: string, example = 'booking_created.json', extra = {}) => {
  await desk.services.sync.applier.applyRelayPage(
    [
      {
        mapped: mapWebhookBody(
          stamped(example, new Date().toISOString(), {
            uid,
            ...extra,
          }),
        ),
        relay: { seq: ++seq, receivedAt: Date.now() },
      },
    ],
    { client: null },
  )
  expect(desk.services.appointments.rowByUid(uid)).toBeDefined()
}
const row = (uid: string) => desk.services.appointments.rowByUid(uid)!

describe('desk events from the log', () => {
  it('per field the later relay seq wins, whatever order the events are read in', async () => {
    await book('lww-a')
    const visit = (state: 'ARRIVED' | 'IN_SERVICE' | 'DONE') =>
      other({ kind: 'visit', bookingUid: 'lww-a', state })
    apply([visit('IN_SERVICE'), 12], [visit('ARRIVED'), 11])
    expect(row('lww-a').visitState).toBe('IN_SERVICE')
    apply([visit('DONE'), 13])
    expect(row('lww-a').visitState).toBe('DONE')
    // Another field of the same booking is its own: an older seq there still applies.
    apply([other({ kind: 'walk_in', bookingUid: 'lww-a', walkIn: true }), 5])
    expect(row('lww-a')).toMatchObject({ visitState: 'DONE', walkIn: true })
  })

  it("does not let older news overwrite this desk's waiting change, which wins when it comes back", async () => {
    await book('lww-b')
    desk.services.actions.visit('lww-b', { state: 'ARRIVED' }, null)
    const [mine] = desk.services.shared.waitingEvents()
    expect(mine?.change).toEqual({ kind: 'visit', bookingUid: 'lww-b', state: 'ARRIVED' })
    expect(desk.services.sync.health().queueDepth).toBeGreaterThanOrEqual(1)

    // Another desk's earlier change reaches this desk before its own comes back.
    apply([other({ kind: 'visit', bookingUid: 'lww-b', state: 'IN_SERVICE' }), 20])
    expect(row('lww-b').visitState).toBe('ARRIVED')
    // Its own event, later in the log, settles it: every desk now shows ARRIVED.
    apply([{ ...other(mine!.change), key: mine!.key, deviceId: 'dev_me' }, 21])
    expect(row('lww-b').visitState).toBe('ARRIVED')
    expect(desk.services.shared.waitingEvents()).toEqual([])
  })

  it("keeps a value for a booking the desk has not heard of and shows it when Cal.com's news arrives", async () => {
    apply(
      [other({ kind: 'visit', bookingUid: 'lww-c', state: 'ARRIVED' }), 30],
      [other({ kind: 'walk_in', bookingUid: 'lww-c', walkIn: true }), 31],
    )
    expect(desk.services.appointments.rowByUid('lww-c')).toBeUndefined()
    await book('lww-c')
    expect(row('lww-c')).toMatchObject({ visitState: 'ARRIVED', walkIn: true })
  })

  it('adds a note once however often it is read, edits it by the later seq, and a removal is final', async () => {
    await book('lww-d')
    const { clients } = desk.services
    const client = clients.byId(clients.attendeeOf('lww-d')!.clientId!)!
    const clientKey = client.clientKey
    const noteId = randomUUID()
    const put = (text: string) =>
      other({ kind: 'note_put', noteId, clientKey, noteKind: 'alert', text, author: null })
    const first = put('latex allergy')
    apply([first, 40], [first, 40])
    const notes = () => clients.notesOf(client.id).map((n) => [n.id, n.text])
    expect(notes()).toEqual([[noteId, 'latex allergy']])

    apply([put('latex and nickel'), 42], [put('latex only'), 41])
    expect(notes()).toEqual([[noteId, 'latex and nickel']])

    apply([other({ kind: 'note_removed', noteId }), 43], [put('back again?'), 44])
    expect(notes()).toEqual([])
  })
})

describe('a booking Cal.com rescheduled to a new uid', () => {
  const reschedule = (from: string, to: string) =>
    book(to, 'booking_rescheduled.json', { rescheduleUid: from })

  it('carries its visit state, walk-in flag and desk notes over, and later changes to either uid reach the new one', async () => {
    await book('rs-old')
    apply(
      [other({ kind: 'visit', bookingUid: 'rs-old', state: 'ARRIVED' }), 50],
      [other({ kind: 'walk_in', bookingUid: 'rs-old', walkIn: true }), 51],
      [other({ kind: 'booking_notes', bookingUid: 'rs-old', notes: 'Bring the photo' }), 52],
    )
    await reschedule('rs-old', 'rs-new')
    expect(row('rs-new')).toMatchObject({
      rescheduledFromUid: 'rs-old',
      visitState: 'ARRIVED',
      walkIn: true,
      deskNotes: 'Bring the photo',
    })
    // A desk that had not heard of the reschedule changes the old booking: the new one follows.
    apply([other({ kind: 'visit', bookingUid: 'rs-old', state: 'IN_SERVICE' }), 53])
    expect(row('rs-new').visitState).toBe('IN_SERVICE')
    // A change to the new booking, later at the relay, holds over the old booking's.
    apply([other({ kind: 'visit', bookingUid: 'rs-new', state: 'DONE' }), 54])
    expect(row('rs-new').visitState).toBe('DONE')
  })

  it('ends the same when the desk event comes after the news of the reschedule', async () => {
    await book('rs2-old')
    await reschedule('rs2-old', 'rs2-new')
    expect(row('rs2-new').visitState).toBe('NONE')
    apply(
      [other({ kind: 'booking_notes', bookingUid: 'rs2-old', notes: 'Prefers Liam' }), 60],
      [other({ kind: 'visit', bookingUid: 'rs2-old', state: 'ARRIVED' }), 61],
    )
    expect(row('rs2-new')).toMatchObject({ visitState: 'ARRIVED', deskNotes: 'Prefers Liam' })
  })
})

describe("the relay's desk state, applied by a desk that cannot read the whole log", () => {
  it("takes each field's value by its seq, keeps this desk's unsent change, and a log read after it doubles nothing", async () => {
    await book('st-a')
    await book('st-b')
    const { clients, shared, actions } = desk.services
    const client = clients.byId(clients.attendeeOf('st-a')!.clientId!)!
    const put = (noteId: string, text: string, noteKind: 'note' | 'alert' = 'note') =>
      other({ kind: 'note_put', noteId, clientKey: client.clientKey, noteKind, text, author: null })
    const [noteId, alertId, goneId] = [randomUUID(), randomUUID(), randomUUID()]
    // Made offline at this desk, not yet sent: it must stay this desk's.
    actions.visit('st-b', { state: 'DONE' }, null)
    // Sent earlier and in the state's range: it waits no more once the state is applied.
    const store = new DeskEventStore(desk.services.db)
    shared.transaction(() =>
      shared.record({ kind: 'booking_notes', bookingUid: 'st-a', notes: 'Mine' }),
    )
    const sent = store.waiting().find((e) => e.change.kind === 'booking_notes')!
    store.sent(sent.id, 205)

    const edited = put(noteId, 'Prefers Liam, mornings only')
    const { applied } = shared.applyState({
      asOf: 210,
      entries: [
        { seq: 201, event: other({ kind: 'visit', bookingUid: 'st-a', state: 'ARRIVED' }) },
        { seq: 202, event: other({ kind: 'walk_in', bookingUid: 'st-a', walkIn: true }) },
        { seq: 203, event: edited },
        { seq: 204, event: put(alertId, 'Allergic to latex', 'alert') },
        { seq: 206, event: put(goneId, 'Wrong client') },
        { seq: 207, event: other({ kind: 'note_removed', noteId: goneId }) },
        { seq: 208, event: other({ kind: 'visit', bookingUid: 'st-b', state: 'ARRIVED' }) },
        { seq: 209, event: { ...other(sent.change), key: 'someone-else' } },
      ],
    })
    expect(applied).toBe(8)
    expect(row('st-a')).toMatchObject({ visitState: 'ARRIVED', walkIn: true, deskNotes: 'Mine' })
    expect(row('st-b').visitState).toBe('DONE')
    expect(shared.waitingEvents().map((e) => e.change)).toEqual([
      { kind: 'visit', bookingUid: 'st-b', state: 'DONE' },
    ])
    const notes = () =>
      clients
        .notesOf(client.id)
        .map((n) => [n.kind, n.text])
        .sort()
    expect(notes()).toEqual([
      ['alert', 'Allergic to latex'],
      ['note', 'Prefers Liam, mornings only'],
    ])

    // The log from before the state's seq, read after it (a resync resumes where the relay
    // pruned): nothing it holds is applied twice or turns anything back.
    apply(
      [put(noteId, 'Prefers Liam'), 190],
      [edited, 203],
      [put(goneId, 'Wrong client'), 206],
      [other({ kind: 'visit', bookingUid: 'st-a', state: 'IN_SERVICE' }), 195],
    )
    expect(notes()).toEqual([
      ['alert', 'Allergic to latex'],
      ['note', 'Prefers Liam, mornings only'],
    ])
    expect(row('st-a').visitState).toBe('ARRIVED')
  })
})
