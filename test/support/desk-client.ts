// What the tests with real processes do at the desk, through its local API only: connect, watch
// the live stream, find free slots, book and act, and wait for the outbox to say how it ended.
import type {
  ActionResult,
  Appointment,
  AppointmentDetail,
  EventTypeInfo,
  OutboxEntry,
  SyncHealth,
} from '../../src/shared/api/schemas'
import { consentInSandbox } from '../../src/main/core/connect/sandbox-oauth.test-support'
import type { ProcessWorld } from './process-world'
import { readLiveStream, type LiveStream } from './live-stream'
import { until } from './until'

type Desk = Pick<ProcessWorld, 'call' | 'get'>

/** Connects the branch with its API key and waits until the relay is online and reconciled. */
export async function connectWithApiKey(desk: Desk, apiKey: string): Promise<void> {
  const res = await desk.call('/api/branch/connect', { apiKey })
  if (res.status !== 200) throw new Error(`connect answered ${res.status}: ${await res.text()}`)
  await untilInSync(desk)
}

/**
 * Connects the branch the way the Connect button does: the desk opens Cal.com's authorize page,
 * the owner signs in and allows, and Cal.com sends the browser to the desk's loopback callback.
 */
export async function connectWithOAuth(
  desk: Desk,
  owner: { email: string; password: string },
): Promise<void> {
  const res = await desk.call('/api/branch/connect', {})
  if (res.status !== 200) throw new Error(`connect answered ${res.status}: ${await res.text()}`)
  const { authorizeUrl } = (await res.json()) as { authorizeUrl: string }
  const callback = await fetch(await consentInSandbox(authorizeUrl, owner))
  if (callback.status !== 200) throw new Error(`the desk's callback answered ${callback.status}`)
  await untilInSync(desk)
}

/** Waits until the relay is online and a reconcile since connecting went through. */
async function untilInSync(desk: Desk): Promise<void> {
  const since = Date.now()
  await until(
    'the relay online and a reconcile',
    async () => {
      const h = await desk.get<SyncHealth>('/api/sync')
      return (
        h.connection === 'connected' &&
        h.relay.state === 'online' &&
        h.lastReconcile?.ok &&
        Date.parse(h.lastReconcile.at) >= since - 1000
      )
    },
    20_000,
    () => desk.get('/api/sync'),
  )
}

export async function deskEventType(desk: Desk, slug: string): Promise<EventTypeInfo> {
  const found = (await desk.get<EventTypeInfo[]>('/api/event-types')).find((t) => t.slug === slug)
  if (!found) throw new Error(`the desk has no event type ${slug}`)
  return found
}

/**
 * `n` free starts of a desk event type over the next two weeks, `apart` minutes from one another
 * so no two bookings compete for the same hosts.
 */
export async function freeStarts(
  desk: Desk,
  eventType: { id: number; lengthInMinutes: number },
  n: number,
  from = Date.now(),
): Promise<string[]> {
  const picked: string[] = []
  for (let day = 1; day < 14 && picked.length < n; day++) {
    const date = new Date(from + day * 86_400_000).toISOString().slice(0, 10)
    const { slots } = await desk.get<{ slots: string[] }>(
      `/api/slots?eventTypeId=${eventType.id}&date=${date}`,
    )
    for (const s of slots) {
      const last = picked.at(-1)
      if (!last || Date.parse(s) - Date.parse(last) >= 2 * eventType.lengthInMinutes * 60_000)
        picked.push(s)
    }
  }
  if (picked.length < n) throw new Error(`only ${picked.length} free slots in two weeks`)
  return picked.slice(0, n)
}

export async function book(desk: Desk, body: Record<string, unknown>): Promise<ActionResult> {
  const res = await desk.call('/api/appointments', body)
  if (res.status !== 202) throw new Error(`book answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as ActionResult
}

export async function act(
  desk: Desk,
  uid: string,
  action: string,
  body: unknown = {},
): Promise<ActionResult> {
  const res = await desk.call(`/api/appointments/${encodeURIComponent(uid)}/${action}`, body)
  if (res.status !== 202 && res.status !== 200)
    throw new Error(`${action} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as ActionResult
}

export const detail = (desk: Desk, uid: string) =>
  desk.get<AppointmentDetail>(`/api/appointments/${encodeURIComponent(uid)}`)

/** The appointment's status at the desk, or undefined while the desk does not know it. */
export async function statusAt(desk: Desk, uid: string): Promise<string | undefined> {
  const res = await desk.call(`/api/appointments/${encodeURIComponent(uid)}`)
  return res.status === 200
    ? ((await res.json()) as AppointmentDetail).appointment.status
    : undefined
}

/** One outbox row, whatever its state. */
export async function outboxRow(desk: Desk, id: number): Promise<OutboxEntry | undefined> {
  const all = await desk.get<OutboxEntry[]>(
    '/api/outbox?state=pending&state=in_flight&state=needs_attention&state=done&state=discarded&limit=500',
  )
  return all.find((e) => e.id === id)
}

/** The appointment a desk change became once the outbox synced it (its real Cal.com uid). */
export async function syncedFrom(desk: Desk, outboxId: number, ms = 30_000): Promise<Appointment> {
  return until(
    `outbox row ${outboxId} to sync`,
    async () => {
      const row = await outboxRow(desk, outboxId)
      if (row?.state !== 'done') return undefined
      const { appointment } = await detail(desk, row.bookingUid)
      return appointment.syncState === 'synced' ? appointment : undefined
    },
    ms,
    () => outboxRow(desk, outboxId),
  )
}

/** The desk's live stream, read over HTTP, with the time each event arrived. */
export async function openLive(desk: Desk): Promise<LiveStream> {
  return readLiveStream(await desk.call('/api/live'))
}
