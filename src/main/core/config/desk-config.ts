// Desk configuration (DESIGN.md §4.2): environment variables, overridable by command-line flags.
// Everything is checked before anything starts, and every problem is named at once.
import { randomBytes } from 'node:crypto'
import { homedir } from 'node:os'
import { resolve } from 'node:path'

export interface DeskConfig {
  dataDir: string
  /** Local API port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** Session token for the local API. */
  apiToken: string
  /** True when the token came from FRONTDESK_API_TOKEN rather than being made for this start. */
  apiTokenFixed: boolean
  relayUrl: string | null
  calcomApiUrl: string
  calcomAppUrl: string
  oauthClientId: string | null
  oauthRedirectPort: number
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid desk configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Each setting: its variable, its flag, and how to read it. */
const settings = {
  dataDir: { env: 'FRONTDESK_DATA_DIR', flag: '--data-dir' },
  port: { env: 'FRONTDESK_PORT', flag: '--port' },
  apiToken: { env: 'FRONTDESK_API_TOKEN', flag: '--api-token' },
  relayUrl: { env: 'FRONTDESK_RELAY_URL', flag: '--relay-url' },
  calcomApiUrl: { env: 'FRONTDESK_CALCOM_API_URL', flag: '--calcom-api-url' },
  calcomAppUrl: { env: 'FRONTDESK_CALCOM_APP_URL', flag: '--calcom-app-url' },
  oauthClientId: { env: 'FRONTDESK_OAUTH_CLIENT_ID', flag: '--oauth-client-id' },
  oauthRedirectPort: { env: 'FRONTDESK_OAUTH_REDIRECT_PORT', flag: '--oauth-redirect-port' },
  logLevel: { env: 'FRONTDESK_LOG_LEVEL', flag: '--log-level' },
} as const
type Key = keyof typeof settings

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export const DEFAULT_OAUTH_REDIRECT_PORT = 53682

function parseFlags(argv: readonly string[], problems: string[]): Partial<Record<Key, string>> {
  const byFlag = new Map<string, Key>(
    Object.entries(settings).map(([key, s]) => [s.flag, key as Key]),
  )
  const out: Partial<Record<Key, string>> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const key = byFlag.get(flag)
    if (!key) {
      problems.push(`unknown option ${flag} (known: ${[...byFlag.keys()].join(', ')})`)
      continue
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) problems.push(`${flag} needs a value`)
    else out[key] = value
  }
  return out
}

function port(name: string, raw: string, problems: string[], allowZero: boolean): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN
  const min = allowZero ? 0 : 1
  if (!Number.isInteger(n) || n < min || n > 65535) {
    problems.push(`${name} must be a port number from ${min} to 65535, got "${raw}"`)
    return 0
  }
  return n
}

function httpUrl(name: string, raw: string, problems: string[]): string {
  try {
    const u = new URL(raw)
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      // Paths are appended to it: a ?query or #fragment would swallow them.
      if (!u.search && !u.hash && !/[?#]$/.test(raw)) return raw.replace(/\/+$/, '')
      problems.push(`${name} must be a base URL without ?query or #fragment, got "${raw}"`)
      return raw
    }
  } catch {
    // fall through to the message below
  }
  problems.push(`${name} must be an http(s) URL, got "${raw}"`)
  return raw
}

/**
 * Reads the desk's configuration. `argv` holds only the options (no node/script paths).
 * Throws ConfigError naming every bad value.
 */
export function loadDeskConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = [],
): DeskConfig {
  const problems: string[] = []
  const flags = parseFlags(argv, problems)
  const raw = (key: Key): string | undefined => {
    const v = flags[key] ?? env[settings[key].env]
    return v === undefined || v === '' ? undefined : v
  }
  const label = (key: Key) => (flags[key] !== undefined ? settings[key].flag : settings[key].env)

  const dataDir = resolve(raw('dataDir') ?? resolve(homedir(), '.frontdesk'))

  const portRaw = raw('port')
  const apiPort = portRaw === undefined ? 0 : port(label('port'), portRaw, problems, true)

  const tokenRaw = raw('apiToken')
  if (tokenRaw !== undefined && !/^[A-Za-z0-9._~-]{24,256}$/.test(tokenRaw)) {
    problems.push(
      `${label('apiToken')} must be 24 to 256 characters of letters, digits, . _ ~ or - (it guards the local API)`,
    )
  }

  const relayRaw = raw('relayUrl')
  const relayUrl = relayRaw === undefined ? null : httpUrl(label('relayUrl'), relayRaw, problems)
  const calcomApiUrl = httpUrl(
    label('calcomApiUrl'),
    raw('calcomApiUrl') ?? 'https://api.cal.com',
    problems,
  )
  const calcomAppUrl = httpUrl(
    label('calcomAppUrl'),
    raw('calcomAppUrl') ?? 'https://app.cal.com',
    problems,
  )

  const clientId = raw('oauthClientId') ?? null
  if (clientId !== null && !/^[\x21-\x7e]{1,200}$/.test(clientId)) {
    problems.push(`${label('oauthClientId')} must be printable characters without spaces`)
  }

  const redirectRaw = raw('oauthRedirectPort')
  const oauthRedirectPort =
    redirectRaw === undefined
      ? DEFAULT_OAUTH_REDIRECT_PORT
      : port(label('oauthRedirectPort'), redirectRaw, problems, false)

  const levelRaw = raw('logLevel') ?? 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(levelRaw)) {
    problems.push(`${label('logLevel')} must be one of ${LOG_LEVELS.join(', ')}, got "${levelRaw}"`)
  }

  if (problems.length) throw new ConfigError(problems)
  return {
    dataDir,
    port: apiPort,
    apiToken: tokenRaw ?? randomBytes(32).toString('base64url'),
    apiTokenFixed: tokenRaw !== undefined,
    relayUrl,
    calcomApiUrl,
    calcomAppUrl,
    oauthClientId: clientId,
    oauthRedirectPort,
    logLevel: levelRaw as DeskConfig['logLevel'],
  }
}
