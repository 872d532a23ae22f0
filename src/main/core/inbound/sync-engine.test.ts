// The inbound sync end to end, with real HTTP between real servers: the Cal.com sandbox delivers
// signed webhooks to the relay (whose RELAY_PUBLIC_URL points at itself), the desk enrolls with
// the relay, pulls, applies to its SQLite file and tells its live stream; reconcile reads the
// sandbox's API. Faults come from the relay (retention) and from bodies the desk cannot store;
// Cal.com's dropped, duplicated and reordered webhooks are in test/processes/webhook-faults.test.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signBody, startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { readLiveStream } from '../../../../test/support/live-stream'
import { until } from '../../../../test/support/until'
import { startDeskOnRelay } from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type { AppointmentDetail, DayView, SyncHealth } from '../../../shared/api/schemas'
import { DESK_EVENT_UNREADABLE, syncProblemOf } from '../../../shared/api/sync-problems'
import { DESK_EVENT_CONTENT_TYPE } from '../../../shared/relay/desk-events'
import { RELAY_DEVICE_FILE } from './relay-device-store'
import { stamped } from '../appointments/webhook-examples.test-support'

let sandbox: RunningSandbox
let account: SandboxAccount
let relay: InProcessRelay
let relayStorage: InProcessRelay['storage']
let relayBase: string
let desk: TempDesk
let dataDir: string
/** The first public booking, kept through disconnect. */
let firstUid = ''

const startDesk = (dir?: string) =>
  startDeskOnRelay(
    { calcomUrl: sandbox.url, relayUrl: relayBase },
    { dataDir: dir, sync: { relayWaitSeconds: 5 } },
  )

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
  relay = await startInProcessRelay({
    calcomUrl: sandbox.url,
    env: { RELAY_ENROLL_RATE_LIMIT: '1000' },
  })
  relayStorage = relay.storage
  relayBase = relay.url
  desk = await startDesk()
  dataDir = desk.dataDir
})

afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
  await relay?.close()
})

// --- helpers ----------------------------------------------------------------------------------

const getJson = async <T>(path: string) => (await (await deskFetch(desk, path)).json()) as T
const health = () => getJson<SyncHealth>('/api/sync')
const detail = (uid: string) => getJson<AppointmentDetail>(`/api/appointments/${uid}`)
const statusOf = async (uid: string) => {
  const r = await deskFetch(desk, `/api/appointments/${uid}`)
  return r.status === 200 ? ((await r.json()) as AppointmentDetail).appointment.status : undefined
}
const sandboxPost = async (path: string, body: unknown = {}) => {
  const r = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(r.status, `${path}: ${await r.clone().text()}`).toBeLessThan(300)
  return (await r.json()) as { data: { uid: string; start: string } }
}
/** Posts `body` to the relay as Cal.com would: to the webhook the relay made, signed with its secret. */
async function deliverAsCalcom(body: string): Promise<void> {
  const hook = [...sandbox.sandbox.store.webhooks.values()].find((w) =>
    w.subscriberUrl.startsWith(relayBase),
  )!
  const r = await fetch(hook.subscriberUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cal-signature-256': signBody(body, hook.secret),
    },
    body,
  })
  expect(r.status).toBe(200)
}
const flush = () => sandboxPost('/_sandbox/webhooks/flush')

const used = new Set<string>()
async function freeSlot(): Promise<string> {
  const et = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const start = (await sandboxSlots(sandbox.url, et.id)).find((s) => !used.has(s))!
  used.add(start)
  return start
}

/** Books as a member of the public on the sandbox's booking page; webhooks flushed. */
async function book(name = 'Robin Client'): Promise<{ uid: string; start: string }> {
  const et = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const res = await sandboxPost('/_sandbox/book', {
    start: await freeSlot(),
    eventTypeId: et.id,
    attendee: {
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
      timeZone: account.timeZone,
    },
  })
  await flush()
  return res.data
}

/** Collects `GET /api/live` events over real HTTP. */
const openLive = async () => readLiveStream(await deskFetch(desk, '/api/live'))

