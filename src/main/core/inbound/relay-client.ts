// The desk's side of the relay (DESIGN.md §4.1), a transport: enroll once with the branch's
// Cal.com credential, then long-poll `GET /v1/events` after the seq the inbox last answered, hand
// each page to the inbox (reading the next one meanwhile), and ack the seq the inbox answers. The
// cursor itself is the inbox's: the client asks for it only when it does not know it (at start,
// after a failure). Failures back off (capped exponential, full jitter); a watchdog abandons a
// poll the relay has held longer than it promised (a silent, half-dead connection); 410
// RESYNC_REQUIRED hands over to reconcile and resumes where the relay says. The device token
// travels only in the Authorization header and is never logged. Every answer is checked against
// its schema (shared/relay/log-answers.ts): one that does not fit is RELAY_BAD_ANSWER, retried
// like an unreachable relay, and nothing of it is applied.
import { deskDeviceName } from './device-name'
import type { Logger } from 'pino'
import type { EventsResponse, RelayEvent } from '../../../shared/relay/relay-contract'
import {
  EnrollResponseSchema,
  EventsResponseSchema,
  ResyncAnswerSchema,
} from '../../../shared/relay/log-answers'
import { readAnswer, refusalBody, type RefusalBody } from './relay-answer'
import { Backoff, sleep } from './backoff'
import type { RelayDevice } from './relay-device-store'

export type RelayState = 'off' | 'enrolling' | 'connecting' | 'online' | 'retrying' | 'stopped'

export class RelayProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'RelayProblem'
  }
}

export interface EnrollInput {
  relayUrl: string
  calcom: { apiKey: string } | { accessToken: string }
  calcomAccountId: number
  deviceName?: string
  /** The token of the device this one replaces: the relay revokes it (ignored if invalid). */
  replacesDeviceToken?: string
  timeoutMs?: number
}

/** `POST /v1/enroll`: safe to repeat; the relay makes sure a Cal.com webhook points at it. */
export async function enrollDevice(input: EnrollInput): Promise<RelayDevice> {
  let res: Response
  try {
    res = await fetch(`${input.relayUrl}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        calcom: input.calcom,
        deviceName: input.deviceName ?? deskDeviceName(),
        replacesDeviceToken: input.replacesDeviceToken,
      }),
      signal: AbortSignal.timeout(input.timeoutMs ?? 30_000),
    })
  } catch (err) {
    throw new RelayProblem(
      'RELAY_UNREACHABLE',
      `The relay could not be reached: ${(err as Error).message}`,
    )
  }
  if (!res.ok) throw await problemOf(res, 'enroll')
  const answer = await readAnswer(res, 'POST /v1/enroll', EnrollResponseSchema)
  if (!answer.ok) throw new RelayProblem('RELAY_BAD_ANSWER', answer.message, res.status)
  const body = answer.value
  return {
    relayUrl: input.relayUrl,
    calcomAccountId: input.calcomAccountId,
    channelId: body.channelId,
    deviceId: body.deviceId,
    deviceToken: body.deviceToken,
  }
}

/**
 * `POST /v1/device/revoke`: the desk gives up its device. True once the token is no longer valid
 * (revoked now, or already: 401); false when the relay could not be told (unreachable, an error).
 */
export async function revokeDevice(device: RelayDevice, timeoutMs = 5_000): Promise<boolean> {
  try {
    const res = await fetch(`${device.relayUrl}/v1/device/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.deviceToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    })
    await res.arrayBuffer()
    return res.ok || res.status === 401
  } catch {
    return false
  }
}

/** A relay refusal as a RelayProblem: its code, or `HTTP_<status>` when it named none. */
export async function problemOf(res: Response, what: string): Promise<RelayProblem> {
  // A proxy's page or another shape is said by its status alone.
  const body: Partial<RefusalBody> = (await refusalBody(res)) ?? {}
  return new RelayProblem(
    body.code ?? `HTTP_${res.status}`,
    `The relay refused ${what} (${res.status}): ${body.message ?? res.statusText}`,
    res.status,
  )
}

