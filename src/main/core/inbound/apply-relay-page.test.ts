// A relay page applied as one transaction (InboundApplier.applyRelayPage), on a real desk's
// SQLite file: the page must end exactly as if each event had been applied on its own —
// redeliveries recorded once, a booking changed twice in a page in its newest state, the cursor
// at the last event applied — and a failure or a restart part-way must neither lose nor repeat
// an event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDataDir, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { LiveEvent } from '../../../shared/api/schemas'
import type { RelayDelivery } from './apply-event'
import { mapWebhookBody } from '../appointments/booking-mapping'
import { stamped } from '../appointments/webhook-examples.test-support'

let desk: TempDesk
const dataDir = makeDataDir()

beforeAll(async () => {
  desk = await startTempDesk({ dataDir })
})
afterAll(() => desk?.dispose())

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString()
const created = (uid: string, t: string) => stamped('booking_created.json', t, { uid })
const cancelled = (uid: string, t: string) => stamped('booking_cancelled.json', t, { uid })
const rescheduled = (from: string, to: string, t: string) =>
  stamped('booking_rescheduled.json', t, { uid: to, rescheduleUid: from })

/** Relay deliveries numbered from `firstSeq`, in order. */
const page = (firstSeq: number, ...bodies: string[]): RelayDelivery[] =>
  bodies.map((body, i) => ({
    mapped: mapWebhookBody(body),
    relay: { seq: firstSeq + i, receivedAt: Date.now() },
  }))

const db = () => desk.services.db
const applyPage = (deliveries: RelayDelivery[]) =>
  desk.services.sync.applier.applyRelayPage(deliveries, { client: null })
const row = (uid: string) => desk.services.appointments.rowByUid(uid)
const changesOf = (uid: string) => desk.services.appointments.history(uid).map((h) => h.code)
const cursor = () => desk.services.sync.health().relay.cursor
/** How many of the deliveries' keys applied_events holds, read from the file as it is. */
const keysStored = (deliveries: RelayDelivery[]) =>
  (
    db()
      .$client.prepare(
        `select count(*) as n from applied_events where event_key in (${deliveries.map(() => '?').join(', ')})`,
      )
      .get(...deliveries.map((d) => d.mapped.key)) as { n: number }
  ).n

describe('a relay page in one transaction', () => {
  it('a redelivery and a booking changed twice in one page: newest state, each key once, cursor at the last event', async () => {
    const heard: Array<{ event: LiveEvent; inTransaction: boolean }> = []
    const off = desk.services.bus.subscribe((event) =>
      heard.push({ event, inTransaction: db().$client.inTransaction }),
    )
    const deliveries = page(
      1,
      created('p-a', at(0)),
      created('p-b', at(1)),
      cancelled('p-a', at(2)),
      created('p-a', at(0)), // Cal.com's redelivery of the first event
      rescheduled('p-b', 'p-c', at(3)),
    )
    const { applied, error } = await applyPage(deliveries)
    off()

    expect(error).toBeNull()
    expect(applied.map((a) => [a.delivery.relay.seq, a.result.duplicate])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, false],
    ])
    expect(row('p-a')?.status).toBe('CANCELLED')
    expect(changesOf('p-a')).toHaveLength(2)
    expect(row('p-b')).toMatchObject({ status: 'RESCHEDULED', rescheduledToUid: 'p-c' })
    expect(row('p-c')).toMatchObject({ status: 'SCHEDULED', rescheduledFromUid: 'p-b' })
    expect(keysStored(deliveries)).toBe(4)
    expect(cursor()).toBe(5)
    // The day view hears once, after the commit, about every booking the page changed (the
    // client list then follows with its own news of the clients those bookings touched).
    expect(heard.every((h) => !h.inTransaction)).toBe(true)
    const days = heard.filter((h) => h.event.type === 'appointments')
    expect(days).toHaveLength(1)
    expect((days[0]!.event as { uids: string[] }).uids.sort()).toEqual(['p-a', 'p-b', 'p-c'])
    expect(
      heard.filter((h) => h.event.type !== 'appointments' && h.event.type !== 'clients'),
    ).toEqual([])
  })

  it('an event SQLite refuses stops the page there: the events before it stay, it and the rest are applied on the retry', async () => {
    // A real SQLite failure for one booking (as a full disk or a constraint would give).
    db().$client.exec(`create trigger refuse_f before insert on appointments
      when new.uid = 'f-b' begin select raise(abort, 'refused'); end`)
    const deliveries = page(6, created('f-a', at(0)), created('f-b', at(0)), created('f-c', at(0)))
    const first = await applyPage(deliveries)
    expect(String(first.error)).toContain('refused')
    expect(first.applied.map((a) => a.delivery.relay.seq)).toEqual([6])
    expect(row('f-a')?.status).toBe('SCHEDULED')
    expect(row('f-b')).toBeUndefined()
    expect(row('f-c')).toBeUndefined()
    expect(keysStored(deliveries)).toBe(1)
    expect(cursor()).toBe(6)

    db().$client.exec('drop trigger refuse_f')
    // The relay client asks again from the cursor; a page from further back changes nothing.
    const retry = await applyPage(deliveries)
    expect(retry.error).toBeNull()
    expect(retry.applied.map((a) => a.delivery.relay.seq)).toEqual([7, 8])
    expect(['f-a', 'f-b', 'f-c'].map((uid) => changesOf(uid).length)).toEqual([1, 1, 1])
    expect(keysStored(deliveries)).toBe(3)
    expect(cursor()).toBe(8)
  })

  it('a desk restarted mid-backlog resumes after the last event it applied, without applying one twice', async () => {
    const backlog = page(
      9,
      created('r-a', at(0)),
      created('r-b', at(0)),
      cancelled('r-a', at(1)),
      created('r-c', at(0)),
      cancelled('r-b', at(2)),
    )
    await applyPage(backlog.slice(0, 3))
    expect(cursor()).toBe(11)
    // The desk stops before its ack reached the relay, which serves the backlog from the start.
    await desk.close()
    desk = await startTempDesk({ dataDir })

    const resumed = await applyPage(backlog)
    expect(resumed.applied.map((a) => a.delivery.relay.seq)).toEqual([12, 13])
    expect(changesOf('r-a')).toHaveLength(2)
    expect(row('r-a')?.status).toBe('CANCELLED')
    expect(row('r-b')?.status).toBe('CANCELLED')
    expect(row('r-c')?.status).toBe('SCHEDULED')
    expect(keysStored(backlog)).toBe(5)
    expect(cursor()).toBe(13)
  })
})
