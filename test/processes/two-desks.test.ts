// Two desks of one branch (DESIGN.md §9), each its own headless desk process on its own data
// folder, with the relay and the sandbox as separate processes: what a receptionist sets at one
// desk (a check-in, a client alert, a note edited and removed, a walk-in) shows at the other,
// through the relay's log only. Each desk reaches the relay through its own cuttable link, so
// both can change the same things while the relay is out of reach, and must agree after.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppointmentDetail } from '../../src/shared/api/schemas'
import type { ClientCard, ClientNote, ClientPage } from '../../src/shared/api/clients'
import type { SyncHealth } from '../../src/shared/api/schemas'
import {
  startCalcomLink,
  type CalcomLink,
} from '../../src/main/core/outbound/calcom-link.test-support'
import { spawnHeadlessDesk, type ChildServer } from '../support/child-processes'
import {
  book,
  connectWithApiKey,
  deskEventType,
  freeStarts,
  syncedFrom,
} from '../support/desk-client'
import { useProcessWorld, type ProcessWorld } from '../support/process-world'
import { until } from '../support/until'

const w = useProcessWorld({ connect: 'apiKey', relayLink: true })
const TOKEN = 'second-desk-session-token-0123456789abc'
let second: ChildServer
let dir: string
/** The second desk's own line to the relay. */
let link2: CalcomLink

type Desk = Pick<ProcessWorld, 'request' | 'call' | 'get'>

/** The second desk, reached like the first (`request`, `call`, `get`). */
const desk2: Desk = {
  request: (path, init = {}) =>
    fetch(second.url + path, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
    }),
  call: (path, body) =>
    desk2.request(
      path,
      body === undefined
        ? {}
        : {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          },
    ),
  async get<T>(path: string) {
    const res = await desk2.call(path)
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  },
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-desk2-'))
  link2 = await startCalcomLink(w.relay.url)
  second = await spawnHeadlessDesk({
    FRONTDESK_DATA_DIR: dir,
    FRONTDESK_API_TOKEN: TOKEN,
    FRONTDESK_CALCOM_API_URL: w.link.url,
    FRONTDESK_CALCOM_APP_URL: w.link.url,
    FRONTDESK_RELAY_URL: link2.url,
  })
  await connectWithApiKey(desk2, w.account.apiKey)
}, 60_000)

afterAll(async () => {
  await second?.stop()
  await link2?.close()
  rmSync(dir, { recursive: true, force: true })
})

const detailAt = (desk: Pick<ProcessWorld, 'get'>, uid: string) =>
  desk.get<AppointmentDetail>(`/api/appointments/${uid}`).catch(() => undefined)

/** The client card of the one client a search finds at this desk, once the desk knows them. */
async function cardAt(desk: Desk, q: string): Promise<ClientCard | undefined> {
  const [found] = (await desk.get<ClientPage>(`/api/clients?q=${encodeURIComponent(q)}`)).clients
  return found ? desk.get<ClientCard>(`/api/clients/${found.id}`) : undefined
}

/** A booking of a new client made by the public on Cal.com, once both desks show it. */
async function bookedAtBoth(name: string, email: string, nth = 0): Promise<string> {
  const eventType = w.account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const starts = await freeStarts(w, await deskEventType(w, eventType.slug), nth + 1)
  const { data } = await w.control<{ data: { uid: string } }>('/book', {
    start: starts[nth],
    eventTypeId: eventType.id,
    attendee: { name, email, timeZone: w.account.timeZone },
  })
  await until('the booking at both desks', async () =>
    (await detailAt(w, data.uid)) && (await detailAt(desk2, data.uid)) ? true : undefined,
  )
  return data.uid
}

const notesOf = (card: ClientCard | undefined) =>
  (card?.notes ?? []).map((n: ClientNote) => [n.id, n.text]).sort()

async function noteRequest(desk: Desk, q: string, method: string, noteId?: string, body?: unknown) {
  const card = await cardAt(desk, q)
  const res = await desk.request(
    `/api/clients/${card!.client.id}/notes${noteId ? `/${noteId}` : ''}`,
    {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    },
  )
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as ClientNote
}

