// Connects the demo desk to the sandbox's first seeded branch the way an owner could: the desk's
// own local API route with that branch's API key (shown on the sandbox's control page), then
// waits until the desk has enrolled at the relay and pulls events from it.
import type { Branch, SyncHealth } from '../../src/shared/api/schemas'
import type { SandboxState } from '../../sandbox/src/index'

export interface DeskAddress {
  url: string
  token: string
}

const deskFetch = (desk: DeskAddress, path: string, init: RequestInit = {}) =>
  fetch(`${desk.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${desk.token}`, ...init.headers },
    signal: AbortSignal.timeout(30_000),
  })

export async function firstSeededBranch(sandboxUrl: string): Promise<SandboxState['accounts'][0]> {
  const res = await fetch(`${sandboxUrl}/_sandbox/state`)
  if (!res.ok) throw new Error(`the sandbox answered ${res.status} for its state`)
  const state = (await res.json()) as SandboxState
  const first = state.accounts[0]
  if (!first) throw new Error('the sandbox has no seeded branch')
  return first
}

export async function connectWithApiKey(desk: DeskAddress, apiKey: string): Promise<Branch> {
  const res = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey }),
  })
  const body = (await res.json()) as { branch?: Branch; error?: { message: string } }
  if (!res.ok || !body.branch) {
    throw new Error(`the desk could not connect: ${body.error?.message ?? `HTTP ${res.status}`}`)
  }
  return body.branch
}

/** Resolves once the desk pulls from the relay; throws with the desk's last error otherwise. */
export async function waitForRelayOnline(
  desk: DeskAddress,
  timeoutMs: number,
): Promise<SyncHealth> {
  const deadline = Date.now() + timeoutMs
  let health: SyncHealth | null = null
  while (Date.now() < deadline) {
    health = (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth
    if (health.relay.state === 'online') return health
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const last = health?.recentErrors[0]
  throw new Error(
    `the desk did not come online at the relay within ${timeoutMs / 1000} s (relay ${health?.relay.state ?? 'unknown'}${last ? `: ${last.message}` : ''})`,
  )
}
