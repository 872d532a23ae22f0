// The outbox and Cal.com OAuth: an access token that expires mid-queue is refreshed and the queue
// goes on; a refused refresh token pauses the queue (branch: reconnect needed) without losing or
// failing anything, and reconnecting drains it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { consentInSandbox, freePort } from '../connect/sandbox-oauth.test-support'
import {
  act,
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  json,
  post,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  syncedFrom,
  until,
} from './outbound.test-support'

let sandbox: RunningSandbox
let state: SandboxState
let desk: TempDesk

beforeAll(async () => {
  const port = await freePort()
  sandbox = await startSandbox({
    port: 0,
    now: SANDBOX_NOW,
    oauthRedirectUri: `http://127.0.0.1:${port}/callback`,
  })
  state = await sandboxState(sandbox.url)
  desk = await deskOn(sandbox.url, {
    env: {
      FRONTDESK_OAUTH_CLIENT_ID: state.oauthClient.clientId,
      FRONTDESK_OAUTH_REDIRECT_PORT: String(port),
    },
  })
  const { authorizeUrl } = await json<{ authorizeUrl: string }>(
    post(desk, '/api/branch/connect', {}),
  )
  const page = await fetch(await consentInSandbox(authorizeUrl, state.accounts[0]!))
  expect(page.status).toBe(200)
})
afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
})

const tokenCalls = () =>
  desk.services.apiLog.recent(1000).filter((c) => c.path === '/v2/auth/oauth2/token').length
const advance = (ms: number) =>
  fetch(`${sandbox.url}/_sandbox/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  })
const branchConnection = async () =>
  (await json<{ connection: string }>(deskFetch(desk, '/api/branch'))).connection

it('refreshes an access token that expires mid-queue, once, and the queue goes on', async () => {
  const haircut = eventTypeOf(desk, 'haircut')
  const { slots } = await slotsOf(desk, haircut.id)
  const first = await syncedFrom(
    desk,
    (await book(desk, { eventTypeId: haircut.id, start: slots[0], attendee: { name: 'Lee Moss' } }))
      .outboxId!,
  )
  const refreshes = tokenCalls()

  // 31 minutes pass at Cal.com: the access token the desk holds is now refused with 401.
  await advance(31 * 60_000)
  const second = await book(desk, {
    eventTypeId: haircut.id,
    start: slots[4],
    attendee: { name: 'Mo Nash' },
  })
  const cancel = await act(desk, first.uid, 'cancel', { reason: 'Ill' })
  await syncedFrom(desk, second.outboxId!)
  await syncedFrom(desk, cancel.outboxId!)
  expect(tokenCalls() - refreshes).toBe(1)
  expect(desk.services.outbox.counts()).toMatchObject({
    needs_attention: 0,
    pending: 0,
    in_flight: 0,
  })
  expect(await branchConnection()).toBe('connected')
})

it('pauses on a refused refresh token, keeps every row, and drains after reconnecting', async () => {
  // A month passes: the refresh token has expired too.
  await advance(31 * 86_400_000)
  const haircut = eventTypeOf(desk, 'haircut')
  const sandboxNow = Date.parse(
    (await json<{ now: string }>(fetch(`${sandbox.url}/_sandbox/clock`))).now,
  )
  const calcomType = state.accounts[0]!.eventTypes.find((e) => e.slug === 'haircut')!
  const from = new Date(sandboxNow + 86_400_000).toISOString()
  const to = new Date(sandboxNow + 2 * 86_400_000).toISOString()
  const free = await json<{ data: Record<string, Array<{ start: string }>> }>(
    fetch(`${sandbox.url}/v2/slots?eventTypeId=${calcomType.id}&start=${from}&end=${to}`, {
      headers: { 'cal-api-version': '2024-09-04' },
    }),
  )
  const starts = Object.values(free.data)
    .flat()
    .map((s) => new Date(s.start).toISOString())

  const queued = await book(desk, {
    eventTypeId: haircut.id,
    start: starts[0],
    attendee: { name: 'Ny Oak' },
  })
  expect(queued.appointment.syncState).toBe('pending')
  await until(
    desk,
    async () => (await branchConnection()) === 'reconnect_needed',
    'reconnect needed',
  )
  const later = await book(desk, {
    eventTypeId: haircut.id,
    start: starts[3],
    attendee: { name: 'Oz Pym' },
  })
  // Paused, not failed: both rows wait, nothing reached Cal.com, nothing needs attention.
  const open = await json<Array<{ id: number; state: string }>>(deskFetch(desk, '/api/outbox'))
  expect(open.map((e) => e.id)).toEqual(expect.arrayContaining([queued.outboxId, later.outboxId]))
  expect(open.every((e) => e.state === 'pending')).toBe(true)
  expect(desk.services.outboxWorker.state).toBe('paused')

  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  const a = await syncedFrom(desk, queued.outboxId!)
  const b = await syncedFrom(desk, later.outboxId!)
  expect(sandbox.sandbox.store.bookings.get(a.uid)).toBeDefined()
  expect(sandbox.sandbox.store.bookings.get(b.uid)).toBeDefined()
})
