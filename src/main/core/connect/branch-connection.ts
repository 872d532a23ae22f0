// Connecting this desk's branch to Cal.com and keeping it connected (DESIGN.md §4.3–§4.4).
//
//   connectWithApiKey(key)  checks the key with /v2/me, then fills the branch at once
//   beginOAuth()            PKCE + state, a loopback listener, the authorize URL for the browser;
//                           the callback exchanges the code and connects
//   disconnect()            forgets the tokens and stops, keeps every appointment and log
//
// Whatever connects, the same steps follow: read the account, event types, staff and schedules,
// save the credential in the token store, write the branch in one transaction, audit, then
// announce (after the commit: the screens never hear of a change that was rolled back).
// The rest of the sync engine gets the live client from `client()` and learns of a lost
// connection from `onReconnectNeeded()` (the branch also turns `reconnect_needed`).
import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import type { Branch } from '../../../shared/api/schemas'
import { CalcomTokenProvider } from '../auth/token-provider'
import type { StoredCredential, TokenStore } from '../auth/token-store'
import {
  OAuthPortBusyError,
  startLoopbackListener,
  type LoopbackListener,
} from '../auth/oauth-loopback'
import type { CalcomApiVersions } from '../calcom/api-versions'
import { createCalcomClient, type CalcomClient } from '../calcom/calcom-client'
import type { CalcomCredential } from '../calcom/calcom-credential'
import type { CalcomError } from '../calcom/calcom-errors'
import type { CalcomTransport } from '../calcom/http-transport'
import { oauthApi, type OAuthApi } from '../calcom/oauth-api'
import type { AuditStore } from '../audit/audit-store'
import { DeskError } from '../errors/desk-error'
import { applyReferenceData, fetchReferenceData, type ReferenceStores } from './reference-sync'
import type { AuditAction } from '../../../shared/api/audit-actions'
import type { ConnectAttemptFailure } from '../../../shared/api/connect-problems'

export interface BranchConnectionOptions extends ReferenceStores {
  audit: AuditStore
  transport: CalcomTransport
  tokenStore: TokenStore
  logger: Logger
  calcomAppUrl: string
  oauthClientId: string | null
  oauthRedirectPort: number
  versions?: Partial<CalcomApiVersions>
  /** How long the loopback listener waits for the browser (default 5 minutes). */
  oauthTimeoutMs?: number
  /** Refresh OAuth access tokens when less than this is left (default 5 minutes). */
  refreshAheadMs?: number
  /** The clock token lifetimes are counted on. */
  now?: () => number
  /**
   * The desk's clock (StartDeskOptions.now), which a test or demo may set to a sandbox's shifted
   * day: connecting samples the bookings before it to learn hosts (reference-sync.ts).
   */
  deskNow?: () => number
}

export type OAuthAttemptResult =
  | { connected: true; branch: Branch }
  | { connected: false; code: ConnectAttemptFailure; reason: string }

interface PendingOAuth {
  listener: LoopbackListener
  result: Promise<OAuthAttemptResult>
}

export class BranchConnection {
  readonly #o: BranchConnectionOptions
  readonly #auditLog: AuditStore
  readonly #events = new EventEmitter()
  #provider: CalcomTokenProvider | null = null
  #client: CalcomClient | null = null
  #pending: PendingOAuth | null = null
  readonly #oauth: OAuthApi | null

  constructor(opts: BranchConnectionOptions) {
    this.#auditLog = opts.audit
    this.#o = opts
    this.#oauth = opts.oauthClientId
      ? oauthApi(
          opts.transport,
          {
            clientId: opts.oauthClientId,
            redirectUri: `http://127.0.0.1:${opts.oauthRedirectPort}/callback`,
            appUrl: opts.calcomAppUrl,
          },
          opts.now,
        )
      : null
  }

