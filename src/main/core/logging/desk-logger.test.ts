// The desk's log file never holds a secret, even when a log line carries one by mistake.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDeskLogger, scrubUrl } from './desk-logger'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('the desk log', () => {
  it('writes secrets as [REDACTED], at the top of a line and one level down (pino wildcards reach one level)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-log-'))
    dirs.push(dir)
    const logger = createDeskLogger(dir, 'info')
    const secrets = {
      token: 'session-token-1',
      apiKey: 'cal_live_secret2',
      accessToken: 'access-3',
      refreshToken: 'refresh-4',
      pin: '4711',
      password: 'smtp-pass-5',
      secret: 'webhook-secret-6',
      clientSecret: 'oauth-secret-7',
      deviceToken: 'device-8',
      joinCode: 'JOIN-9999',
      codeVerifier: 'pkce-verifier-10',
    }
    logger.info({ ...secrets, outboxId: 12 }, 'top level')
    logger.info({ body: secrets, relay: { deviceToken: 'device-8' } }, 'nested')
    logger.flush()
    const text = readFileSync(join(dir, 'logs', 'desk.log'), 'utf8')
    for (const value of Object.values(secrets)) expect(text).not.toContain(value)
    const [top, nested] = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(top).toMatchObject({ pin: '[REDACTED]', clientSecret: '[REDACTED]', outboxId: 12 })
    expect(nested).toMatchObject({ body: { pin: '[REDACTED]', joinCode: '[REDACTED]' } })
  })

  it('keeps error codes, which are not secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-log-'))
    dirs.push(dir)
    const logger = createDeskLogger(dir, 'info')
    logger.warn({ code: 'CALCOM_REFUSED', status: 409 }, 'refused')
    logger.flush()
    expect(readFileSync(join(dir, 'logs', 'desk.log'), 'utf8')).toContain('"code":"CALCOM_REFUSED"')
  })
})

describe('scrubUrl', () => {
  it('drops the token, code and key carried in a query string', () => {
    expect(scrubUrl('/api/live?token=abc&x=1')).toBe('/api/live?token=[REDACTED]&x=1')
    expect(scrubUrl('/callback?code=xyz&state=s')).toBe('/callback?code=[REDACTED]&state=s')
  })
})
