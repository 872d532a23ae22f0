// A service's cancellation policy as the desk sees it (DESIGN.md §8, §10), as deployed: the Cal.com
// sandbox, a real relay and a connected desk. The owner sets the policy from the desk (the relay
// checks the PIN and keeps it with the business); the desk's copy has it at once; the appointment
// shows it; a cancellation inside the window is marked late in the history and the audit, one
// before it is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import type { PeopleList } from '../../../shared/api/people'
import type { AppointmentDetail } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let account: SandboxAccount
let relay: InProcessRelay
let desk: TempDesk
let serviceId: number
const OWNER = { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: '4321' }
const RECEPTION_PIN = '8642'
let ownerId: string
let receptionistId: string

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const call = (path: string, method: string, body?: unknown) =>
  deskFetch(desk, path, { method, ...(body === undefined ? {} : json(body)) })
const signIn = async (personId: string, pin: string) =>
  expect((await call('/api/session', 'POST', { personId, pin })).status).toBe(200)
const detail = async (uid: string) =>
  (await (await deskFetch(desk, `/api/appointments/${uid}`)).json()) as AppointmentDetail

/** An appointment of the service starting `hoursAhead` from now, as Cal.com would have told it. */
function appointmentIn(uid: string, hoursAhead: number) {
  const branch = desk.services.branches.current()
  const start = Date.now() + hoursAhead * 3_600_000
  desk.services.appointments.upsert(
    {
      uid,
      branchId: branch.id,
      eventTypeId: serviceId,
      title: `Cut with ${uid}`,
      start: new Date(start),
      end: new Date(start + 3_600_000),
      status: 'SCHEDULED',
      attendee: { name: uid },
    },
    'calcom',
  )
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
  account = accounts[0]!
  await connectByApiKey(desk, account.apiKey)
  await untilRelayOnline(desk)
  const set = await call('/api/business', 'POST', { name: 'Olga’s Salons', owner: OWNER })
  expect(set.status).toBe(200)
  ownerId = ((await set.json()) as PeopleList).people[0]!.id
  await signIn(ownerId, OWNER.pin)
  const added = await call('/api/business/people', 'POST', {
    pin: OWNER.pin,
    person: {
      name: 'Rita Reception',
      email: 'rita@example.com',
      language: 'es',
      pin: RECEPTION_PIN,
      role: 'receptionist',
    },
  })
  expect(added.status).toBe(200)
  receptionistId = ((await added.json()) as { person: { id: string } }).person.id
  const types = (await (await deskFetch(desk, '/api/event-types')).json()) as { id: number }[]
  serviceId = types[0]!.id
})

afterAll(async () => {
  await desk?.dispose()
  await relay?.close().catch(() => undefined)
  await sandbox?.close()
})

