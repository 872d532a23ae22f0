export const DEFAULT_OAUTH_CLIENT_ID = 'frontdesk-desk'
export const DEFAULT_OAUTH_REDIRECT_URI = 'http://127.0.0.1:53682/callback'

export interface RateLimitOptions {
  windowMs?: number
  blockMs?: number
  apiKeyLimit?: number
  oauthLimit?: number
  anonymousLimit?: number
}

export interface SandboxOptions {
  host?: string
  port?: number
  /** seed the demo business (default true) */
  seed?: boolean
  /** ISO start of the sandbox clock (default: real now) */
  now?: string
  oauthRedirectUri?: string
  rateLimit?: RateLimitOptions
  traffic?: { perMinute: number } | false
  logger?: boolean
}

export interface SandboxConfig {
  seed: boolean
  now: string | undefined
  oauthRedirectUri: string
  rateLimit: Required<RateLimitOptions>
  traffic: { perMinute: number } | false
  logger: boolean
  /** what bookerUrl / bookingUrl point at (the sandbox's own address once listening) */
  appUrl: string
}

export function resolveConfig(opts: SandboxOptions = {}): SandboxConfig {
  return {
    seed: opts.seed ?? true,
    now: opts.now,
    oauthRedirectUri: opts.oauthRedirectUri ?? DEFAULT_OAUTH_REDIRECT_URI,
    rateLimit: {
      windowMs: 60_000,
      blockMs: 60_000,
      apiKeyLimit: 120,
      oauthLimit: 500,
      anonymousLimit: 120,
      ...opts.rateLimit,
    },
    traffic: opts.traffic ?? false,
    logger: opts.logger ?? false,
    appUrl: 'http://sandbox.cal.local',
  }
}
