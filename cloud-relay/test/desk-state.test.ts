// `GET /v1/desk-state` (DESIGN.md §9), once per storage engine: the branch's desk-owned state as
// the relay keeps it beside the log — per field the desk event that set it last, notes edited and
// removed as they were — for the device's own channel only, and still whole after retention has
// pruned every desk event from the log.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskChange, DeskEventResponse } from '../../src/shared/relay/desk-events.js'
import type { DeskStateResponse } from '../../src/shared/relay/desk-state.js'
import {
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
  type SeededChannel,
} from './helpers.js'

describe.each(ENGINES)('desk state on %s', (engine) => {
  let h: Harness
  let a: SeededChannel
  let b: SeededChannel
  let deskA1: string
  let deskA2: string
  let deskB: string

  beforeAll(async () => {
    h = await startHarness(engine)
    a = await seedChannel(h.storage)
    b = await seedChannel(h.storage)
    deskA1 = (await seedDevice(h.storage, a.channel.id)).token
    deskA2 = (await seedDevice(h.storage, a.channel.id)).token
    deskB = (await seedDevice(h.storage, b.channel.id)).token
  })
  afterAll(async () => h?.close())

  const post = async (token: string, change: DeskChange, key = `k-${randomUUID()}`) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/desk-events',
      headers: auth(token),
      payload: { key, madeAt: '2026-03-10T10:02:00.000Z', change },
    })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<DeskEventResponse>().seq
  }
  const state = async (token: string) => {
    const res = await h.app.inject({ url: '/v1/desk-state', headers: auth(token) })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<DeskStateResponse>()
  }
  /** The state as a desk would read it: each entry's seq and change. */
  const changes = (s: DeskStateResponse) => s.entries.map((e) => [e.seq, e.event.change])

  const noteId = randomUUID()
  const alertId = randomUUID()
  const note = (id: string, text: string, noteKind: 'note' | 'alert' = 'note'): DeskChange => ({
    kind: 'note_put',
    noteId: id,
    clientKey: 'email:nora@example.com',
    noteKind,
    text,
    author: { personId: 'p1', name: 'Ana' },
  })

  it('answers, per field, the desk event that set it last, as of the channel’s last seq', async () => {
    const hook = bookingBody()
    await h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${a.channel.id}`,
      headers: signedHeaders(a.secret, hook),
      payload: hook,
    })
    await post(deskA1, { kind: 'visit', bookingUid: 'bk-1', state: 'ARRIVED' })
    const inService = await post(deskA2, { kind: 'visit', bookingUid: 'bk-1', state: 'IN_SERVICE' })
    const walkIn = await post(deskA1, { kind: 'walk_in', bookingUid: 'bk-1', walkIn: true })
    await post(deskA1, note(noteId, 'Prefers Liam'))
    const edited = await post(deskA2, note(noteId, 'Prefers Liam, mornings only'))
    const alert = await post(deskA1, note(alertId, 'Allergic to latex', 'alert'))
    const gone = randomUUID()
    const put = await post(deskA1, note(gone, 'Wrong client'))
    const removed = await post(deskA2, { kind: 'note_removed', noteId: gone })
    const notes = await post(deskA1, { kind: 'booking_notes', bookingUid: 'bk-1', notes: 'Late' })
    // A retry of an earlier key is the same event: it changes nothing.
    const retryKey = `k-${randomUUID()}`
    const done = await post(deskA1, { kind: 'visit', bookingUid: 'bk-2', state: 'DONE' }, retryKey)
    await post(deskA1, { kind: 'visit', bookingUid: 'bk-2', state: 'DONE' }, retryKey)

    for (const token of [deskA1, deskA2]) {
      const s = await state(token)
      expect(s.asOf).toBe(done)
      expect(changes(s)).toEqual([
        [inService, { kind: 'visit', bookingUid: 'bk-1', state: 'IN_SERVICE' }],
        [walkIn, { kind: 'walk_in', bookingUid: 'bk-1', walkIn: true }],
        [edited, note(noteId, 'Prefers Liam, mornings only')],
        [alert, note(alertId, 'Allergic to latex', 'alert')],
        // A removed note keeps its content and its removal: the desk applies both, the removal final.
        [put, note(gone, 'Wrong client')],
        [removed, { kind: 'note_removed', noteId: gone }],
        [notes, { kind: 'booking_notes', bookingUid: 'bk-1', notes: 'Late' }],
        [done, { kind: 'visit', bookingUid: 'bk-2', state: 'DONE' }],
      ])
    }
    // Each entry is the event as the log carried it: its key and author device with it.
    const s = await state(deskA2)
    expect(s.entries.find((e) => e.seq === done)?.event).toMatchObject({
      triggerEvent: 'FRONTDESK_DESK_EVENT',
      key: retryKey,
      madeAt: '2026-03-10T10:02:00.000Z',
    })
  })

  it("never shows one branch's state to another branch's desk", async () => {
    expect(await state(deskB)).toEqual({ asOf: 0, entries: [] })
    const own = await post(deskB, { kind: 'visit', bookingUid: 'bk-1', state: 'DONE' })
    expect(changes(await state(deskB))).toEqual([
      [own, { kind: 'visit', bookingUid: 'bk-1', state: 'DONE' }],
    ])
    const inA = await state(deskA1)
    expect(inA.entries.find((e) => e.event.change.kind === 'visit')?.event.change).toMatchObject({
      state: 'IN_SERVICE',
    })
    expect(inA.entries.every((e) => e.seq <= inA.asOf)).toBe(true)
  })

  it('keeps the whole state when retention prunes every desk event from the log', async () => {
    const before = await state(deskA1)
    expect(before.entries.length).toBeGreaterThan(0)
    const deleted = await h.storage.prune({
      now: new Date(Date.now() + 15 * 86_400_000),
      maxAgeMs: 14 * 86_400_000,
      minAgeMs: 0,
    })
    expect(deleted).toBeGreaterThan(0)
    const log = await h.app.inject({ url: '/v1/events?after=0', headers: auth(deskA1) })
    expect(log.statusCode).toBe(410)
    expect(await state(deskA1)).toEqual(before)

    // And it goes on from there: a later change still replaces its field.
    const later = await post(deskA2, { kind: 'visit', bookingUid: 'bk-1', state: 'DONE' })
    const after = await state(deskA1)
    expect(after.asOf).toBe(later)
    expect(changes(after).filter(([, c]) => (c as DeskChange).kind === 'visit')).toEqual([
      [before.asOf, { kind: 'visit', bookingUid: 'bk-2', state: 'DONE' }],
      [later, { kind: 'visit', bookingUid: 'bk-1', state: 'DONE' }],
    ])
  })

  it('leaves out an entry of a kind this relay does not know and serves the rest', async () => {
    // As a relay rolled back past a version that knew that kind would hold it.
    const before = await state(deskB)
    await h.storage.ingest([
      {
        channelId: b.channel.id,
        body: Buffer.from(
          JSON.stringify({
            triggerEvent: 'FRONTDESK_DESK_EVENT',
            key: 'from-a-newer-relay',
            deviceId: 'dev_newer',
            madeAt: '2026-03-10T10:05:00.000Z',
            change: { kind: 'loyalty_stamp', bookingUid: 'bk-9' },
          }),
        ),
        bodySha256: `newer-${randomUUID()}`,
        contentType: 'application/vnd.frontdesk.desk-event+json',
        headers: {},
        receivedAt: new Date(),
        deskField: 'loyalty:bk-9',
      },
    ])
    const after = await state(deskB)
    expect(after.asOf).toBeGreaterThan(before.asOf)
    expect(after.entries).toEqual(before.entries)
  })

  it('wants the device token', async () => {
    const res = await h.app.inject({ url: '/v1/desk-state' })
    expect(res.statusCode).toBe(401)
    const bad = await h.app.inject({ url: '/v1/desk-state?channelId=x', headers: auth(deskA1) })
    expect(bad.statusCode).toBe(400)
  })
})