/** Nothing of this desk's waits any more: its desk events were read back from the relay's log. */
const settled = (desk: Desk) =>
  until(
    'the desk to have nothing waiting',
    async () => (await desk.get<SyncHealth>('/api/sync')).queueDepth === 0,
    60_000,
    () => desk.get('/api/sync'),
  )

describe('two desks of one branch', () => {
  it('a check-in and a client alert made at one desk show at the other', async () => {
    const eventType = w.account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
    const [start] = await freeStarts(w, await deskEventType(w, eventType.slug), 1)
    const { data } = await w.control<{ data: { uid: string } }>('/book', {
      start,
      eventTypeId: eventType.id,
      attendee: { name: 'Cora Twodesk', email: 'cora@example.com', timeZone: w.account.timeZone },
    })
    await until('the booking at both desks', async () =>
      (await detailAt(w, data.uid)) && (await detailAt(desk2, data.uid)) ? true : undefined,
    )

    const res = await w.call(`/api/appointments/${data.uid}/visit`, { state: 'ARRIVED' })
    expect(res.status).toBe(200)
    const seen = await until('the check-in at the second desk', async () => {
      const d = await detailAt(desk2, data.uid)
      return d?.appointment.visitState === 'ARRIVED' ? d : undefined
    })
    expect(seen.appointment.visitState).toBe('ARRIVED')

    const [client] = (await w.get<ClientPage>('/api/clients?q=cora')).clients
    const added = await w.call(`/api/clients/${client!.id}/notes`, {
      kind: 'alert',
      text: 'Allergic to latex',
    })
    expect(added.status).toBeLessThan(300)
    const card = await until('the alert at the second desk', async () => {
      const [there] = (await desk2.get<ClientPage>('/api/clients?q=cora')).clients
      if (!there) return undefined
      const c = await desk2.get<ClientCard>(`/api/clients/${there.id}`)
      return c.alerts.length > 0 ? c : undefined
    })
    expect(card.alerts.map((a) => a.text)).toEqual(['Allergic to latex'])
  }, 60_000)

  it('a walk-in booked at one desk is a walk-in at the other, once Cal.com has named it', async () => {
    const haircut = await deskEventType(w, 'haircut')
    const [start] = await freeStarts(w, haircut, 1)
    const walkIn = await book(w, {
      eventTypeId: haircut.id,
      start,
      attendee: { name: 'Wanda Walkin', email: 'wanda@example.com' },
      walkIn: true,
    })
    const synced = await syncedFrom(w, walkIn.outboxId!)
    const there = await until('the walk-in flag at the second desk', async () => {
      const d = await detailAt(desk2, synced.uid)
      return d?.appointment.walkIn ? d : undefined
    })
    expect(there.appointment).toMatchObject({ uid: synced.uid, walkIn: true })
  }, 60_000)

  it('a note made at one desk shows at the other, edited and removed from either, never doubled', async () => {
    await bookedAtBoth('Nora Notes', 'nora@example.com', 1)
    const note = await noteRequest(w, 'nora', 'POST', undefined, {
      kind: 'note',
      text: 'Prefers Liam',
    })
    const shown = await until('the note at the second desk', async () => {
      const card = await cardAt(desk2, 'nora')
      return card && card.notes.length > 0 ? card : undefined
    })
    expect(notesOf(shown)).toEqual([[note.id, 'Prefers Liam']])

    // Edited at the second desk: the first shows the edit, still one note.
    await noteRequest(desk2, 'nora', 'PATCH', note.id, { text: 'Prefers Liam, mornings only' })
    await until('the edit at the first desk', async () => {
      const card = await cardAt(w, 'nora')
      return card?.notes[0]?.text === 'Prefers Liam, mornings only' ? card : undefined
    })
    for (const desk of [w, desk2])
      expect(notesOf(await cardAt(desk, 'nora'))).toEqual([
        [note.id, 'Prefers Liam, mornings only'],
      ])

    // Removed at the first desk: gone at both.
    await noteRequest(w, 'nora', 'DELETE', note.id)
    await until('the removal at the second desk', async () =>
      (await cardAt(desk2, 'nora'))?.notes.length === 0 ? true : undefined,
    )
    expect(notesOf(await cardAt(w, 'nora'))).toEqual([])
  }, 90_000)

  it('both desks change the same visit and note while the relay is out of reach: both end on the change the relay sequenced later, no note lost or doubled', async () => {
    const uid = await bookedAtBoth('Olga Offline', 'olga@example.com', 2)
    const shared = await noteRequest(w, 'olga', 'POST', undefined, {
      kind: 'alert',
      text: 'Colour 5N',
    })
    await until('the alert at the second desk', async () =>
      (await cardAt(desk2, 'olga'))?.alerts.length === 1 ? true : undefined,
    )
    await settled(w)

    // The relay is out of reach from both desks.
    w.relayLink!.down()
    link2.down()
    expect((await w.call(`/api/appointments/${uid}/visit`, { state: 'ARRIVED' })).status).toBe(200)
    await noteRequest(w, 'olga', 'PATCH', shared.id, { text: 'Colour 6N' })
    const fromOne = await noteRequest(w, 'olga', 'POST', undefined, {
      kind: 'note',
      text: 'Asked for a coffee',
    })
    expect(
      (await desk2.call(`/api/appointments/${uid}/visit`, { state: 'IN_SERVICE' })).status,
    ).toBe(200)
    await noteRequest(desk2, 'olga', 'PATCH', shared.id, { text: 'Colour 7N' })
    const fromTwo = await noteRequest(desk2, 'olga', 'POST', undefined, {
      kind: 'note',
      text: 'Pays by card',
    })
    // Each desk shows its own changes at once, waiting to sync.
    expect((await detailAt(w, uid))!.appointment.visitState).toBe('ARRIVED')
    expect((await detailAt(desk2, uid))!.appointment.visitState).toBe('IN_SERVICE')
    expect((await w.get<SyncHealth>('/api/sync')).queueDepth).toBeGreaterThanOrEqual(3)

    // The first desk's line comes back first, so the relay sequences the second desk's later.
    w.relayLink!.up()
    await settled(w)
    link2.up()
    await settled(desk2)

    const expected = {
      visitState: 'IN_SERVICE',
      alerts: [[shared.id, 'Colour 7N']],
      notes: [
        [fromOne.id, 'Asked for a coffee'],
        [fromTwo.id, 'Pays by card'],
      ].sort(),
    }
    const view = async (desk: Desk) => {
      const card = await cardAt(desk, 'olga')
      return {
        visitState: (await detailAt(desk, uid))?.appointment.visitState,
        alerts: (card?.alerts ?? []).map((n) => [n.id, n.text]),
        notes: notesOf(card),
      }
    }
    await until('the first desk to take the later changes', async () =>
      JSON.stringify(await view(w)) === JSON.stringify(expected) ? true : undefined,
    )
    expect(await view(w)).toEqual(expected)
    expect(await view(desk2)).toEqual(expected)
  }, 120_000)

  it('a booking the client reschedules on Cal.com (a new uid) keeps its check-in and desk notes at both desks', async () => {
    const uid = await bookedAtBoth('Rita Resched', 'rita@example.com', 3)
    const res = await w.call(`/api/appointments/${uid}/visit`, {
      state: 'ARRIVED',
      notes: 'Bring the photo of the colour',
    })
    expect(res.status).toBe(200)
    await until('the check-in at the second desk', async () =>
      (await detailAt(desk2, uid))?.appointment.visitState === 'ARRIVED' ? true : undefined,
    )

    const eventType = w.account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
    const [, , , , , later] = await freeStarts(w, await deskEventType(w, eventType.slug), 6)
    const { data } = await w.control<{ data: { uid: string } }>(`/bookings/${uid}/reschedule`, {
      start: later,
    })
    expect(data.uid).not.toBe(uid)
    for (const desk of [w, desk2]) {
      const moved = await until('the new booking with its desk fields', async () => {
        const d = await detailAt(desk, data.uid)
        return d?.appointment.visitState === 'ARRIVED' ? d : undefined
      })
      expect(moved.appointment).toMatchObject({
        rescheduledFromUid: uid,
        visitState: 'ARRIVED',
        deskNotes: 'Bring the photo of the colour',
      })
    }
  }, 90_000)
})
