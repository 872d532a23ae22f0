// A relay that answers badly: the desk must check what it is told, not cast it. A real desk with
// its SQLite file, connected to the Cal.com sandbox, talks over HTTP to a real relay through a hop
// that rewrites chosen answers (test/support/faulty-relay.ts). Each bad answer is named in sync
// health or in the local API's error — the call and the field — logged without the value, and
// leaves the desk's database as it was; the same news, answered well, is then taken in full.
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startFaultyRelay, type FaultyRelay } from '../../../../test/support/faulty-relay'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import { sandboxAccounts } from '../../../../test/support/sandbox-calcom'
import type { PeopleList } from '../../../shared/api/people'
import type { SyncHealth } from '../../../shared/api/schemas'
import { syncProblemOf } from '../../../shared/api/sync-problems'
import type {
  BusinessSnapshot,
  EventsResponse,
  PersonChangeResponse,
} from '../../../shared/relay/relay-contract'
import type { DeskEventBody } from '../../../shared/relay/desk-events'

let sandbox: RunningSandbox
let relay: InProcessRelay
let faulty: FaultyRelay
let desk: TempDesk

const owner = { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: '4321' }
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** Reads the desk's own SQLite file beside it, as anyone opening the file would. */
function rowsOf(sql: string): unknown[] {
  const db = new Database(join(desk.dataDir, 'frontdesk.db'), { readonly: true })
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}
const businessRows = () => ({
  business: rowsOf('SELECT id, name, version, branches FROM business_copy'),
  people: rowsOf('SELECT * FROM business_people ORDER BY id'),
  settings: rowsOf("SELECT * FROM settings WHERE key LIKE 'business.%' ORDER BY key"),
})

const syncHealth = async () => (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth
const deskLog = () => readFileSync(join(desk.dataDir, 'logs', 'desk.log'), 'utf8')

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  faulty = await startFaultyRelay(relay.url)
  desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: faulty.url })
  await connectByApiKey(desk, accounts[0]!.apiKey)
  await untilRelayOnline(desk)
  const setUp = await deskFetch(desk, '/api/business', json({ name: 'Salons', owner }))
  expect(setUp.status, await setUp.clone().text()).toBe(200)
  // Sync health is the owner's and admins' page.
  const ownerId = ((await setUp.json()) as PeopleList).people[0]!.id
  const signIn = await deskFetch(desk, '/api/session', json({ personId: ownerId, pin: owner.pin }))
  expect(signIn.status).toBe(200)
}, 60_000)

afterAll(async () => {
  await desk?.dispose()
  await faulty?.close()
  await relay?.close()
  await sandbox?.close()
})

