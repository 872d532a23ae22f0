// `POST /v1/desk-events` (DESIGN.md §9), once per storage engine: a desk-owned change joins the
// posting device's channel log, in order with Cal.com's deliveries, once per key, and never
// reaches or reveals anything of another branch's channel.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskEventResponse } from '../../src/shared/relay/desk-events.js'
import type { EventsResponse, RelayError } from '../../src/shared/relay/relay-contract.js'
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

describe.each(ENGINES)('desk events on %s', (engine) => {
  let h: Harness
  let a: SeededChannel
  let b: SeededChannel
  let deskA1: { token: string; id: string }
  let deskA2: { token: string; id: string }
  let deskB: { token: string; id: string }

  beforeAll(async () => {
    h = await startHarness(engine)
    a = await seedChannel(h.storage)
    b = await seedChannel(h.storage)
    const seeded = async (channelId: string) => {
      const d = await seedDevice(h.storage, channelId)
      return { token: d.token, id: d.device.id }
    }
    deskA1 = await seeded(a.channel.id)
    deskA2 = await seeded(a.channel.id)
    deskB = await seeded(b.channel.id)
  })
  afterAll(async () => h?.close())

  const post = (token: string | null, payload: unknown) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/desk-events',
      headers: token ? auth(token) : {},
      payload: payload as Record<string, unknown>,
    })
  const read = async (token: string, after = 0) => {
    const res = await h.app.inject({ url: `/v1/events?after=${after}`, headers: auth(token) })
    expect(res.statusCode).toBe(200)
    return res.json<EventsResponse>()
  }
  const visit = (bookingUid: string, state = 'ARRIVED') => ({
    key: `k-${randomUUID()}`,
    madeAt: '2026-03-10T10:02:00.000Z',
    change: { kind: 'visit', bookingUid, state },
  })

  it('appends the change to the channel log, after the deliveries before it, for every desk of the branch', async () => {
    const body = bookingBody('before')
    await h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${a.channel.id}`,
      headers: signedHeaders(a.secret, body),
      payload: body,
    })
    const sent = visit('booking-1')
    const res = await post(deskA1.token, sent)
    expect(res.statusCode).toBe(200)
    const answer = res.json<DeskEventResponse>()
    expect(answer.duplicate).toBe(false)

    // The other desk of the branch, and the author itself, read it from the log.
    for (const token of [deskA2.token, deskA1.token]) {
      const { events } = await read(token)
      expect(events.map((e) => e.contentType)).toEqual([
        'application/json',
        'application/vnd.frontdesk.desk-event+json',
      ])
      const last = events.at(-1)!
      expect(last.seq).toBe(answer.seq)
      expect(JSON.parse(last.body)).toEqual({
        triggerEvent: 'FRONTDESK_DESK_EVENT',
        key: sent.key,
        deviceId: deskA1.id,
        madeAt: sent.madeAt,
        change: sent.change,
      })
    }
  })

  it('is one event per key: a retry answers the first seq and adds nothing to the log', async () => {
    const sent = visit('booking-2', 'IN_SERVICE')
    const first = (await post(deskA1.token, sent)).json<DeskEventResponse>()
    const again = await post(deskA1.token, sent)
    expect(again.statusCode).toBe(200)
    expect(again.json<DeskEventResponse>()).toEqual({ seq: first.seq, duplicate: true })
    const { events } = await read(deskA2.token, first.seq - 1)
    expect(events.map((e) => e.seq)).toEqual([first.seq])
  })

  it("keeps branches apart: another branch's desk neither sees the event nor learns of its key", async () => {
    const sent = visit('booking-3')
    const inA = (await post(deskA1.token, sent)).json<DeskEventResponse>()
    expect((await read(deskB.token)).events).toEqual([])

    // The same key on the other branch is that branch's own first event, not a duplicate.
    const inB = await post(deskB.token, sent)
    expect(inB.json<DeskEventResponse>()).toEqual({ seq: 1, duplicate: false })
    const { events } = await read(deskA2.token, inA.seq)
    expect(events).toEqual([])

    // Naming another channel in the body is refused, not obeyed.
    const aimed = await post(deskB.token, { ...visit('booking-3'), channelId: a.channel.id })
    expect(aimed.statusCode).toBe(400)
    expect(aimed.json<RelayError>().code).toBe('VALIDATION_FAILED')
  })

  it('refuses a missing token and every malformed change with a code naming the field', async () => {
    expect((await post(null, visit('x'))).statusCode).toBe(401)
    const cases: Array<[unknown, string]> = [
      [{ ...visit('x'), change: { kind: 'visit', bookingUid: 'x', state: 'GONE' } }, 'change'],
      [{ ...visit('x'), key: 'has spaces' }, 'key'],
      [{ ...visit('x'), madeAt: 'yesterday' }, 'madeAt'],
      [
        {
          ...visit('x'),
          change: { kind: 'note_removed', noteId: 'not-a-uuid' },
        },
        'change',
      ],
    ]
    for (const [payload, field] of cases) {
      const res = await post(deskA1.token, payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      const error = res.json<RelayError>()
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.field).toContain(`body/${field}`)
    }
    // The pattern alone let these through: a month 13, a Feb 30, a leap second JavaScript
    // cannot read. Each is refused as any bad field is, and nothing joins the log.
    const before = await read(deskA2.token)
    for (const madeAt of [
      '2026-13-10T10:02:00.000Z',
      '2026-02-30T10:02:00Z',
      '2026-06-30T23:59:60Z',
    ]) {
      const res = await post(deskA1.token, { ...visit('x'), madeAt })
      expect(res.statusCode, madeAt).toBe(400)
      expect(res.json<RelayError>()).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'body/madeAt must match format "date-time"',
        field: 'body/madeAt',
      })
    }
    expect(await read(deskA2.token)).toEqual(before)
    const leapDay = await post(deskA1.token, { ...visit('x'), madeAt: '2028-02-29T10:02:00Z' })
    expect(leapDay.statusCode).toBe(200)

    const hidden = await post(deskA1.token, {
      ...visit('x'),
      change: {
        kind: 'note_put',
        noteId: randomUUID(),
        clientKey: 'email:ana@example.com',
        noteKind: 'alert',
        text: 'latex\u0007',
        author: null,
      },
    })
    expect(hidden.statusCode).toBe(400)
    expect(hidden.json<RelayError>()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'body/change/text',
    })
  })
})
