// Test support: acting on the Cal.com sandbox from outside the desk — as the branch's owner through
// Cal.com's own API, through the sandbox's fault controls, and reading the accounts it seeded.
import type { ApiFaultMode } from '../../sandbox/src/domain/api-faults'
import type { RunningSandbox, SandboxState } from '../../sandbox/src/index'

/** A POST to the sandbox's Cal.com API with the branch's API key: what its owner does in Cal.com. */
export function calcomAsBranch(
  sandboxUrl: string,
  apiKey: string,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${sandboxUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'cal-api-version': '2024-08-13',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  })
}

/** The sandbox's next `count` API calls under `pathPrefix` misbehave as `mode` says. */
export async function sandboxApiFault(
  sandboxUrl: string,
  fault: { mode: ApiFaultMode; count: number; pathPrefix: string },
): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  })
  if (res.status !== 201) throw new Error(`the sandbox refused the fault: ${res.status}`)
}

/** How many of the faults set are still waiting for a call to hit. */
export async function sandboxApiFaultsWaiting(sandboxUrl: string): Promise<number> {
  const res = await fetch(`${sandboxUrl}/_sandbox/faults`)
  return ((await res.json()) as { api: unknown[] }).api.length
}

/** One of the sandbox's seeded accounts: a branch, with its API key, time zone and event types. */
export type SandboxAccount = SandboxState['accounts'][number]

/** The sandbox's accounts as seeded (its first is the branch most tests connect). */
export async function sandboxAccounts(sandboxUrl: string): Promise<SandboxAccount[]> {
  const res = await fetch(`${sandboxUrl}/_sandbox/state`)
  if (res.status !== 200) throw new Error(`the sandbox's state answered ${res.status}`)
  return ((await res.json()) as SandboxState).accounts
}

/**
 * Takes the sandbox's seeded bookings around `date` (YYYY-MM-DD, a day either side, so every zone's
 * day is covered) off its books, as if nobody had booked then: a test that needs hosts free that
 * day does not depend on how busy the seed happened to make it. Call it before the desk connects,
 * so the desk never holds them either.
 */
export function clearSandboxDay(sandbox: RunningSandbox, date: string): void {
  const day = Date.parse(`${date}T00:00:00Z`)
  const { bookings } = sandbox.sandbox.store
  for (const [uid, b] of bookings) {
    const at = Date.parse(b.start)
    if (at >= day - 86_400_000 && at < day + 2 * 86_400_000) bookings.delete(uid)
  }
}