describe('a relay answering what the desk cannot understand', () => {
  it('leaves the business copy as it was when the snapshot names a role the desk does not know, and says so in sync health', async () => {
    const before = businessRows()
    expect(before.people).toHaveLength(1)
    const pinHash = (before.people[0] as { pin_hash: string }).pin_hash
    // Newer than the copy, so a desk that trusted it would take it whole.
    faulty.fault('GET /v1/business', (answer) => {
      const snapshot = answer as BusinessSnapshot
      return {
        ...snapshot,
        version: snapshot.version + 1,
        name: 'Taken over',
        people: snapshot.people.map((p) => ({ ...p, role: 'superuser' })),
      }
    })
    await desk.services.businessCopy.refresh()

    const message =
      "The relay's answer to GET /v1/business was not understood: /people/0/role must be one of owner, admin, receptionist"
    const health = await syncHealth()
    const seen = health.recentErrors.find((e) => e.code === 'RELAY_BAD_ANSWER')
    expect(seen).toMatchObject({ source: 'relay', message })
    expect(syncProblemOf(seen!.source, seen!.code)).toBe('RELAY_NOT_UNDERSTOOD')
    expect(businessRows()).toEqual(before)
    const people = (await (await deskFetch(desk, '/api/people')).json()) as PeopleList
    expect(people.business?.name).toBe('Salons')
    const logged = deskLog()
      .split('\n')
      .filter((line) => line.includes(message))
    expect(logged.length).toBeGreaterThan(0)
    expect(logged.join('\n')).not.toContain(pinHash)

    // Answered well again, the snapshot is read (the relay's, the copy's version: kept as is).
    faulty.fault('GET /v1/business', null)
    const errors = (await syncHealth()).recentErrors.length
    await desk.services.businessCopy.refresh()
    expect((await syncHealth()).recentErrors).toHaveLength(errors)
    expect(businessRows()).toEqual(before)
  })

  it('answers a team change whose answer it cannot read with RELAY_NOT_UNDERSTOOD naming the call and the field', async () => {
    const ownerId = desk.services.business.people()[0]!.id
    const signIn = await deskFetch(
      desk,
      '/api/session',
      json({ personId: ownerId, pin: owner.pin }),
    )
    expect(signIn.status).toBe(200)
    faulty.fault('POST /v1/business/people', (answer) => {
      const change = answer as PersonChangeResponse
      return { ...change, person: { ...change.person, id: '' } }
    })
    const res = await deskFetch(
      desk,
      '/api/business/people',
      json({
        pin: owner.pin,
        person: {
          name: 'Rita Reception',
          email: 'rita@example.com',
          language: 'en',
          pin: '5555',
          role: 'receptionist',
          branches: [desk.services.sync.relayIdentity().channelId],
        },
      }),
    )
    faulty.fault('POST /v1/business/people', null)
    expect(res.status).toBe(502)
    expect(await res.json()).toEqual({
      error: {
        code: 'RELAY_NOT_UNDERSTOOD',
        message:
          "The relay's answer to POST /v1/business/people was not understood: /person/id must NOT have fewer than 1 characters",
        params: { call: 'POST /v1/business/people' },
      },
    })
  })

  it('applies nothing of a page of events with a day that does not exist, and takes the page once it is answered well', async () => {
    const { channelId } = desk.services.sync.relayIdentity()
    const body: DeskEventBody = {
      triggerEvent: 'FRONTDESK_DESK_EVENT',
      key: 'elsewhere-1',
      deviceId: 'dev_other',
      madeAt: new Date().toISOString(),
      change: { kind: 'visit', bookingUid: 'not-heard-of-yet', state: 'ARRIVED' },
    }
    const field = "SELECT * FROM desk_field_seqs WHERE field = 'visit:not-heard-of-yet'"
    const cursorAt = () => rowsOf('SELECT last_seq FROM relay_cursor')
    const cursorBefore = cursorAt()
    faulty.fault('GET /v1/events', (answer) => {
      const page = answer as EventsResponse
      return page.events.length === 0
        ? page
        : {
            ...page,
            events: page.events.map((e) => ({ ...e, receivedAt: '2026-02-30T10:00:00.000Z' })),
          }
    })
    const [stored] = await relay.storage.ingest([
      {
        channelId: channelId!,
        body: Buffer.from(JSON.stringify(body)),
        bodySha256: 'elsewhere-1',
        contentType: 'application/vnd.frontdesk.desk-event+json',
        headers: {},
        receivedAt: new Date(),
        deskField: 'visit:not-heard-of-yet',
      },
    ])
    const message =
      "The relay's answer to GET /v1/events was not understood: /events/0/receivedAt must be an ISO 8601 time that exists"
    await until(
      'sync health naming the bad page',
      async () => (await syncHealth()).recentErrors.some((e) => e.message === message),
      { explain: () => desk.services.sync.health() },
    )
    expect(rowsOf(field)).toEqual([])
    expect(cursorAt()).toEqual(cursorBefore)
    expect((await syncHealth()).relay.cursor).toBeLessThan(stored!.seq)

    faulty.fault('GET /v1/events', null)
    await until('the desk past the event', () =>
      (desk.services.sync.health().relay.cursor ?? 0) >= stored!.seq ? true : false,
    )
    expect(rowsOf(field)).toEqual([
      expect.objectContaining({ seq: stored!.seq, value: JSON.stringify('ARRIVED') }),
    ])
  })
})
