// What the operator relies on: configuration errors at start, rate limits, the retention timer,
// health, and admin routes switched off without a token.
import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../src/app.js'
import { ConfigError, loadConfig } from '../src/config.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  ADMIN_TOKEN,
  auth,
  bookingBody,
  createDatabase,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  testConfig,
  type Harness,
} from './helpers.js'
import { startRelayProcess } from './relay-process.js'

describe('configuration', () => {
  it('names every invalid variable at once', () => {
    let error: unknown
    try {
      loadConfig({
        RELAY_PORT: '80a',
        RELAY_PUBLIC_URL: 'ftp://relay.example.com',
        RELAY_DATABASE_URL: 'mysql://db',
        RELAY_RETENTION_DAYS: '0',
        RELAY_MAX_BODY_BYTES: '12',
        RELAY_ADMIN_TOKEN: 'short',
        RELAY_ALLOWED_ACCOUNTS: '12, abc',
      })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    const text = (error as ConfigError).message
    for (const name of [
      'RELAY_PORT',
      'RELAY_PUBLIC_URL',
      'RELAY_DATABASE_URL',
      'RELAY_RETENTION_DAYS',
      'RELAY_MAX_BODY_BYTES',
      'RELAY_ADMIN_TOKEN',
      'RELAY_ALLOWED_ACCOUNTS',
    ]) {
      expect(text).toContain(name)
    }
  })

  it('checks the email settings together, and never prints the SMTP password', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env)
        return ''
      } catch (err) {
        return (err as ConfigError).message
      }
    }
    const wrongScheme = problems({
      RELAY_SMTP_URL: 'http://mailer:s3cr3t-pass@mail.example.com',
      RELAY_MAIL_FROM: 'alerts@example.com',
    })
    expect(wrongScheme).toContain('RELAY_SMTP_URL must start with smtp:// or smtps://')
    expect(wrongScheme).not.toContain('s3cr3t-pass')
    expect(problems({ RELAY_SMTP_URL: 'smtp://mail.example.com:587' })).toContain(
      'RELAY_MAIL_FROM must be set with RELAY_SMTP_URL',
    )
    expect(problems({ RELAY_MAIL_FROM: 'alerts@example.com' })).toContain(
      'RELAY_MAIL_FROM is set but RELAY_SMTP_URL is not',
    )
    expect(
      problems({ RELAY_SMTP_URL: 'smtps://mail.example.com', RELAY_MAIL_FROM: 'not an address' }),
    ).toContain('RELAY_MAIL_FROM must be an email address')
    expect(problems({ RELAY_NOTIFY_CLAIM_SECONDS: '0' })).toContain('RELAY_NOTIFY_CLAIM_SECONDS')
    expect(
      loadConfig({
        RELAY_SMTP_URL: 'smtps://mailer:pw@mail.example.com:465',
        RELAY_MAIL_FROM: 'Frontdesk <alerts@example.com>',
      }).smtp,
    ).toEqual({
      url: 'smtps://mailer:pw@mail.example.com:465',
      from: 'Frontdesk <alerts@example.com>',
    })
    expect(loadConfig({}).smtp).toBeUndefined()
  })

  it('takes only proxy addresses in RELAY_TRUST_PROXY, naming it otherwise', () => {
    const problems = (value: string) => {
      try {
        loadConfig({ RELAY_TRUST_PROXY: value })
        return ''
      } catch (err) {
        return (err as ConfigError).message
      }
    }
    // "yes" failed the start with "invalid IP address: yes"; "1" (a hop count elsewhere) was
    // taken for the address 0.0.0.1, so no proxy was believed and every client shared its limit.
    for (const value of ['yes', '1', '2', '10.0.0.0/33', '127.0.0.1, proxy.internal'])
      expect(problems(value), value).toMatch(/RELAY_TRUST_PROXY/)
    for (const value of ['true', 'false', '127.0.0.1', '10.0.0.0/8, ::1', 'loopback,uniquelocal'])
      expect(problems(value), value).toBe('')
    expect(loadConfig({ RELAY_TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
    ])
  })

  it('takes only a base URL for the addresses it appends paths to', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env)
        return ''
      } catch (err) {
        return (err as ConfigError).message
      }
    }
    // The webhook Cal.com was told to call became https://relay.example.com/?k=1/hooks/calcom/….
    expect(problems({ RELAY_PUBLIC_URL: 'https://relay.example.com/?k=1' })).toContain(
      'RELAY_PUBLIC_URL must be a base URL without ?query or #fragment',
    )
    expect(problems({ RELAY_PUBLIC_URL: 'https://relay.example.com#top' })).toContain(
      'RELAY_PUBLIC_URL',
    )
    expect(problems({ RELAY_CALCOM_API_URL: 'https://api.cal.com?v=2' })).toContain(
      'RELAY_CALCOM_API_URL',
    )
    expect(loadConfig({ RELAY_PUBLIC_URL: 'https://relay.example.com/relay/' }).publicUrl).toBe(
      'https://relay.example.com/relay',
    )
  })

  it('uses the documented defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      publicUrl: 'http://127.0.0.1:8787',
      databaseUrl: 'file:./relay-data/relay.db',
      calcomApiUrl: 'https://api.cal.com',
      retentionDays: 14,
      maxBodyBytes: 1_048_576,
      adminToken: undefined,
      allowedAccounts: undefined,
    })
  })

  it('refuses to start with a bad configuration, printing what is wrong', async () => {
    await expect(
      startRelayProcess({ RELAY_DATABASE_URL: 'mysql://nope', RELAY_RETENTION_DAYS: 'two' }),
    ).rejects.toThrow(/exited \(2\)[\s\S]*RELAY_DATABASE_URL[\s\S]*RELAY_RETENTION_DAYS/)
  })
})

