// Structured logs (pino): everything to <data dir>/logs/desk.log, warnings and worse also to
// stderr. Tokens never reach a log: the redact paths and the URL scrubber below see to it.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'

export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  'apiToken',
  'accessToken',
  'refreshToken',
  'apiKey',
  '*.token',
  '*.apiToken',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  // Nothing logs these today; listed so a log line carrying a request body or a config object
  // by mistake still does not write them to disk.
  'pin',
  'password',
  'secret',
  'clientSecret',
  'deviceToken',
  'joinCode',
  'codeVerifier',
  '*.pin',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.deviceToken',
  '*.joinCode',
  '*.codeVerifier',
]

/** Drops secrets carried in query strings (the headless URL and the live stream carry `token`). */
export function scrubUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|code|api_key)=)[^&#]*/gi, '$1[REDACTED]')
}

export function createDeskLogger(dataDir: string, level: pino.LevelWithSilent): Logger {
  if (level === 'silent') return pino({ level })
  const dir = join(dataDir, 'logs')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: { app: 'frontdesk-desk' },
    },
    pino.multistream([
      { level, stream: pino.destination({ dest: join(dir, 'desk.log'), sync: true, mode: 0o600 }) },
      { level: 'warn', stream: process.stderr },
    ]),
  )
}
