// A desk that joins a branch after retention pruned its desk events, or whose data folder was
// wiped, gets the branch's desk-owned state back from the relay's desk state (GET /v1/desk-state,
// DESIGN.md §9): the check-in, the walk-in flag, the note as last edited, the alert, and not the
// note that was removed — each once — and then goes on from the log as every desk does. A real
// relay (over HTTP), the sandbox as Cal.com, and desks on their own data folders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import {
  book,
  connectWithApiKey,
  deskEventType,
  freeStarts,
  syncedFrom,
} from '../../../../test/support/desk-client'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { ClientCard, ClientPage } from '../../../shared/api/clients'
import type { AppointmentDetail, SyncHealth } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let relay: InProcessRelay
let apiKey: string
let first: TempDesk
const others: TempDesk[] = []

/** The desk's local API as the shared test helpers reach it. */
const api = (desk: TempDesk) => ({
  call: (path: string, body?: unknown) =>
    deskFetch(
      desk,
      path,
      body === undefined
        ? {}
        : {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          },
    ),
  async get<T>(path: string): Promise<T> {
    const res = await deskFetch(desk, path)
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  },
})

const startDesk = () =>
  startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_RELAY_URL: relay.url,
    },
  })

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  apiKey = state.accounts[0]!.apiKey
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  first = await startDesk()
  await connectWithApiKey(api(first), apiKey)
}, 60_000)

afterAll(async () => {
  for (const d of [first, ...others]) await d?.dispose()
  await relay?.close()
  await sandbox?.close()
})

const visitOf = async (desk: TempDesk, uid: string) => {
  const res = await deskFetch(desk, `/api/appointments/${uid}`)
  return res.status === 200 ? ((await res.json()) as AppointmentDetail).appointment : undefined
}
async function cardOf(desk: TempDesk, q: string): Promise<ClientCard | undefined> {
  const page = await api(desk).get<ClientPage>(`/api/clients?q=${encodeURIComponent(q)}`)
  const [found] = page.clients
  return found ? api(desk).get<ClientCard>(`/api/clients/${found.id}`) : undefined
}
const health = (desk: TempDesk) => api(desk).get<SyncHealth>('/api/sync')
const texts = (card: ClientCard | undefined) => ({
  notes: (card?.notes ?? []).map((n) => n.text),
  alerts: (card?.alerts ?? []).map((n) => n.text),
})

/** What the first desk set, as the other desks must show it. */
let checkedIn: string
let walkIn: string
let clientEmail: string