describe('limits and housekeeping', () => {
  let h: Harness | undefined
  afterEach(async () => {
    vi.useRealTimers()
    await h?.close()
    h = undefined
  })

  it('logs refusals in aggregate: one line per source and reason per interval, never a secret', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
    // Only interval timers are faked, so the test decides when an interval ends.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    h = await startHarness('sqlite', {}, { logger, refusalLogIntervalMs: 60_000 })
    const { channel, secret } = await seedChannel(h.storage)
    const body = bookingBody()
    const good = signedHeaders(secret, body)['x-cal-signature-256']
    const post = (from: string, channelId: string, signature: string) =>
      h?.app.inject({
        method: 'POST',
        url: `/hooks/calcom/${channelId}`,
        remoteAddress: from,
        headers: { ...signedHeaders(secret, body), 'x-cal-signature-256': signature },
        payload: body,
      })
    const wrongAdmin = (from: string) =>
      h?.app.inject({
        url: '/v1/admin/channels',
        remoteAddress: from,
        headers: auth('x'.repeat(30)),
      })
    const refused = () =>
      lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        // Other warnings (a branch whose deliveries keep failing their signature) are not refusals.
        .filter((l) => (l.level as number) >= 40 && l.msg === 'requests refused')
        .map(({ from, reason, count }) => ({ from, reason, count }))
        .sort((a, b) => `${a.from}${a.reason}`.localeCompare(`${b.from}${b.reason}`))

    for (let i = 0; i < 30; i++) await post('203.0.113.1', channel.id, 'f'.repeat(64))
    for (let i = 0; i < 5; i++) await post('203.0.113.1', 'ch_unknown', good)
    for (let i = 0; i < 10; i++) await post('203.0.113.2', channel.id, 'no-secret-provided')
    for (let i = 0; i < 3; i++) await wrongAdmin('203.0.113.2')
    expect(refused()).toEqual([])
    vi.advanceTimersByTime(60_000)
    expect(refused()).toEqual([
      { from: '203.0.113.1', reason: 'bad_signature', count: 30 },
      { from: '203.0.113.1', reason: 'unknown_channel', count: 5 },
      { from: '203.0.113.2', reason: 'bad_admin_token', count: 3 },
      { from: '203.0.113.2', reason: 'bad_signature', count: 10 },
    ])

    lines.length = 0
    await post('203.0.113.1', channel.id, 'f'.repeat(64))
    vi.advanceTimersByTime(60_000)
    vi.advanceTimersByTime(60_000)
    expect(refused()).toEqual([{ from: '203.0.113.1', reason: 'bad_signature', count: 1 }])

    // What is still counted when the relay stops is written, not lost.
    lines.length = 0
    await post('203.0.113.3', 'ch_unknown', good)
    vi.useRealTimers()
    await h.close()
    h = undefined
    expect(refused()).toEqual([{ from: '203.0.113.3', reason: 'unknown_channel', count: 1 }])
    expect(lines.join('')).not.toContain(good)
    expect(lines.join('')).not.toContain('x'.repeat(30))
  })

  it('rate-limits intake per channel and counts the refusals', async () => {
    h = await startHarness('sqlite', { RELAY_INTAKE_RATE_LIMIT: '3' })
    const a = await seedChannel(h.storage)
    const b = await seedChannel(h.storage)
    const post = (c: typeof a) => {
      const body = bookingBody()
      return h?.app.inject({
        method: 'POST',
        url: `/hooks/calcom/${c.channel.id}`,
        headers: signedHeaders(c.secret, body),
        payload: body,
      })
    }
    const codes = []
    for (let i = 0; i < 5; i++) codes.push((await post(a))?.statusCode)
    expect(codes).toEqual([200, 200, 200, 429, 429])
    expect((await post(b))?.statusCode).toBe(200)
    const metrics = await h.app.inject({ url: '/metrics', headers: auth(ADMIN_TOKEN) })
    expect(metrics.body).toMatch(/relay_deliveries_rejected_total\{reason="rate_limited"\} 2/)
  })

  it('rate-limits enrollment per client', async () => {
    h = await startHarness('sqlite', { RELAY_ENROLL_RATE_LIMIT: '2' })
    const codes = []
    for (let i = 0; i < 3; i++)
      codes.push(
        (await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: {} })).statusCode,
      )
    expect(codes).toEqual([400, 400, 429])
  })

  it('prunes acked events on its own timer', async () => {
    const db = await createDatabase('postgres')
    const storage = await openStorage(db.url)
    const app = await buildApp({
      config: testConfig({ RELAY_DATABASE_URL: db.url, RELAY_MIN_RETENTION_HOURS: '0' }),
      storage,
      closeStorage: true,
      pruneIntervalMs: 100,
    })
    try {
      const { channel, secret } = await seedChannel(storage)
      const { device, token } = await seedDevice(storage, channel.id)
      for (let i = 0; i < 3; i++) {
        const body = bookingBody()
        await app.inject({
          method: 'POST',
          url: `/hooks/calcom/${channel.id}`,
          headers: signedHeaders(secret, body),
          payload: body,
        })
      }
      await storage.ack(device.id, 2)
      await vi.waitFor(async () => {
        const r = await app.inject({ url: '/v1/events?after=0', headers: auth(token) })
        expect(r.statusCode).toBe(410)
      }, 5000)
      const rest = await app.inject({ url: '/v1/events', headers: auth(token) })
      expect(rest.json().events.map((e: { seq: number }) => e.seq)).toEqual([3])
    } finally {
      await app.close()
      await db.drop()
    }
  })

  it('reports 503 on /healthz when storage is unreachable', async () => {
    h = await startHarness('sqlite')
    expect((await h.app.inject({ url: '/healthz' })).statusCode).toBe(200)
    await h.storage.close()
    const r = await h.app.inject({ url: '/healthz' })
    expect(r.statusCode).toBe(503)
    expect(r.json()).toMatchObject({ ok: false, code: 'STORAGE_UNREACHABLE' })
  })

  it('switches admin routes and metrics off when no admin token is configured', async () => {
    h = await startHarness('sqlite', { RELAY_ADMIN_TOKEN: '' })
    for (const url of ['/v1/admin/channels', '/v1/admin/deliveries', '/metrics']) {
      expect((await h.app.inject({ url, headers: auth(ADMIN_TOKEN) })).statusCode).toBe(404)
    }
  })
})
