// `FRONTDESK_DEMO_OWNER=1 npm run demo`: the desk becomes an owner's app holding both sandbox
// branches, as an owner adds one — `POST /api/branches`, then the usual connect with that
// branch's API key under `/b/<key>/…` — so the branch switcher and "All branches" have two
// branches to show. The headless desk only: Electron's binary is not on our machines to try it.
import type { Branch, SyncHealth } from '../../src/shared/api/schemas'
import type { SandboxState } from '../../sandbox/src/index'
import type { DeskAddress } from './connect-branch'

export const OWNER_OPTION = 'FRONTDESK_DEMO_OWNER'

export function ownerAppWanted(): boolean {
  return process.env[OWNER_OPTION] === '1'
}

const call = (desk: DeskAddress, path: string, body?: unknown) =>
  fetch(`${desk.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${desk.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  })

/** Adds the sandbox's second branch to the app and connects it; resolves with its name. */
export async function addSecondBranch(desk: DeskAddress, sandboxUrl: string): Promise<Branch> {
  const state = (await (await fetch(`${sandboxUrl}/_sandbox/state`)).json()) as SandboxState
  const second = state.accounts[1]
  if (!second) throw new Error('the sandbox has no second branch')
  const key = 'second'
  const added = await call(desk, '/api/branches', { key, name: second.branchName })
  if (added.status !== 201) throw new Error(`adding the second branch answered ${added.status}`)
  const connected = await call(desk, `/b/${key}/api/branch/connect`, { apiKey: second.apiKey })
  const body = (await connected.json()) as { branch?: Branch; error?: { message: string } }
  if (!connected.ok || !body.branch) {
    throw new Error(
      `the second branch could not connect: ${body.error?.message ?? connected.status}`,
    )
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const health = (await (await call(desk, `/b/${key}/api/sync`)).json()) as SyncHealth
    if (health.relay.state === 'online') return body.branch
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the second branch did not come online at the relay within 30 s')
}
