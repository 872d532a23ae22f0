// The relay out of reach is one state from when it was lost: each retry connects (and enrolls)
// again before it fails, and sync health still says "retrying" since the first failure, so
// Settings can say "cannot be reached since 10:02" rather than since the last try. Real HTTP: the
// sandbox, a desk on a real SQLite file, and a relay address where nothing listens.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { freePort } from '../../../../test/support/free-port'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { SyncHealth } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let desk: TempDesk

const health = async () => (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth
const relayErrors = (h: SyncHealth) => h.recentErrors.filter((e) => e.source === 'relay')

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  desk = await startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_RELAY_URL: `http://127.0.0.1:${await freePort()}`,
    },
    sync: { relayBackoff: { baseMs: 20, capMs: 50 } },
  })
  const connect = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: state.accounts[0]!.apiKey }),
  })
  expect(connect.status).toBe(200)
})

afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
})

it('a relay that never answers is out of reach since the first failure, through every retry', async () => {
  const h = await until('three failed tries at the relay', async () => {
    const now = await health()
    return relayErrors(now).length >= 3 ? now : undefined
  })
  expect(h.relay.state).toBe('retrying')
  const firstFailure = relayErrors(h).at(-1)!.at
  // Without it, "since" is the last retry's: after the first failure was recorded.
  expect(Date.parse(h.relay.since!)).toBeLessThanOrEqual(Date.parse(firstFailure))
})
