// The first the desk hears of a booking can be a webhook body that does not carry all of it:
// Cal.com's BOOKING_REJECTED has no metadata. The row shows at once, and the booking is read from
// Cal.com, so the desk ends with what Cal.com holds — here the `frontdeskMutationId` of a walk-in
// another desk of the branch booked and declined before this desk heard of it (convergence seed
// 156: the incremental reconcile had passed it, and it stayed without its metadata for good).
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningSandbox, SandboxState } from '../../../../sandbox/src/index'
import { calcomAsBranch } from '../../../../test/support/sandbox-calcom'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import type { TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { mapWebhookBody } from '../appointments/booking-mapping'
import { stamped } from '../appointments/webhook-examples.test-support'
import { connectedDeskOnSandbox, type SandboxDesk } from '../outbound/outbound.test-support'

let world: SandboxDesk
let sandbox: RunningSandbox
let state: SandboxState
let desk: TempDesk

beforeAll(async () => {
  world = await connectedDeskOnSandbox()
  sandbox = world.sandbox
  state = world.state
  desk = world.desk
  await until('the first reconcile', () => desk.services.sync.health().lastReconcile?.ok === true)
})
afterAll(() => world?.close())

const calcom = async (path: string, body: unknown) => {
  const res = await calcomAsBranch(sandbox.url, state.accounts[0]!.apiKey, path, body)
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { data: { uid: string; id: number } }).data
}

it('reads a booking first heard of in a body without its metadata, and ends with the metadata', async () => {
  const account = state.accounts[0]!
  const eventType = account.eventTypes.find((e) => e.requiresConfirmation)!
  const [start] = await sandboxSlots(sandbox.url, eventType.id)
  // Another desk's walk-in (its metadata names the desk's change), declined on Cal.com.
  const booked = await calcom('/v2/bookings', {
    start,
    eventTypeId: eventType.id,
    attendee: { name: 'Walk-in 3', email: 'walk-in-3@example.com', timeZone: account.timeZone },
    metadata: { frontdeskMutationId: 'made-at-the-other-desk' },
  })
  await calcom(`/v2/bookings/${booked.uid}/decline`, { reason: 'Double booked' })

  // Its BOOKING_REJECTED reaches this desk before anything else of it does.
  const body = stamped('booking_rejected.json', new Date().toISOString(), {
    uid: booked.uid,
    bookingId: booked.id,
    startTime: start,
    endTime: new Date(Date.parse(start!) + eventType.lengthInMinutes * 60_000).toISOString(),
  })
  expect(JSON.parse(body).payload).not.toHaveProperty('metadata')
  const { applied, error } = await desk.services.sync.applier.applyRelayPage(
    [{ mapped: mapWebhookBody(body), relay: { seq: 1, receivedAt: Date.now() } }],
    { client: desk.services.connection.client() },
  )

  expect(error).toBeNull()
  expect(applied).toHaveLength(1)
  expect(desk.services.appointments.rowByUid(booked.uid)).toMatchObject({
    status: 'REJECTED',
    metadata: { frontdeskMutationId: 'made-at-the-other-desk' },
  })
})
