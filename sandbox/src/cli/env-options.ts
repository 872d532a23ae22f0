import type { RateLimitOptions, SandboxOptions } from '../config.js'

export class EnvError extends Error {}

/**
 * `npm run sandbox`'s settings from the environment, each checked: a typo must stop the start
 * with a message naming the variable, not silently turn traffic off or move the clock to NaN.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const problems: string[] = []
  const int = (name: string, fallback: number, max: number): number => {
    const raw = env[name]
    if (raw === undefined || raw.trim() === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 0 || value > max) {
      problems.push(`${name} must be a whole number from 0 to ${max}, got "${raw}"`)
      return fallback
    }
    return value
  }
  const port = int('SANDBOX_PORT', 5555, 65535)
  const perMinute = int('SANDBOX_TRAFFIC_PER_MINUTE', 0, 100_000)
  const now = env.SANDBOX_NOW?.trim() || undefined
  if (now !== undefined && Number.isNaN(Date.parse(now))) {
    problems.push(`SANDBOX_NOW must be an ISO date-time such as 2026-03-10T14:00:00Z, got "${now}"`)
  }
  const redirect = env.SANDBOX_OAUTH_REDIRECT_URI?.trim() || undefined
  if (redirect !== undefined && !URL.canParse(redirect)) {
    problems.push(`SANDBOX_OAUTH_REDIRECT_URI must be an absolute URL, got "${redirect}"`)
  }
  // Unset means Cal.com's own limits (config.ts); tests of a client's rate governor shrink them so
  // a storm and its block pass in seconds.
  const rateLimit: RateLimitOptions = {}
  for (const [name, key, min] of [
    ['SANDBOX_RATE_WINDOW_MS', 'windowMs', 1],
    ['SANDBOX_RATE_BLOCK_MS', 'blockMs', 0],
    ['SANDBOX_RATE_API_KEY_LIMIT', 'apiKeyLimit', 1],
    ['SANDBOX_RATE_OAUTH_LIMIT', 'oauthLimit', 1],
  ] as const) {
    if (env[name] === undefined || env[name].trim() === '') continue
    const value = int(name, min, 1_000_000_000)
    if (value < min) problems.push(`${name} must be at least ${min}, got "${env[name]}"`)
    rateLimit[key] = value
  }
  const log = env.SANDBOX_LOG ?? '0'
  if (log !== '0' && log !== '1') problems.push(`SANDBOX_LOG must be 0 or 1, got "${log}"`)
  if (problems.length > 0) throw new EnvError(problems.join('\n'))
  return {
    host: env.SANDBOX_HOST?.trim() || '127.0.0.1',
    port,
    now,
    oauthRedirectUri: redirect,
    rateLimit,
    traffic: perMinute > 0 ? { perMinute } : false,
    logger: log === '1',
  }
}
