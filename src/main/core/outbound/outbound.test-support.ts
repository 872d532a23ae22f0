// Test support for the outbound sync tests: a desk connected to the Cal.com sandbox (through a
// CalcomLink when a test needs to break the line), and small helpers to act and to wait for the
// desk to say something happened.
import type { Appointment, ActionResult, OutboxEntry } from '../../../shared/api/schemas'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until, type UntilOptions } from '../../../../test/support/until'
import type { StartDeskOptions } from '../desk'

/** A Tuesday; Toronto is on EDT (UTC-4). The sandbox clock starts here. */
export const SANDBOX_NOW = '2026-03-10T14:00:00.000Z'
export const TOMORROW = '2026-03-11'

/** Fast retries so tests wait for behaviour, not for production backoff. */
export const FAST: StartDeskOptions['outbound'] = {
  outbox: { backoff: { baseMs: 50, capMs: 400, floorMs: 20 }, pollMs: 1_000, closeGraceMs: 500 },
}

export async function sandboxState(url: string): Promise<SandboxState> {
  return (await (await fetch(`${url}/_sandbox/state`)).json()) as SandboxState
}

export async function deskOn(
  calcomUrl: string,
  extra: { env?: Record<string, string>; dataDir?: string } & StartDeskOptions = {},
): Promise<TempDesk> {
  const { env, ...rest } = extra
  return startTempDesk({
    outbound: FAST,
    ...rest,
    env: {
      FRONTDESK_CALCOM_API_URL: calcomUrl,
      FRONTDESK_CALCOM_APP_URL: calcomUrl,
      FRONTDESK_LOG_LEVEL: 'warn',
      ...env,
    },
  })
}

export interface SandboxDesk {
  sandbox: RunningSandbox
  state: SandboxState
  /** Connected by the sandbox's first branch's API key; no relay, so it hears of Cal.com by asking. */
  desk: TempDesk
  close(): Promise<void>
}

/** A fresh sandbox on Cal.com's real clock, and a desk connected to its first branch. */
export async function connectedDeskOnSandbox(): Promise<SandboxDesk> {
  const sandbox = await startSandbox({ port: 0 })
  const state = await sandboxState(sandbox.url)
  const desk = await deskOn(sandbox.url)
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  return {
    sandbox,
    state,
    desk,
    async close() {
      await desk.dispose()
      await sandbox.close()
    },
  }
}

export async function post(
  desk: TempDesk,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return deskFetch(desk, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

export async function json<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T
}

export async function connectWithApiKey(desk: TempDesk, apiKey: string): Promise<void> {
  const res = await post(desk, '/api/branch/connect', { apiKey })
  if (res.status !== 200) throw new Error(`connect answered ${res.status}: ${await res.text()}`)
}

/** The desk's event type (and a Cal.com-linked staff member of it) by Cal.com slug. */
export function eventTypeOf(desk: TempDesk, slug: string) {
  const { eventTypes, branches } = desk.services
  const et = eventTypes.list(branches.current().id).find((e) => e.slug === slug)
  if (!et) throw new Error(`no event type ${slug}`)
  return et
}

/** Free slot starts (UTC ISO) of a desk event type on a branch day, from the desk's own API. */
export async function slotsOf(desk: TempDesk, eventTypeId: number, date = TOMORROW) {
  const res = await deskFetch(desk, `/api/slots?eventTypeId=${eventTypeId}&date=${date}`)
  if (res.status !== 200) throw new Error(`slots answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as {
    slots: string[]
    stale: boolean
    ageSeconds: number
    fetchedAt: string
  }
}

export async function book(
  desk: TempDesk,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ActionResult> {
  const res = await post(desk, '/api/appointments', body, headers)
  if (res.status !== 202) throw new Error(`book answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as ActionResult
}

export async function act(
  desk: TempDesk,
  uid: string,
  action: string,
  body: unknown = {},
): Promise<ActionResult> {
  const res = await post(desk, `/api/appointments/${encodeURIComponent(uid)}/${action}`, body)
  if (res.status !== 202 && res.status !== 200) {
    throw new Error(`${action} answered ${res.status}: ${await res.text()}`)
  }
  return (await res.json()) as ActionResult
}

export function appointment(desk: TempDesk, uid: string): Appointment | undefined {
  return desk.services.appointments.byUid(uid)
}

export async function openOutbox(desk: TempDesk): Promise<OutboxEntry[]> {
  return json<OutboxEntry[]>(deskFetch(desk, '/api/outbox'))
}

/**
 * For the test kit's `until` on an in-process desk: re-checks whenever the desk announces a change
 * on its live bus (and every 100 ms for changes made outside it), so tests wait for signals.
 */
export function deskSignals(desk: TempDesk): UntilOptions {
  return { ms: 20_000, everyMs: 100, wake: (recheck) => desk.services.bus.subscribe(recheck) }
}

/** The appointment a desk booking became once the outbox synced it (its real Cal.com uid). */
export async function syncedFrom(desk: TempDesk, outboxId: number): Promise<Appointment> {
  return until(
    `outbox row ${outboxId} to sync`,
    () => {
      const row = desk.services.outbox.byId(outboxId)
      if (row?.state !== 'done') return undefined
      const a = desk.services.appointments.byUid(row.bookingUid)
      return a?.syncState === 'synced' ? a : undefined
    },
    deskSignals(desk),
  )
}