describe('a service’s cancellation policy at the desk', () => {
  it('is set by the owner with the PIN, kept by the relay and copied here at once', async () => {
    await signIn(ownerId, OWNER.pin)
    const wrong = await call(`/api/cancellation-policies/${serviceId}`, 'PUT', {
      pin: '0000',
      windowHours: 24,
      text: 'x',
    })
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: { code: 'PIN_REFUSED', field: 'pin' } })

    const r = await call(`/api/cancellation-policies/${serviceId}`, 'PUT', {
      pin: OWNER.pin,
      windowHours: 24,
      text: 'Please cancel at least a day ahead; later cancellations are charged half.',
    })
    expect(r.status, await r.clone().text()).toBe(200)
    expect(await r.json()).toEqual({
      policy: {
        windowHours: 24,
        text: 'Please cancel at least a day ahead; later cancellations are charged half.',
      },
    })
    const snapshot = (
      await relay.app.inject({
        method: 'GET',
        url: '/v1/business',
        headers: {
          authorization: `Bearer ${(await desk.services.sync.relayDevice())!.deviceToken}`,
        },
      })
    ).json() as { cancellationPolicies: { windowHours: number }[] }
    expect(snapshot.cancellationPolicies.map((p) => p.windowHours)).toEqual([24])
    // The owner's screen lists every service of the branch with its policy, or none.
    const list = (await (await call('/api/cancellation-policies', 'GET')).json()) as {
      services: { eventTypeId: number; policy: { windowHours: number } | null }[]
    }
    expect(list.services.find((s) => s.eventTypeId === serviceId)?.policy?.windowHours).toBe(24)
    expect(list.services.filter((s) => s.policy === null).length).toBeGreaterThan(0)
  })

  it('is not a receptionist’s to set, and an unknown service is named', async () => {
    await signIn(receptionistId, RECEPTION_PIN)
    const r = await call(`/api/cancellation-policies/${serviceId}`, 'PUT', {
      pin: RECEPTION_PIN,
      windowHours: 1,
      text: 'Whenever.',
    })
    expect(r.status).toBe(403)
    await signIn(ownerId, OWNER.pin)
    const unknown = await call('/api/cancellation-policies/999999', 'PUT', {
      pin: OWNER.pin,
      windowHours: 1,
      text: 'x',
    })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { field: 'eventTypeId' } })
    const bad = await call(`/api/cancellation-policies/${serviceId}`, 'PUT', {
      pin: OWNER.pin,
      windowHours: -3,
      text: 'x',
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { field: 'windowHours' } })
  })

  it('a cancellation inside the window is marked late in the history and the audit', async () => {
    appointmentIn('late-client', 3)
    await signIn(receptionistId, RECEPTION_PIN)
    const before = await detail('late-client')
    expect(before.cancellationPolicy).toEqual({
      windowHours: 24,
      text: 'Please cancel at least a day ahead; later cancellations are charged half.',
    })
    const r = await call('/api/appointments/late-client/cancel', 'POST', { reason: 'Sick' })
    expect(r.status).toBe(202)
    const after = await detail('late-client')
    expect(after.history.at(-1)).toMatchObject({
      code: 'cancelled_at_desk',
      params: { late: true, windowHours: 24 },
      by: { personId: receptionistId },
    })
    const audit = desk.services.audit
      .entries('appointment:late-client')
      .find((e) => e.action === 'appointment.cancel')
    expect(audit?.detail).toMatchObject({ late: true, windowHours: 24 })
  })

  it('a cancellation before the window is not late', async () => {
    appointmentIn('early-client', 72)
    const r = await call('/api/appointments/early-client/cancel', 'POST', { reason: 'Travel' })
    expect(r.status).toBe(202)
    const entry = (await detail('early-client')).history.at(-1)
    expect(entry).toMatchObject({ code: 'cancelled_at_desk' })
    expect(entry?.params).not.toHaveProperty('late')
  })

  it('removed by the owner, the service has no policy and nothing is late', async () => {
    await signIn(ownerId, OWNER.pin)
    const r = await call(`/api/cancellation-policies/${serviceId}`, 'DELETE', { pin: OWNER.pin })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ policy: null })
    appointmentIn('no-policy-client', 2)
    expect((await detail('no-policy-client')).cancellationPolicy).toBeNull()
    await call('/api/appointments/no-policy-client/cancel', 'POST', { reason: 'x' })
    expect((await detail('no-policy-client')).history.at(-1)?.params).not.toHaveProperty('late')
  })

  it('a client cancelling in Cal.com inside the window is marked late too', async () => {
    const type = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
    const types = (await (await deskFetch(desk, '/api/event-types')).json()) as {
      id: number
      calcomId: number
    }[]
    const here = types.find((t) => t.calcomId === type.id)!
    await signIn(ownerId, OWNER.pin)
    const set = await call(`/api/cancellation-policies/${here.id}`, 'PUT', {
      pin: OWNER.pin,
      windowHours: 720,
      text: 'A month ahead, please.',
    })
    expect(set.status).toBe(200)
    const query = new URLSearchParams({
      eventTypeId: String(type.id),
      start: new Date(Date.now() + 3_600_000).toISOString(),
      end: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    })
    const slots = (await (
      await fetch(`${sandbox.url}/v2/slots?${query}`, {
        headers: { 'cal-api-version': '2024-09-04' },
      })
    ).json()) as { data: Record<string, { start: string }[]> }
    const start = Object.values(slots.data).flat()[0]!.start
    const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        start: new Date(start).toISOString(),
        eventTypeId: type.id,
        attendee: { name: 'Cleo Online', email: 'cleo@example.com', timeZone: account.timeZone },
      }),
    })
    expect(booked.status).toBe(201)
    const { uid } = ((await booked.json()) as { data: { uid: string } }).data
    await until(
      'the booking at the desk',
      async () => (await deskFetch(desk, `/api/appointments/${uid}`)).ok,
    )
    const cancelled = await fetch(`${sandbox.url}/v2/bookings/${uid}/cancel`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${account.apiKey}`,
        'cal-api-version': '2024-08-13',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ cancellationReason: 'Cannot make it' }),
    })
    expect(cancelled.status).toBe(200)
    await until('the cancellation at the desk', async () =>
      (await detail(uid)).history.some(
        (e) => e.code === 'calcom_changed' && e.params.statusTo === 'CANCELLED',
      ),
    )
    const entry = (await detail(uid)).history.find((e) => e.code === 'calcom_changed')
    expect(entry?.params).toMatchObject({ statusTo: 'CANCELLED', late: true, windowHours: 720 })
  })
})
