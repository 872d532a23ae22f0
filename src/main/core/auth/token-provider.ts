// Hands the Cal.com client a token that works now. An API key is used as it is. OAuth access
// tokens last 30 minutes (REFERENCE.md §5.2): they are refreshed ahead of expiry, one refresh at
// a time however many calls ask at once, and each new pair is saved before it is used. A refused
// refresh (invalid_grant) or a refused key means the branch must reconnect: every later call
// fails fast with that auth error, and `onAuthLost` tells the desk once.
import { createHash } from 'node:crypto'
import type { CalcomCredential } from '../calcom/calcom-credential'
import { CalcomError, fail, ok, type CalcomResult } from '../calcom/calcom-errors'
import type { OAuthApi } from '../calcom/oauth-api'
import type { StoredCredential, TokenStore } from './token-store'

export interface TokenProviderOptions {
  store: TokenStore
  credential: StoredCredential
  /** Needed for OAuth credentials (to refresh). */
  oauth: OAuthApi | null
  /** Refresh when the access token has less than this left (default 5 minutes). */
  refreshAheadMs?: number
  now?: () => number
  /** Called once when Cal.com refuses the credential for good. */
  onAuthLost?: (error: CalcomError) => void
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32)

export class CalcomTokenProvider implements CalcomCredential {
  #credential: StoredCredential
  #refreshing: Promise<CalcomResult<string>> | undefined
  #lost: CalcomError | undefined
  #refreshCount = 0
  readonly #opts: TokenProviderOptions & { refreshAheadMs: number; now: () => number }

  constructor(opts: TokenProviderOptions) {
    this.#opts = {
      ...opts,
      refreshAheadMs: opts.refreshAheadMs ?? 5 * 60_000,
      now: opts.now ?? Date.now,
    }
    this.#credential = opts.credential
  }

  get kind(): StoredCredential['kind'] {
    return this.#credential.kind
  }

  /** Cal.com budgets each token separately; the key is a hash, never the token. */
  get rateKey(): string {
    const c = this.#credential
    return c.kind === 'apiKey' ? `key:${sha(c.apiKey)}` : `oauth:${sha(c.accessToken)}`
  }

  /** The auth error that ended this connection, if one has. */
  get lost(): CalcomError | undefined {
    return this.#lost
  }

  /** How many refreshes this provider has made (for sync health). */
  get refreshCount(): number {
    return this.#refreshCount
  }

  get accessExpiresAt(): number | null {
    return this.#credential.kind === 'oauth' ? this.#credential.expiresAt : null
  }

  async bearer(): Promise<CalcomResult<string>> {
    if (this.#lost) return fail(this.#lost)
    const c = this.#credential
    if (c.kind === 'apiKey') return ok(c.apiKey)
    if (c.expiresAt - this.#opts.now() > this.#opts.refreshAheadMs) return ok(c.accessToken)
    return this.#refreshOnce()
  }

  async rejected(token: string, error: CalcomError): Promise<boolean> {
    if (this.#lost) return false
    const c = this.#credential
    if (c.kind === 'oauth') {
      // A token we have already replaced: the caller simply retries with the new one.
      if (token !== c.accessToken) return true
      const renewed = await this.#refreshOnce()
      return renewed.ok
    }
    this.#loseAuth(error)
    return false
  }

  /** Refreshes now (single-flight); for tests and for "connection check" buttons. */
  refreshNow(): Promise<CalcomResult<string>> {
    return this.#refreshOnce()
  }

  #refreshOnce(): Promise<CalcomResult<string>> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined
    })
    return this.#refreshing
  }

  async #refresh(): Promise<CalcomResult<string>> {
    const c = this.#credential
    if (c.kind !== 'oauth') return ok(c.apiKey)
    if (!this.#opts.oauth) {
      return fail(new CalcomError('auth', 'NOT_CONNECTED', 'OAuth is not configured on this desk'))
    }
    const result = await this.#opts.oauth.refresh(c.refreshToken)
    if (!result.ok) {
      if (result.error.kind === 'auth') {
        this.#loseAuth(result.error)
        return fail(result.error)
      }
      // Cal.com unreachable: the current token is still good until it actually expires.
      if (c.expiresAt > this.#opts.now()) return ok(c.accessToken)
      return fail(result.error)
    }
    const next: StoredCredential = { ...c, ...result.value }
    // Saved before use: a crash now must not leave us holding only the old refresh token.
    await this.#opts.store.save(next)
    this.#credential = next
    this.#refreshCount += 1
    return ok(next.accessToken)
  }

  #loseAuth(error: CalcomError): void {
    if (this.#lost) return
    this.#lost = error
    this.#opts.onAuthLost?.(error)
  }
}
