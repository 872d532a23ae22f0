// The relay's configuration, read from the environment once at start. Every value is validated
// here so a typo stops the process with a message naming the variable, instead of surfacing
// later as a confusing runtime error.
import { isIP } from 'node:net'

export interface RelayConfig {
  host: string
  port: number
  /** Base URL Cal.com is told to call (no trailing slash). */
  publicUrl: string
  databaseUrl: string
  calcomApiUrl: string
  retentionDays: number
  /** Acked events are kept at least this long (so redeliveries still dedupe). */
  minRetentionHours: number
  maxBodyBytes: number
  adminToken: string | undefined
  /** Cal.com account ids allowed to enroll; undefined = anyone with a valid credential. */
  allowedAccounts: Set<string> | undefined
  enrollRateLimitPerMinute: number
  /** Join-code attempts per client address per minute (RELAY_JOIN_RATE_LIMIT). */
  joinRateLimitPerMinute: number
  intakeRateLimitPerMinute: number
  /** Refused deliveries, and wrong tokens, per minute per client address (each its own count). */
  refusalRateLimitPerMinute: number
  /** An open stream writes a heartbeat (and re-reads the log) after this long without events. */
  streamHeartbeatMs: number
  /** A parked long-poll re-reads the log at least this often, in case a wake-up was lost. */
  pollRecheckMs: number
  logLevel: string
  /** Fastify trustProxy: which proxies' X-Forwarded-For to believe (rate limits key on the client IP). */
  trustProxy: boolean | string[]
  /** Owners' and admins' email (DESIGN.md §8); undefined = email notifications are off. */
  smtp: { url: string; from: string } | undefined
  /** How long a dispatch claim holds before another instance may take the work over. */
  notifyClaimMs: number
  /** A branch whose deliveries no desk collects for this long raises relay.delivery_problem. */
  deliveryProblemMs: number
  /** The local hour branches close: each one's summary of its day goes out then; null: none. */
  dailySummaryHour: number | null
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid relay configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export function loadConfig(env: Env = process.env): RelayConfig {
  const problems: string[] = []
  const str = (name: string, fallback: string): string => {
    const v = env[name]
    return v === undefined || v.trim() === '' ? fallback : v.trim()
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name, String(fallback))
    if (!/^\d+$/.test(raw)) {
      problems.push(`${name} must be a whole number, got "${raw}"`)
      return fallback
    }
    const n = Number(raw)
    if (n < min || n > max) problems.push(`${name} must be between ${min} and ${max}, got ${n}`)
    return n
  }
  const url = (name: string, fallback: string, protocols: string[]): string => {
    const raw = str(name, fallback)
    try {
      const u = new URL(raw)
      if (!protocols.includes(u.protocol)) {
        problems.push(
          `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`,
        )
      }
      // Paths are appended to it: `https://relay.example.com?x=1` would become
      // `…?x=1/hooks/calcom/…`, an address Cal.com calls in vain.
      if (u.search || u.hash || raw.endsWith('?') || raw.endsWith('#'))
        problems.push(`${name} must be a base URL without ?query or #fragment, got "${raw}"`)
    } catch {
      problems.push(`${name} is not a valid URL: "${raw}"`)
    }
    return raw.replace(/\/+$/, '')
  }