// --- tests ------------------------------------------------------------------------------------

describe('inbound sync against the Cal.com sandbox and the relay', () => {
  it('connects by API key, enrolls, and a public booking reaches the live stream and the day view', async () => {
    const connect = await deskFetch(desk, '/api/branch/connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: account.apiKey }),
    })
    expect(connect.status).toBe(200)
    // Connecting reconciles the booking window; once the new relay device is online one more
    // (incremental: the window pass set the watermark) closes the gap while the webhook was made.
    const h = await until('relay online and the reconcile after enrolling', async () => {
      const s = await health()
      return s.relay.state === 'online' && s.lastReconcile?.trigger === 'enrolled' ? s : undefined
    })
    expect(h).toMatchObject({ connection: 'connected', relay: { configured: true } })
    expect(h.lastReconcile).toMatchObject({ ok: true, mode: 'incremental' })
    expect(h.relay.channelId).toBeTruthy()

    const live = await openLive()
    const booked = await book('Robin Client')
    firstUid = booked.uid
    await until('live event for the booking', () =>
      live.events.some((e) => e.type === 'appointments' && e.uids.includes(booked.uid)),
    )
    live.close()
    const date = DateTime.fromISO(booked.start, { zone: account.timeZone }).toISODate()
    const day = await getJson<DayView>(`/api/appointments?date=${date}`)
    expect(day.appointments.find((a) => a.uid === booked.uid)).toMatchObject({
      status: 'SCHEDULED',
      attendee: { name: 'Robin Client' },
      syncState: 'synced',
    })
    expect((await detail(booked.uid)).history[0]).toMatchObject({
      source: 'calcom',
      code: 'created',
    })
    expect((await health()).lastEvent).toMatchObject({
      trigger: 'BOOKING_CREATED',
      uids: [booked.uid],
    })

    // The device token is a secret: a 0600 file, never in the desk's logs.
    const file = join(dataDir, RELAY_DEVICE_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const { deviceToken } = JSON.parse(readFileSync(file, 'utf8')) as { deviceToken: string }
    for (const f of readdirSync(dataDir, { recursive: true }) as string[]) {
      if (f.endsWith('.log'))
        expect(readFileSync(join(dataDir, f), 'utf8')).not.toContain(deviceToken)
    }
  })

  it('an unknown Cal.com trigger is kept and shows in sync health; nothing crashes', async () => {
    await deliverAsCalcom(
      JSON.stringify({
        triggerEvent: 'WRONG_ASSIGNMENT_REPORT',
        createdAt: new Date().toISOString(),
        payload: { bookingUid: 'whatever' },
      }),
    )
    const h = await until('notice in sync health', async () => {
      const s = await health()
      return s.recentErrors.some((e) => e.code === 'UNKNOWN_TRIGGER') ? s : undefined
    })
    expect(h.lastEvent?.trigger).toBe('WRONG_ASSIGNMENT_REPORT')
    expect(h.relay.state).toBe('online')
  })

  it('a booking whose start does not exist is refused by name in sync health, and nothing of it is written', async () => {
    // 30 February: Date.parse would have put it on 2 March.
    await deliverAsCalcom(
      stamped('booking_created.json', new Date().toISOString(), {
        uid: 'feb-30',
        startTime: '2026-02-30T10:00:00Z',
        endTime: '2026-02-30T10:15:00Z',
      }),
    )
    // A good one after it: the refused event does not stop the log.
    await deliverAsCalcom(
      stamped('booking_created.json', new Date().toISOString(), { uid: 'after-feb-30' }),
    )
    await until(
      'the event after it applied',
      async () => (await statusOf('after-feb-30')) === 'SCHEDULED',
    )
    const problem = (await health()).recentErrors.find((e) => e.message.includes('feb-30'))
    expect(problem).toMatchObject({ source: 'inbox', code: 'MALFORMED_EVENT' })
    expect(problem!.message).toContain('payload.startTime "2026-02-30T10:00:00Z"')
    expect(syncProblemOf(problem!.source, problem!.code)).toBe('UNKNOWN_CALCOM_NEWS')
    expect(await statusOf('feb-30')).toBeUndefined()
    const march2 = await getJson<DayView>('/api/appointments?date=2026-03-02')
    expect(march2.appointments.map((a) => a.uid)).not.toContain('feb-30')
  })

  it('a desk event it cannot read is skipped and shows as another desk’s change, not Cal.com’s', async () => {
    // Another desk of the branch, on a newer Frontdesk (and so is the relay), shares a kind of
    // change this one lacks. Put in the log as such a relay would, though not as a field of the
    // branch's desk state: this relay, as old as the desk, could not serve that back.
    const channelId = (await health()).relay.channelId!
    const body = {
      triggerEvent: 'FRONTDESK_DESK_EVENT',
      key: 'newer-desk-1',
      deviceId: 'dev_newer',
      madeAt: new Date().toISOString(),
      change: { kind: 'loyalty-stamp', bookingUid: 'whatever' },
    }
    await relayStorage.ingest([
      {
        channelId,
        body: Buffer.from(JSON.stringify(body)),
        bodySha256: 'newer-desk-1',
        contentType: DESK_EVENT_CONTENT_TYPE,
        headers: {},
        receivedAt: new Date(),
      },
    ])
    const h = await until('the unreadable desk event in sync health', async () => {
      const s = await health()
      return s.recentErrors.some((e) => e.code === DESK_EVENT_UNREADABLE) ? s : undefined
    })
    const error = h.recentErrors.find((e) => e.code === DESK_EVENT_UNREADABLE)!
    expect(syncProblemOf(error.source, error.code)).toBe('DESK_EVENT_UNREADABLE')
    expect(h.relay.state).toBe('online')
  })

  it('an event the desk cannot store is retried from the cursor, never skipped; the events before it stay', async () => {
    const deliver = (uid: string) =>
      deliverAsCalcom(stamped('booking_created.json', new Date().toISOString(), { uid }))
    const { $client } = desk.services.db
    // A real SQLite failure for one booking (as a full disk or a broken constraint would give).
    $client.exec(`create trigger refuse_e2 before insert on appointments
      when new.uid = 'e-2' begin select raise(abort, 'the disk said no'); end`)
    const cursorBefore = (await health()).relay.cursor
    for (const uid of ['e-1', 'e-2', 'e-3']) await deliver(uid)
    const failing = await until('the refusal in sync health', async () => {
      const s = await health()
      return s.recentErrors.some((e) => e.message.includes('the disk said no')) ? s : undefined
    })
    expect(await statusOf('e-1')).toBe('SCHEDULED')
    expect(await statusOf('e-2')).toBeUndefined()
    expect(await statusOf('e-3')).toBeUndefined()
    expect(failing.relay.cursor).toBe(cursorBefore + 1)
    // The event log (sync health) says which event failed and why.
    const refused = desk.services.sync.events
      .page({ result: 'failed' })
      .rows.find((r) => r.seq === cursorBefore + 2)
    expect(refused).toMatchObject({ kind: 'webhook', what: 'BOOKING_CREATED' })
    expect(refused?.error).toContain('the disk said no')

    $client.exec('drop trigger refuse_e2')
    await until('the rest applied', async () => (await statusOf('e-3')) === 'SCHEDULED')
    expect(await statusOf('e-2')).toBe('SCHEDULED')
    expect(
      desk.services.sync.events.page({ text: 'e-2' }).rows.some((r) => r.result === 'changed'),
    ).toBe(true)
    expect((await health()).relay.cursor).toBe(cursorBefore + 3)
    for (const uid of ['e-1', 'e-2', 'e-3'])
      expect((await detail(uid)).history.map((h) => h.code)).toEqual(['created'])
  })

  it('MEETING_ENDED → COMPLETED; no-show marked, then unmarked back to COMPLETED', async () => {
    const booked = await book('Nico Noshow')
    await until('booking applied', async () => (await statusOf(booked.uid)) === 'SCHEDULED')
    const end = (await detail(booked.uid)).appointment.end
    const clock = ((await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string })
      .now
    await sandboxPost('/_sandbox/clock', {
      advanceMs: Date.parse(end) - Date.parse(clock) + 60_000,
    })
    await flush()
    await until('completed', async () => (await statusOf(booked.uid)) === 'COMPLETED')

    const markAbsent = (absent: boolean) =>
      fetch(`${sandbox.url}/v2/bookings/${booked.uid}/mark-absent`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${account.apiKey}`,
          'cal-api-version': '2024-08-13',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ attendees: [{ email: 'nico@example.com', absent }] }),
      })
    expect((await markAbsent(true)).status).toBe(200)
    await flush()
    await until('no-show', async () => (await statusOf(booked.uid)) === 'NO_SHOW')
    expect((await markAbsent(false)).status).toBe(200)
    await flush()
    await until('back to completed', async () => (await statusOf(booked.uid)) === 'COMPLETED')
  })

  it('a restarted desk resumes from its cursor without re-applying, and picks up what came meanwhile', async () => {
    const before = await health()
    // Read from the file as it is: every history row the restart wrote, whatever booking.
    const lastId = () =>
      (
        desk.services.db.$client.prepare('select max(id) as n from appointment_history').get() as {
          n: number
        }
      ).n
    const idBefore = lastId()
    await desk.close()

    const meanwhile = await book('Mia Meanwhile')
    desk = await startDesk(dataDir)
    await until(
      'meanwhile booking applied',
      async () => (await statusOf(meanwhile.uid)) === 'SCHEDULED',
    )
    const after = await until('relay online', async () => {
      const s = await health()
      return s.relay.state === 'online' && s.lastReconcile ? s : undefined
    })
    expect(after.relay.cursor).toBe(before.relay.cursor + 1)
    const since = desk.services.db.$client
      .prepare('select uid, change from appointment_history where id > ? order by id')
      .all(idBefore) as Array<{ uid: string; change: string }>
    expect(since.map((h) => [h.uid, h.change])).toEqual([[meanwhile.uid, 'created']])
  })

  it('RESYNC_REQUIRED (the relay pruned what the desk missed) reconciles, then resumes after the gap', async () => {
    await desk.close()
    const missed = await book('Remy Resync')
    // Retention removes everything, acked or not: the desk's cursor is now behind what is kept.
    await relayStorage.prune({ now: new Date(Date.now() + 60_000), maxAgeMs: 1, minAgeMs: 0 })
    const channel = (await relayStorage.listChannels())[0]!
    desk = await startDesk(dataDir)
    const h = await until('resync handled', async () => {
      const s = await health()
      return s.recentErrors.some((e) => e.code === 'RESYNC_REQUIRED') &&
        s.relay.cursor === channel.prunedThrough &&
        s.relay.state === 'online'
        ? s
        : undefined
    })
    expect(h.lastReconcile?.ok).toBe(true)
    expect(await statusOf(missed.uid)).toBe('SCHEDULED')
    expect((await detail(missed.uid)).history[0]).toMatchObject({ source: 'reconcile' })
  })

  it('disconnecting stops sync, forgets the relay device token and keeps the appointments', async () => {
    const before = await health()
    const kept = await statusOf(firstUid)
    expect(kept).toBeDefined()
    const r = await deskFetch(desk, '/api/branch/disconnect', { method: 'POST' })
    expect(r.status).toBe(200)
    const h = await until('sync stopped', async () => {
      const s = await health()
      return s.connection === 'disconnected' && s.relay.state === 'off' ? s : undefined
    })
    expect(h.relay.cursor).toBe(before.relay.cursor)
    expect(() => statSync(join(dataDir, RELAY_DEVICE_FILE))).toThrow()
    const reconcile = await deskFetch(desk, '/api/sync/reconcile', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(reconcile.status).toBe(409)
    expect(await statusOf(firstUid)).toBe(kept)
  })
})
