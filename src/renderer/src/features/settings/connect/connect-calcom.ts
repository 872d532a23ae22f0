// What the Connect, API key, Cancel and Disconnect buttons do (DESIGN.md §4.3–§4.4), as a small
// store the header renders. The desk core does the work; this only asks it and follows along:
//   Connect      POST /api/branch/connect {}  → open the authorize URL in the system browser,
//                then GET /api/branch/connect/attempt waits for Cal.com to send the person back
//   Cancel       POST /api/branch/connect/cancel
//   API key      POST /api/branch/connect {apiKey}
//   Disconnect   asks first, then POST /api/branch/disconnect
import type { ConnectAttempt } from '../../../../../shared/api/connect-attempt'
import type { ConnectProblemCode } from '../../../../../shared/api/connect-problems'
import type { Branch } from '../../../../../shared/api/schemas'
import { ApiRequestError, type ApiClient } from '../../../app/api-client'
import { apiKeyProblem } from './api-key'

export type ConnectStep =
  | { kind: 'idle' }
  | { kind: 'starting' }
  /** The browser is at Cal.com; the desk waits for the redirect. */
  | { kind: 'waiting'; authorizeUrl: string }
  | { kind: 'api-key'; busy: boolean; error: ConnectProblem | null }
  | { kind: 'confirm-disconnect'; busy: boolean }

/**
 * What went wrong, to be said in the reader's words (connect-problem-words.ts): a code of
 * ours (a field check, how the browser sign-in ended) or the local API's refusal as it came.
 */
export type ConnectProblem =
  { kind: 'code'; code: ConnectProblemCode | string } | { kind: 'refusal'; error: unknown }

export interface ConnectState {
  step: ConnectStep
  /** The last thing that went wrong; cleared by the next action. */
  problem: ConnectProblem | null
}

export interface ConnectFlowDeps {
  api: ApiClient
  /** Opens a URL in the system browser (Electron) or a new tab (headless desk). */
  openUrl(url: string): Promise<void>
  /** The branch as the desk now has it, after a connect or disconnect. */
  onBranch(branch: Branch): void
}

const refusal = (error: unknown): ConnectProblem => ({ kind: 'refusal', error })

export class ConnectFlow {
  #state: ConnectState = { step: { kind: 'idle' }, problem: null }
  readonly #listeners = new Set<() => void>()
  readonly #deps: ConnectFlowDeps
  /** Stops following the current sign-in (cancel, a new attempt, or another action). */
  #attempt: AbortController | null = null

  constructor(deps: ConnectFlowDeps) {
    this.#deps = deps
  }

  getState = (): ConnectState => this.#state

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Connect (or Reconnect): start the browser sign-in and wait for Cal.com's answer. */
  async startOAuth(): Promise<void> {
    if (this.#busy()) return
    this.#stopFollowing()
    this.#set({ step: { kind: 'starting' }, problem: null })
    let authorizeUrl: string
    try {
      const result = await this.#deps.api.call('connect', { body: {} })
      if (!('authorizeUrl' in result)) {
        this.#connected(result.branch)
        return
      }
      authorizeUrl = result.authorizeUrl
    } catch (error) {
      this.#set({ step: { kind: 'idle' }, problem: refusal(error) })
      return
    }
    const attempt = new AbortController()
    this.#attempt = attempt
    this.#set({ step: { kind: 'waiting', authorizeUrl }, problem: null })
    try {
      await this.#deps.openUrl(authorizeUrl)
    } catch (error) {
      // The waiting panel still offers the link, so the person can open it by hand.
      console.warn('the browser did not open', error)
      this.#set({ ...this.#state, problem: { kind: 'code', code: 'BROWSER_DID_NOT_OPEN' } })
    }
    await this.#follow(attempt)
  }

  /** Gives up the open sign-in; a later Allow in the browser no longer connects. */
  async cancel(): Promise<void> {
    if (this.#state.step.kind !== 'waiting') return
    this.#stopFollowing()
    this.#set({ step: { kind: 'idle' }, problem: null })
    try {
      await this.#deps.api.call('connectCancel')
    } catch (error) {
      this.#set({ ...this.#state, problem: refusal(error) })
    }
  }

  showApiKeyForm(): void {
    if (this.#busy()) return
    const wasWaiting = this.#state.step.kind === 'waiting'
    this.#stopFollowing()
    this.#set({ step: { kind: 'api-key', busy: false, error: null }, problem: null })
    // An open browser sign-in would otherwise keep its listener for minutes.
    if (wasWaiting) void this.#deps.api.call('connectCancel').catch(() => undefined)
  }

  /** Back to the Connect button (from the API key form or the disconnect question). */
  close(): void {
    if (this.#busy()) return
    this.#set({ step: { kind: 'idle' }, problem: null })
  }

  async submitApiKey(raw: string): Promise<void> {
    if (this.#state.step.kind !== 'api-key' || this.#state.step.busy) return
    const apiKey = raw.trim()
    const problem = apiKeyProblem(apiKey)
    if (problem) {
      this.#set({
        step: { kind: 'api-key', busy: false, error: { kind: 'code', code: problem } },
        problem: null,
      })
      return
    }
    this.#set({ step: { kind: 'api-key', busy: true, error: null }, problem: null })
    try {
      const result = await this.#deps.api.call('connect', { body: { apiKey } })
      if ('branch' in result) this.#connected(result.branch)
    } catch (error) {
      const aboutTheKey = error instanceof ApiRequestError && error.field === 'apiKey'
      this.#set({
        step: { kind: 'api-key', busy: false, error: aboutTheKey ? refusal(error) : null },
        problem: aboutTheKey ? null : refusal(error),
      })
    }
  }

  askDisconnect(): void {
    if (this.#busy()) return
    this.#set({ step: { kind: 'confirm-disconnect', busy: false }, problem: null })
  }

  async confirmDisconnect(): Promise<void> {
    if (this.#state.step.kind !== 'confirm-disconnect' || this.#state.step.busy) return
    this.#set({ step: { kind: 'confirm-disconnect', busy: true }, problem: null })
    try {
      const branch = await this.#deps.api.call('disconnect')
      this.#set({ step: { kind: 'idle' }, problem: null })
      this.#deps.onBranch(branch)
    } catch (error) {
      this.#set({ step: { kind: 'confirm-disconnect', busy: false }, problem: refusal(error) })
    }
  }

  async #follow(attempt: AbortController): Promise<void> {
    let outcome: ConnectAttempt
    try {
      outcome = await this.#deps.api.call('connectAttempt', {}, attempt.signal)
    } catch (error) {
      if (attempt.signal.aborted) return
      this.#attempt = null
      this.#set({ step: { kind: 'idle' }, problem: refusal(error) })
      return
    }
    if (attempt.signal.aborted) return
    this.#attempt = null
    if (outcome.state === 'connected') this.#connected(outcome.branch)
    else {
      this.#set({
        step: { kind: 'idle' },
        problem: outcome.state === 'failed' ? { kind: 'code', code: outcome.code } : null,
      })
    }
  }

  #connected(branch: Branch): void {
    this.#set({ step: { kind: 'idle' }, problem: null })
    this.#deps.onBranch(branch)
  }

  #busy(): boolean {
    const step = this.#state.step
    return (
      step.kind === 'starting' ||
      ((step.kind === 'api-key' || step.kind === 'confirm-disconnect') && step.busy)
    )
  }

  #stopFollowing(): void {
    this.#attempt?.abort()
    this.#attempt = null
  }

  #set(state: ConnectState): void {
    this.#state = state
    for (const listener of this.#listeners) listener()
  }
}
