// Refused requests spend their sender's budget, never a channel's: a flood of forged deliveries
// cannot keep Cal.com's real ones out, the admin log keeps real deliveries apart from the flood,
// and wrong admin or device tokens are limited per client address. Once per storage engine.
import { afterEach, describe, expect, it } from 'vitest'
import type { EventsResponse } from '../../src/shared/relay/relay-contract.js'
import {
  ADMIN_TOKEN,
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
} from './helpers.js'

const CALCOM = '198.51.100.10'
const ATTACKER = '203.0.113.66'
const OTHER = '203.0.113.99'
const LIMITS = { RELAY_INTAKE_RATE_LIMIT: '50', RELAY_REFUSAL_RATE_LIMIT: '20' }

describe.each(ENGINES)('refusals on %s', (engine) => {
  let h: Harness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  const start = async () => (h = await startHarness(engine, LIMITS))
  const deliver = (
    relay: Harness,
    from: string,
    channelId: string,
    body: string,
    headers: Record<string, string>,
  ) =>
    relay.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${channelId}`,
      remoteAddress: from,
      headers,
      payload: body,
    })

  it('a flood of forged and misaddressed deliveries leaves the channel its whole budget', async () => {
    const relay = await start()
    const { channel, secret } = await seedChannel(relay.storage)
    const { token } = await seedDevice(relay.storage, channel.id)
    const forged = bookingBody('forged')
    const statuses: number[] = []
    for (let i = 0; i < 70; i++) {
      const signature = ['f'.repeat(64), 'no-secret-provided', ''][i % 3] as string
      const headers = { ...signedHeaders(secret, forged), 'x-cal-signature-256': signature }
      statuses.push((await deliver(relay, ATTACKER, channel.id, forged, headers)).statusCode)
      statuses.push(
        (await deliver(relay, ATTACKER, 'ch_doesnotexist', forged, signedHeaders(secret, forged)))
          .statusCode,
      )
    }
    // The attacker's address runs out of refusals: its answers turn from 401/404 to 429.
    expect(new Set(statuses.slice(0, 20))).toEqual(new Set([401, 404]))
    expect(new Set(statuses.slice(20))).toEqual(new Set([429]))

    const real = bookingBody('real')
    const answer = await deliver(relay, CALCOM, channel.id, real, signedHeaders(secret, real))
    expect(answer.statusCode).toBe(200)
    // A delivery that verifies is never refused for its sender's refusals.
    const alsoReal = bookingBody('real, same address as the flood')
    const fromAttacker = await deliver(
      relay,
      ATTACKER,
      channel.id,
      alsoReal,
      signedHeaders(secret, alsoReal),
    )
    expect(fromAttacker.statusCode).toBe(200)

    const page = (
      await relay.app.inject({ url: '/v1/events?after=0', headers: auth(token) })
    ).json() as EventsResponse
    expect(page.events.map((e) => e.body)).toEqual([real, alsoReal])
  })

  it('keeps accepted deliveries in the admin log however many refusals follow them', async () => {
    const relay = await start()
    const { channel, secret } = await seedChannel(relay.storage)
    const real = bookingBody('real')
    expect(
      (await deliver(relay, CALCOM, channel.id, real, signedHeaders(secret, real))).statusCode,
    ).toBe(200)
    const forged = bookingBody('forged')
    const headers = { ...signedHeaders(secret, forged), 'x-cal-signature-256': 'f'.repeat(64) }
    for (let i = 0; i < 600; i++) await deliver(relay, ATTACKER, channel.id, forged, headers)

    const log = (
      await relay.app.inject({
        url: `/v1/admin/deliveries?channelId=${channel.id}&limit=500`,
        headers: auth(ADMIN_TOKEN),
      })
    ).json() as {
      deliveries: { result: string; seq: number | null }[]
      refusals: { result: string; from: string }[]
    }
    expect(log.deliveries).toEqual([expect.objectContaining({ result: 'accepted', seq: 1 })])
    expect(log.refusals).toHaveLength(500)
    expect(log.refusals.every((r) => r.result === 'bad_signature' && r.from === ATTACKER)).toBe(
      true,
    )
  })

  it('limits wrong admin tokens per client address; other addresses are unaffected', async () => {
    const relay = await start()
    const admin = (from: string, token: string) =>
      relay.app.inject({ url: '/v1/admin/channels', remoteAddress: from, headers: auth(token) })
    const wrong = 'not-the-admin-token-0123456789'
    const flood: number[] = []
    for (let i = 0; i < 25; i++) flood.push((await admin(ATTACKER, wrong)).statusCode)
    expect(flood).toEqual([...Array(20).fill(401), ...Array(5).fill(429)])
    const limited = await admin(ATTACKER, ADMIN_TOKEN)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().code).toBe('RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await admin(OTHER, ADMIN_TOKEN)).statusCode).toBe(200)
    expect((await admin(OTHER, wrong)).statusCode).toBe(401)
  })

  it('limits wrong device tokens per client address; other addresses are unaffected', async () => {
    const relay = await start()
    const { channel } = await seedChannel(relay.storage)
    const { token } = await seedDevice(relay.storage, channel.id)
    const revoked = await seedDevice(relay.storage, channel.id)
    await relay.storage.revokeDevice(revoked.device.id)
    const routes = [
      { method: 'GET' as const, url: '/v1/events' },
      { method: 'POST' as const, url: '/v1/ack', payload: { seq: 0 } },
      { method: 'GET' as const, url: '/v1/stream?after=0' },
    ]
    const flood: number[] = []
    for (let i = 0; i < 24; i++) {
      const headers = i % 2 ? auth(revoked.token) : auth(`fdr_guess${i}`)
      const route = routes[i % routes.length]!
      flood.push(
        (await relay.app.inject({ ...route, remoteAddress: ATTACKER, headers })).statusCode,
      )
    }
    expect(flood).toEqual([...Array(20).fill(401), ...Array(4).fill(429)])
    const events = (from: string, t: string) =>
      relay.app.inject({ url: '/v1/events', remoteAddress: from, headers: auth(t) })
    expect((await events(ATTACKER, token)).statusCode).toBe(429)
    expect((await events(OTHER, token)).statusCode).toBe(200)
    expect((await events(OTHER, revoked.token)).statusCode).toBe(401)
  })
})