describe('a desk that cannot read the whole log', () => {
  it('sets up a branch whose desk events retention has pruned from the log', async () => {
    const desk = api(first)
    const haircut = await deskEventType(desk, 'haircut')
    const [start1, start2] = await freeStarts(desk, haircut, 2)
    clientEmail = 'rhea.restore@example.com'
    const booked = await book(desk, {
      eventTypeId: haircut.id,
      start: start1,
      attendee: { name: 'Rhea Restore', email: clientEmail },
    })
    checkedIn = (await syncedFrom(desk, booked.outboxId!)).uid
    const walked = await book(desk, {
      eventTypeId: haircut.id,
      start: start2,
      attendee: { name: 'Walt Walkin', email: 'walt.walkin@example.com' },
      walkIn: true,
    })
    walkIn = (await syncedFrom(desk, walked.outboxId!)).uid

    expect(
      (await desk.call(`/api/appointments/${checkedIn}/visit`, { state: 'ARRIVED' })).status,
    ).toBe(200)
    const card = await cardOf(first, 'rhea')
    const notes = `/api/clients/${card!.client.id}/notes`
    const note = (await (
      await desk.call(notes, { kind: 'note', text: 'Prefers Liam' })
    ).json()) as {
      id: string
    }
    const edit = await deskFetch(first, `${notes}/${note.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ text: 'Prefers Liam, mornings only' }),
      headers: { 'content-type': 'application/json' },
    })
    expect(edit.status).toBe(200)
    expect((await desk.call(notes, { kind: 'alert', text: 'Allergic to latex' })).status).toBe(200)
    const wrong = (await (
      await desk.call(notes, { kind: 'note', text: 'Wrong client' })
    ).json()) as {
      id: string
    }
    expect((await deskFetch(first, `${notes}/${wrong.id}`, { method: 'DELETE' })).status).toBe(200)

    // Every desk event reached the relay and came back; then retention drops the whole log.
    await until(
      'the first desk to have nothing waiting',
      async () => (await health(first)).queueDepth === 0,
      {
        ms: 30_000,
        explain: () => health(first),
      },
    )
    const deleted = await relay.storage.prune({
      now: new Date(Date.now() + 15 * 86_400_000),
      maxAgeMs: 14 * 86_400_000,
      minAgeMs: 0,
    })
    expect(deleted).toBeGreaterThan(0)
    const channel = await relay.storage.findChannel((await health(first)).relay.channelId!)
    expect(channel!.prunedThrough).toBe(channel!.lastSeq)
  }, 90_000)

  it('a second desk joining now shows the check-in, walk-in, note and alert, each once', async () => {
    const second = await startDesk()
    others.push(second)
    await connectWithApiKey(api(second), apiKey)
    await until(
      'the desk-owned state at the second desk',
      async () => {
        const [visit, walked, card] = await Promise.all([
          visitOf(second, checkedIn),
          visitOf(second, walkIn),
          cardOf(second, 'rhea'),
        ])
        return visit?.visitState === 'ARRIVED' && walked?.walkIn && texts(card).alerts.length > 0
      },
      { ms: 30_000, explain: () => health(second) },
    )
    expect(texts(await cardOf(second, 'rhea'))).toEqual({
      notes: ['Prefers Liam, mornings only'],
      alerts: ['Allergic to latex'],
    })
    expect((await visitOf(second, walkIn))?.walkIn).toBe(true)

    // It goes on from the log: a change at the first desk shows here, nothing doubled.
    expect(
      (await api(first).call(`/api/appointments/${checkedIn}/visit`, { state: 'IN_SERVICE' }))
        .status,
    ).toBe(200)
    await until('the change at the second desk', async () => {
      return (await visitOf(second, checkedIn))?.visitState === 'IN_SERVICE'
    })
    expect(texts(await cardOf(second, 'rhea'))).toEqual({
      notes: ['Prefers Liam, mornings only'],
      alerts: ['Allergic to latex'],
    })
  }, 90_000)

  it('a desk whose data folder was wiped gets it all back the same way', async () => {
    await until(
      'the first desk to have nothing waiting',
      async () => (await health(first)).queueDepth === 0,
    )
    await first.dispose()
    first = await startDesk()
    await connectWithApiKey(api(first), apiKey)
    await until(
      'the desk-owned state at the wiped desk',
      async () => {
        const [visit, walked, card] = await Promise.all([
          visitOf(first, checkedIn),
          visitOf(first, walkIn),
          cardOf(first, 'rhea'),
        ])
        return visit?.visitState === 'IN_SERVICE' && walked?.walkIn && texts(card).alerts.length > 0
      },
      { ms: 30_000, explain: () => health(first) },
    )
    expect(texts(await cardOf(first, 'rhea'))).toEqual({
      notes: ['Prefers Liam, mornings only'],
      alerts: ['Allergic to latex'],
    })
  }, 90_000)

  it('a desk away longer than the log is kept gets what changed meanwhile, and keeps what it had', async () => {
    const away = others.pop()!
    const { cursor } = (await health(away)).relay
    expect(cursor).toBeGreaterThan(0)
    await away.close()

    // Meanwhile, at the other desk: the client leaves, a second alert; then the log is pruned.
    expect(
      (await api(first).call(`/api/appointments/${checkedIn}/visit`, { state: 'DONE' })).status,
    ).toBe(200)
    const card = await cardOf(first, 'rhea')
    const added = await api(first).call(`/api/clients/${card!.client.id}/notes`, {
      kind: 'alert',
      text: 'Nickel too',
    })
    expect(added.status).toBe(200)
    await until(
      'the desk to have nothing waiting',
      async () => (await health(first)).queueDepth === 0,
    )
    await relay.storage.prune({
      now: new Date(Date.now() + 15 * 86_400_000),
      maxAgeMs: 14 * 86_400_000,
      minAgeMs: 0,
    })

    const back = await startTempDesk({
      dataDir: away.dataDir,
      env: {
        FRONTDESK_CALCOM_API_URL: sandbox.url,
        FRONTDESK_CALCOM_APP_URL: sandbox.url,
        FRONTDESK_RELAY_URL: relay.url,
      },
    })
    others.push(back)
    await until(
      'what changed meanwhile at the desk that was away',
      async () => {
        const [visit, c] = await Promise.all([visitOf(back, checkedIn), cardOf(back, 'rhea')])
        return visit?.visitState === 'DONE' && texts(c).alerts.length === 2
      },
      { ms: 30_000, explain: () => health(back) },
    )
    expect(texts(await cardOf(back, 'rhea'))).toEqual({
      notes: ['Prefers Liam, mornings only'],
      alerts: expect.arrayContaining(['Allergic to latex', 'Nickel too']),
    })
    expect((await visitOf(back, walkIn))?.walkIn).toBe(true)
    expect((await health(back)).recentErrors.map((e) => e.code)).toContain('RESYNC_REQUIRED')
  }, 90_000)
})