export interface RelayClientOptions {
  logger: Logger
  /** The enrolled device, enrolling if needed; throws RelayProblem when it cannot. */
  device(): Promise<RelayDevice>
  /** The device was refused (revoked): forget it so `device()` enrolls again. */
  forgetDevice(): Promise<void>
  /** The last seq the desk has applied (read at start and after a failure). */
  cursor(): number
  /** Applies a page in order; resolves with the seq the desk then stands at. */
  applyEvents(events: RelayEvent[]): Promise<number>
  /**
   * The relay no longer holds what follows the cursor: reconcile, then resume after
   * `resumeAfter`; resolves with the seq the desk then stands at.
   */
  resync(resumeAfter: number, device: RelayDevice): Promise<number>
  /**
   * The desk has applied nothing from this channel yet (a new desk, or a wiped one): called
   * before it reads the log from the start.
   */
  fromStart?(device: RelayDevice): Promise<void>
  onState?(state: RelayState, detail?: { error?: RelayProblem; retryInMs?: number }): void
  /** Seconds the relay may hold a poll (≤ 25). */
  waitSeconds?: number
  /** Extra time past `waitSeconds` before a poll counts as a dead connection. */
  watchdogGraceMs?: number
  backoff?: Backoff
}

type RelayAnswer =
  | { kind: 'events'; body: EventsResponse }
  /** 410 RESYNC_REQUIRED. */
  | { kind: 'gone'; resumeAfter: number | undefined }

