// Two desks of one branch (DESIGN.md §9), each its own headless desk process on its own data
// folder, with the relay and the sandbox as separate processes: what a receptionist sets at one
// desk (a check-in, a client alert, a walk-in) shows at the other, through the relay's log only.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppointmentDetail } from '../../src/shared/api/schemas'
import type { ClientCard, ClientPage } from '../../src/shared/api/clients'
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

const w = useProcessWorld({ connect: 'apiKey' })
const TOKEN = 'second-desk-session-token-0123456789abc'
let second: ChildServer
let dir: string

/** The second desk, reached like the first (`call`, `get`). */
const desk2: Pick<ProcessWorld, 'call' | 'get'> = {
  call: (path, body) =>
    fetch(second.url + path, {
      ...(body === undefined
        ? {}
        : {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          }),
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    }),
  async get<T>(path: string) {
    const res = await desk2.call(path)
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  },
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-desk2-'))
  second = await spawnHeadlessDesk({
    FRONTDESK_DATA_DIR: dir,
    FRONTDESK_API_TOKEN: TOKEN,
    FRONTDESK_CALCOM_API_URL: w.link.url,
    FRONTDESK_CALCOM_APP_URL: w.link.url,
    FRONTDESK_RELAY_URL: w.relay.url,
  })
  await connectWithApiKey(desk2, w.account.apiKey)
}, 60_000)

afterAll(async () => {
  await second?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const detailAt = (desk: Pick<ProcessWorld, 'get'>, uid: string) =>
  desk.get<AppointmentDetail>(`/api/appointments/${uid}`).catch(() => undefined)

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
})