  /** Picks up the credential saved by an earlier run (no network). */
  async start(): Promise<void> {
    const stored = await this.#o.tokenStore.load()
    this.#o.logger.info(
      { credential: stored ? stored.kind : 'none' },
      `Cal.com credentials are kept in ${this.#o.tokenStore.description}`,
    )
    if (stored) this.#use(stored)
  }

  /** The Cal.com client of the connected branch; null while disconnected. */
  client(): CalcomClient | null {
    return this.#client
  }

  /** The token provider behind `client()` (refresh state, lost auth); null while disconnected. */
  tokenProvider(): CalcomTokenProvider | null {
    return this.#provider
  }

  /** Called (once per lost connection) when Cal.com refuses the credential for good. */
  onReconnectNeeded(listener: (error: CalcomError) => void): () => void {
    this.#events.on('reconnect-needed', listener)
    return () => this.#events.off('reconnect-needed', listener)
  }

  /** Called after every connect and disconnect, with the branch as it now is. */
  onConnected(listener: (branch: Branch) => void): () => void {
    this.#events.on('connected', listener)
    return () => this.#events.off('connected', listener)
  }

  async connectWithApiKey(apiKey: string): Promise<Branch> {
    const credential: StoredCredential = { kind: 'apiKey', apiKey }
    const probe = this.#clientFor(
      new CalcomTokenProvider({ store: this.#o.tokenStore, credential, oauth: null }),
    )
    const me = await probe.me.get()
    if (!me.ok) {
      const e = me.error
      if (e.kind === 'auth' || e.status === 403) {
        throw new DeskError(
          'INVALID_API_KEY',
          `Cal.com did not accept this API key: ${e.message}`,
          'apiKey',
        )
      }
      throw connectFailure(e)
    }
    return this.#complete(credential, probe, 'apiKey')
  }

  /**
   * Starts the browser sign-in. Returns the URL to open; the connection completes when Cal.com
   * redirects back (see `pendingOAuth()`). A new call replaces an unfinished attempt.
   */
  async beginOAuth(): Promise<{ authorizeUrl: string }> {
    const api = this.#oauth
    if (!api) {
      throw new DeskError(
        'OAUTH_NOT_CONFIGURED',
        'This desk has no Cal.com OAuth client id (FRONTDESK_OAUTH_CLIENT_ID); connect with an API key instead.',
      )
    }
    await this.#cancelPending()
    const request = await api.prepareAuthorization()
    let resolveResult!: (r: OAuthAttemptResult) => void
    const result = new Promise<OAuthAttemptResult>((r) => (resolveResult = r))
    let listener: LoopbackListener
    try {
      listener = await startLoopbackListener({
        port: this.#o.oauthRedirectPort,
        state: request.state,
        timeoutMs: this.#o.oauthTimeoutMs,
        handle: async (params) => {
          const attempt = await this.#finishOAuth(api, params, request)
          resolveResult(attempt)
          return attempt.connected
            ? {
                connected: true,
                message: `Frontdesk is connected to Cal.com as ${attempt.branch.name}. You can close this tab.`,
              }
            : { connected: false, message: attempt.reason }
        },
      })
    } catch (err) {
      if (err instanceof OAuthPortBusyError) throw new DeskError('OAUTH_PORT_BUSY', err.message)
      throw err
    }
    const pending: PendingOAuth = { listener, result }
    this.#pending = pending
    void listener.outcome.then((o) => {
      if (o.kind !== 'callback')
        resolveResult(
          o.kind === 'timeout'
            ? {
                connected: false,
                code: 'SIGN_IN_TIMED_OUT',
                reason: 'The sign-in took longer than 5 minutes.',
              }
            : { connected: false, code: 'SIGN_IN_CANCELLED', reason: 'The sign-in was cancelled.' },
        )
      if (this.#pending === pending) this.#pending = null
    })
    this.#o.logger.info(
      { port: this.#o.oauthRedirectPort },
      'Cal.com sign-in started; waiting for the browser',
    )
    return { authorizeUrl: request.authorizeUrl }
  }

  /** The unfinished browser sign-in's result, if one is waiting. */
  pendingOAuth(): Promise<OAuthAttemptResult> | null {
    return this.#pending?.result ?? null
  }

  /** Gives up the unfinished browser sign-in (the person cancelled at the desk). */
  async cancelOAuth(): Promise<void> {
    await this.#cancelPending()
  }

  async disconnect(): Promise<Branch> {
    await this.#cancelPending()
    const provider = this.#provider
    if (provider) this.#o.transport.governor.forget(provider.rateKey)
    this.#provider = null
    this.#client = null
    await this.#o.tokenStore.clear()
    const current = this.#o.branches.current()
    const branch = this.#o.db.transaction(() => {
      this.#audit('branch.disconnect', current.id, { accountId: current.calcomAccountId })
      return this.#o.branches.update(
        current.id,
        { connection: 'disconnected' },
        { announce: false },
      )
    })
    this.#o.branches.announce()
    this.#o.logger.info(
      { accountId: current.calcomAccountId },
      'Cal.com disconnected; tokens removed',
    )
    this.#events.emit('connected', branch)
    return branch
  }

  async close(): Promise<void> {
    await this.#cancelPending()
  }

  async #finishOAuth(
    api: OAuthApi,
    params: URLSearchParams,
    request: { state: string; codeVerifier: string },
  ): Promise<OAuthAttemptResult> {
    const tokens = await api.exchangeCode(params, request)
    if (!tokens.ok) {
      this.#o.logger.warn(
        { code: tokens.error.code, calcomCode: tokens.error.details.calcomCode },
        'Cal.com sign-in failed',
      )
      this.#audit('branch.connect_failed', this.#o.branches.current().id, {
        method: 'oauth',
        code: tokens.error.code,
      })
      return tokens.error.details.calcomCode === 'access_denied'
        ? {
            connected: false,
            code: 'SIGN_IN_DENIED',
            reason:
              'Access was not allowed in Cal.com, so Frontdesk is not connected. Start again from Frontdesk to retry.',
          }
        : {
            connected: false,
            code: 'SIGN_IN_INCOMPLETE',
            reason: `Cal.com did not complete the sign-in (${tokens.error.message}). Start again from Frontdesk.`,
          }
    }
    const credential: StoredCredential = {
      kind: 'oauth',
      clientId: this.#o.oauthClientId!,
      ...tokens.value,
    }
    const probe = this.#clientFor(
      new CalcomTokenProvider({ store: this.#o.tokenStore, credential, oauth: api }),
    )
    try {
      return { connected: true, branch: await this.#complete(credential, probe, 'oauth') }
    } catch (err) {
      const code = err instanceof DeskError ? err.code : 'CALCOM_UNAVAILABLE'
      return { connected: false, code, reason: (err as Error).message }
    }
  }

  /** Fetch everything, then save the credential, then write the branch: all or nothing. */
  async #complete(
    credential: StoredCredential,
    probe: CalcomClient,
    method: 'apiKey' | 'oauth',
  ): Promise<Branch> {
    const data = await fetchReferenceData(probe, { now: this.#o.deskNow ?? Date.now })
    if (!data.ok) throw connectFailure(data.error)
    const previous = await this.#o.tokenStore.load()
    try {
      await this.#o.tokenStore.save(credential)
    } catch (err) {
      throw new DeskError(
        'CREDENTIAL_STORE_UNAVAILABLE',
        `Frontdesk could not keep the Cal.com sign-in safely: ${(err as Error).message}`,
      )
    }
    let branch: Branch
    let moved: string[] = []
    try {
      const current = this.#o.branches.current()
      branch = this.#o.db.transaction(() => {
        const applied = applyReferenceData(this.#o, current.id, data.value, 'connected')
        moved = applied.movedAppointments
        const b = applied.branch
        this.#audit('branch.connect', current.id, {
          method,
          accountId: data.value.me.id,
          eventTypes: data.value.eventTypes.length,
          staff: data.value.hosts.length,
        })
        return b
      })
    } catch (err) {
      if (previous) await this.#o.tokenStore.save(previous)
      else await this.#o.tokenStore.clear()
      throw err
    }
    // Committed: now the screens (and the slots cache) may hear of it.
    this.#o.branches.announce()
    this.#o.appointments.announce(moved)
    if (this.#provider) this.#o.transport.governor.forget(this.#provider.rateKey)
    this.#use(credential)
    this.#o.logger.info({ method, accountId: branch.calcomAccountId }, 'Cal.com connected')
    this.#events.emit('connected', branch)
    return branch
  }

  #use(credential: StoredCredential): void {
    const provider = new CalcomTokenProvider({
      store: this.#o.tokenStore,
      credential,
      oauth: credential.kind === 'oauth' ? this.#oauth : null,
      refreshAheadMs: this.#o.refreshAheadMs,
      now: this.#o.now,
      onAuthLost: (error) => this.#lost(provider, error),
    })
    this.#provider = provider
    this.#client = this.#clientFor(provider)
  }

  #lost(provider: CalcomTokenProvider, error: CalcomError): void {
    if (provider !== this.#provider) return
    const branch = this.#o.branches.current()
    this.#o.db.transaction(() => {
      this.#audit('branch.reconnect_needed', branch.id, {
        code: error.code,
        calcomCode: error.details.calcomCode,
      })
      this.#o.branches.update(branch.id, { connection: 'reconnect_needed' }, { announce: false })
    })
    this.#o.branches.announce()
    this.#o.logger.warn(
      { code: error.code, calcomCode: error.details.calcomCode },
      'Cal.com refused the credential; reconnect needed',
    )
    this.#events.emit('reconnect-needed', error)
  }

  #clientFor(credential: CalcomCredential): CalcomClient {
    return createCalcomClient({
      transport: this.#o.transport,
      credential,
      versions: this.#o.versions,
    })
  }

  #audit(action: AuditAction, branchId: number, detail: Record<string, unknown>): void {
    this.#auditLog.record({ action, target: `branch:${branchId}`, detail })
  }

  async #cancelPending(): Promise<void> {
    const pending = this.#pending
    this.#pending = null
    if (pending) await pending.listener.cancel()
  }
}

function connectFailure(e: CalcomError): DeskError {
  if (e.kind === 'transient') {
    return new DeskError(
      'CALCOM_UNAVAILABLE',
      `Cal.com could not be reached to connect: ${e.message}`,
    )
  }
  return new DeskError('CALCOM_REFUSED', `Cal.com refused the connection: ${e.message}`)
}