  const host = str('RELAY_HOST', '127.0.0.1')
  const port = int('RELAY_PORT', 8787, 0, 65535)
  const publicUrl = url('RELAY_PUBLIC_URL', `http://${host}:${port}`, ['http:', 'https:'])
  const databaseUrl = str('RELAY_DATABASE_URL', 'file:./relay-data/relay.db')
  if (!/^(file:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push(
      `RELAY_DATABASE_URL must be file:<path> or postgres://…, got "${redact(databaseUrl)}"`,
    )
  }
  const calcomApiUrl = url('RELAY_CALCOM_API_URL', 'https://api.cal.com', ['http:', 'https:'])
  const retentionDays = int('RELAY_RETENTION_DAYS', 14, 1, 3650)
  const minRetentionHours = int('RELAY_MIN_RETENTION_HOURS', 24, 0, 24 * 3650)
  if (minRetentionHours > retentionDays * 24) {
    problems.push('RELAY_MIN_RETENTION_HOURS must not exceed RELAY_RETENTION_DAYS × 24')
  }
  const maxBodyBytes = int('RELAY_MAX_BODY_BYTES', 1_048_576, 1024, 64 * 1_048_576)
  const adminToken = env.RELAY_ADMIN_TOKEN?.trim() || undefined
  if (adminToken !== undefined && adminToken.length < 24) {
    problems.push('RELAY_ADMIN_TOKEN must be at least 24 characters (use `openssl rand -hex 32`)')
  }
  const accounts = str('RELAY_ALLOWED_ACCOUNTS', '')
  const allowedList = accounts.split(/[\s,]+/).filter(Boolean)
  for (const a of allowedList) {
    if (!/^\d+$/.test(a))
      problems.push(`RELAY_ALLOWED_ACCOUNTS holds Cal.com account ids (numbers), got "${a}"`)
  }
  const enrollRateLimitPerMinute = int('RELAY_ENROLL_RATE_LIMIT', 20, 1, 1_000_000)
  const joinRateLimitPerMinute = int('RELAY_JOIN_RATE_LIMIT', 10, 1, 1_000_000)
  const intakeRateLimitPerMinute = int('RELAY_INTAKE_RATE_LIMIT', 6000, 1, 100_000_000)
  const refusalRateLimitPerMinute = int('RELAY_REFUSAL_RATE_LIMIT', 60, 1, 1_000_000)
  // Proxies that cut idle connections sooner than 15 s need a shorter heartbeat.
  const streamHeartbeatMs = int('RELAY_STREAM_HEARTBEAT_SECONDS', 15, 1, 300) * 1000
  const pollRecheckMs = int('RELAY_POLL_RECHECK_SECONDS', 10, 1, 3600) * 1000
  const logLevel = str('RELAY_LOG_LEVEL', 'info')
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`RELAY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)

  const trustRaw = str('RELAY_TRUST_PROXY', 'false')
  let trustProxy: boolean | string[] = false
  if (trustRaw === 'true') trustProxy = true
  else if (trustRaw !== 'false') {
    trustProxy = trustRaw.split(/[\s,]+/).filter(Boolean)
    for (const entry of trustProxy.filter((e) => !isProxyAddress(e)))
      problems.push(
        `RELAY_TRUST_PROXY holds true, false, or proxy IPs/CIDRs (or loopback, linklocal, uniquelocal), got "${entry}"`,
      )
  }

  const notifyClaimMs = int('RELAY_NOTIFY_CLAIM_SECONDS', 60, 1, 3600) * 1000
  const summaryRaw = str('RELAY_DAILY_SUMMARY_HOUR', '20')
  const dailySummaryHour = summaryRaw === 'off' ? null : int('RELAY_DAILY_SUMMARY_HOUR', 20, 0, 23)
  const deliveryProblemMs = int('RELAY_DELIVERY_PROBLEM_MINUTES', 60, 5, 7 * 24 * 60) * 60_000
  const smtpUrl = env.RELAY_SMTP_URL?.trim() || undefined
  const mailFrom = env.RELAY_MAIL_FROM?.trim() || undefined
  if (smtpUrl !== undefined) {
    let protocol = ''
    try {
      protocol = new URL(smtpUrl).protocol
    } catch {
      problems.push(`RELAY_SMTP_URL is not a valid URL: "${redactSmtp(smtpUrl)}"`)
    }
    if (protocol && protocol !== 'smtp:' && protocol !== 'smtps:')
      problems.push(
        `RELAY_SMTP_URL must start with smtp:// or smtps://, got "${redactSmtp(smtpUrl)}"`,
      )
    if (mailFrom === undefined)
      problems.push(
        'RELAY_MAIL_FROM must be set with RELAY_SMTP_URL (e.g. "Frontdesk <alerts@example.com>")',
      )
  }
  if (mailFrom !== undefined && !/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(mailFrom))
    problems.push(
      `RELAY_MAIL_FROM must be an email address, optionally with a name, got "${mailFrom}"`,
    )
  if (mailFrom !== undefined && smtpUrl === undefined)
    problems.push('RELAY_MAIL_FROM is set but RELAY_SMTP_URL is not: set both, or neither')

  if (problems.length) throw new ConfigError(problems)
  return {
    host,
    port,
    publicUrl,
    databaseUrl,
    calcomApiUrl,
    retentionDays,
    minRetentionHours,
    maxBodyBytes,
    adminToken,
    allowedAccounts: allowedList.length ? new Set(allowedList) : undefined,
    enrollRateLimitPerMinute,
    joinRateLimitPerMinute,
    intakeRateLimitPerMinute,
    refusalRateLimitPerMinute,
    streamHeartbeatMs,
    pollRecheckMs,
    logLevel,
    trustProxy,
    smtp: smtpUrl && mailFrom ? { url: smtpUrl, from: mailFrom } : undefined,
    notifyClaimMs,
    deliveryProblemMs,
    dailySummaryHour,
  }
}

/** An IP address, a CIDR range, or a name proxy-addr knows; `1` (a hop count elsewhere) is none. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true
  const [address = '', bits, extra] = entry.split('/')
  const family = isIP(address)
  // Whole addresses only (isIP): proxy-addr would read "1" as the address 0.0.0.1.
  if (family === 0 || extra !== undefined) return false
  if (bits === undefined || isIP(bits) === family) return true // a netmask: 10.0.0.0/255.0.0.0
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** Hides the password of an smtp:// URL so it can be printed. */
export function redactSmtp(smtpUrl: string): string {
  return smtpUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

/** Hides the password of a postgres:// URL so it can be printed. */
export function redact(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}