export class RelayClient {
  readonly #o: RelayClientOptions & {
    waitSeconds: number
    watchdogGraceMs: number
    backoff: Backoff
  }
  #stop = new AbortController()
  #loop: Promise<void> | null = null
  #state: RelayState = 'off'
  /** Where the desk stands, as the inbox last answered; null until read or after a failure. */
  #after: number | null = null
  #ahead: {
    device: RelayDevice
    after: number
    answer: Promise<RelayAnswer>
    cancel: AbortController
  } | null = null

  constructor(opts: RelayClientOptions) {
    this.#o = {
      ...opts,
      waitSeconds: opts.waitSeconds ?? 25,
      watchdogGraceMs: opts.watchdogGraceMs ?? 10_000,
      backoff: opts.backoff ?? new Backoff(500, 30_000),
    }
  }

  get state(): RelayState {
    return this.#state
  }

  start(): void {
    if (this.#loop) return
    this.#stop = new AbortController()
    this.#loop = this.#run()
  }

  async stop(): Promise<void> {
    this.#stop.abort()
    await this.#loop
    this.#loop = null
    this.#ahead = null
    this.#after = null
    this.#set('stopped')
  }

  #set(state: RelayState, detail?: { error?: RelayProblem; retryInMs?: number }): void {
    this.#state = state
    this.#o.onState?.(state, detail)
  }

  async #run(): Promise<void> {
    const stop = this.#stop.signal
    while (!stop.aborted) {
      try {
        if (this.#state !== 'online') this.#set('connecting')
        const device = await this.#o.device()
        if (stop.aborted) break
        await this.#pollOnce(device, stop)
        this.#o.backoff.reset()
      } catch (err) {
        if (stop.aborted) break
        // A page may have been applied in part: ask the inbox where the desk stands.
        this.#after = null
        const problem =
          err instanceof RelayProblem
            ? err
            : new RelayProblem('RELAY_ERROR', (err as Error).message ?? String(err))
        if (problem.status === 401) await this.#o.forgetDevice()
        const wait = this.#o.backoff.next()
        this.#o.logger.warn(
          { code: problem.code, status: problem.status, retryInMs: wait },
          'relay: will retry',
        )
        this.#set('retrying', { error: problem, retryInMs: wait })
        await sleep(wait, stop)
      }
    }
  }

  async #pollOnce(device: RelayDevice, stop: AbortSignal): Promise<void> {
    if (this.#after === null) {
      const cursor = this.#o.cursor()
      if (cursor === 0) await this.#o.fromStart?.(device)
      this.#after = cursor
    }
    const after = this.#after
    const answer = await (this.#takeReadAhead(device, after) ??
      // Until the relay has answered once, ask without waiting: the desk learns at once that the
      // relay is reachable (sync health says "online" instead of "connecting" for up to 25 s)
      // and drains any backlog before it settles into long-polling.
      this.#read(device, after, this.#state === 'online' ? this.#o.waitSeconds : 0, stop))
    if (answer.kind === 'gone') {
      this.#o.logger.warn({ after, resumeAfter: answer.resumeAfter }, 'relay: resync required')
      this.#after = await this.#o.resync(answer.resumeAfter ?? after, device)
      return
    }
    this.#set('online')
    const { events, nextAfter } = answer.body
    if (!Array.isArray(events) || events.length === 0) return
    // The next page is asked for while this one is applied, so a backlog drains without waiting
    // on the relay between pages. Reading acks nothing: it is used only if the desk's cursor
    // then stands where it was asked from, and dropped otherwise (a failure, a resync).
    this.#readAhead(device, nextAfter, stop)
    const seq = await this.#o.applyEvents(events)
    this.#after = seq
    try {
      const ack = await fetch(`${device.relayUrl}/v1/ack`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${device.deviceToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ seq }),
        signal: AbortSignal.any([stop, AbortSignal.timeout(10_000)]),
      })
      await ack.arrayBuffer()
      if (!ack.ok) this.#o.logger.warn({ status: ack.status, seq }, 'relay: ack refused')
    } catch (err) {
      // The desk's own cursor is what matters; the next ack carries it.
      if (!stop.aborted)
        this.#o.logger.warn({ err: (err as Error).message, seq }, 'relay: ack failed')
    }
  }

  #readAhead(device: RelayDevice, after: number, stop: AbortSignal): void {
    this.#ahead?.cancel.abort()
    const cancel = new AbortController()
    const answer = this.#read(
      device,
      after,
      this.#o.waitSeconds,
      AbortSignal.any([stop, cancel.signal]),
    )
    // Its failure counts only if it is used (then it is thrown where it is awaited).
    answer.catch(() => undefined)
    this.#ahead = { device, after, answer, cancel }
  }

  /** The page read ahead, if it was read from where the desk now stands; else it is dropped. */
  #takeReadAhead(device: RelayDevice, after: number): Promise<RelayAnswer> | null {
    const ahead = this.#ahead
    this.#ahead = null
    if (!ahead) return null
    if (
      ahead.after === after &&
      ahead.device.relayUrl === device.relayUrl &&
      ahead.device.deviceToken === device.deviceToken
    )
      return ahead.answer
    ahead.cancel.abort()
    return null
  }

  /** One `GET /v1/events`, read to the end; throws RelayProblem. */
  async #read(
    device: RelayDevice,
    after: number,
    waitSeconds: number,
    stop: AbortSignal,
  ): Promise<RelayAnswer> {
    const url = `${device.relayUrl}/v1/events?after=${after}&limit=100&wait=${waitSeconds}`
    const watchdog = AbortSignal.timeout(waitSeconds * 1000 + this.#o.watchdogGraceMs)
    try {
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${device.deviceToken}` },
        signal: AbortSignal.any([stop, watchdog]),
      })
      if (res.status === 410) {
        const gone = await readAnswer(res, 'GET /v1/events (410)', ResyncAnswerSchema)
        if (!gone.ok) throw new RelayProblem('RELAY_BAD_ANSWER', gone.message, res.status)
        return { kind: 'gone', resumeAfter: gone.value.resumeAfter }
      }
      if (!res.ok) throw await problemOf(res, 'the events request')
      const page = await readAnswer(res, 'GET /v1/events', EventsResponseSchema)
      if (!page.ok) throw new RelayProblem('RELAY_BAD_ANSWER', page.message, res.status)
      return { kind: 'events', body: page.value }
    } catch (err) {
      if (err instanceof RelayProblem || stop.aborted) throw err
      if (watchdog.aborted) {
        throw new RelayProblem(
          'RELAY_SILENT',
          'The relay held a poll past its promise; reconnecting',
        )
      }
      throw new RelayProblem(
        'RELAY_UNREACHABLE',
        `The relay could not be reached: ${(err as Error).message}`,
      )
    }
  }
}
