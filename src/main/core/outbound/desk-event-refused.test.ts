// A desk event the relay refuses for good (400) is not lost in silence: the change stays at this
// desk, the events after it still go, and sync health names the problem (DESK_EVENT_REFUSED)
// so a person knows the other desks do not show it — after a restart of the desk too, until the
// change is made again. A real relay, sandbox and desk; the refused
// event is one the relay's schema turns down (a booking uid longer than it accepts), as a relay
// of an older version would turn down a change it does not know.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { SyncHealth } from '../../../shared/api/schemas'
import { syncProblemOf } from '../../../shared/api/sync-problems'

let sandbox: RunningSandbox
let relay: InProcessRelay
let desk: TempDesk
const env = () => ({
  FRONTDESK_CALCOM_API_URL: sandbox.url,
  FRONTDESK_CALCOM_APP_URL: sandbox.url,
  FRONTDESK_RELAY_URL: relay.url,
})

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startTempDesk({ env: env() })
  const connect = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: state.accounts[0]!.apiKey }),
  })
  expect(connect.status).toBe(200)
  await until('the relay online and a reconcile', () => {
    const h = desk.services.sync.health()
    return h.relay.state === 'online' && h.lastReconcile?.ok === true
  })
}, 60_000)

afterAll(async () => {
  await desk?.dispose()
  await relay?.close()
  await sandbox?.close()
})

const health = async () => (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth

describe('a desk event the relay refuses', () => {
  it('shows in sync health as DESK_EVENT_REFUSED, and the changes after it still reach the relay', async () => {
    const { shared, appointments, branches } = desk.services
    const [booking] = appointments
      .rowsOf(branches.current().id)
      .filter((a) => a.status === 'SCHEDULED')
    expect(booking).toBeDefined()
    shared.transaction(() =>
      shared.record({ kind: 'visit', bookingUid: 'u'.repeat(201), state: 'ARRIVED' }),
    )
    const res = await deskFetch(desk, `/api/appointments/${booking!.uid}/visit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'ARRIVED' }),
    })
    expect(res.status).toBe(200)

    // Nothing waits any more: the refused one was let go, the check-in went and came back.
    const h = await until(
      'the queue to empty',
      async () => {
        const now = await health()
        return now.queueDepth === 0 ? now : undefined
      },
      { ms: 15_000, explain: health },
    )
    const refused = h.recentErrors.filter((e) => e.code === 'DESK_EVENT_REFUSED')
    expect(refused).toHaveLength(1)
    expect(syncProblemOf(refused[0]!.source, refused[0]!.code)).toBe('DESK_EVENT_REFUSED')
    expect(appointments.rowByUid(booking!.uid)?.visitState).toBe('ARRIVED')
    const channel = await relay.storage.findChannel(h.relay.channelId!)
    expect(h.relay.cursor).toBe(channel?.lastSeq)
  }, 30_000)

  it('is still listed after the desk restarts, until the change is made again', async () => {
    await desk.close()
    desk = await startTempDesk({ dataDir: desk.dataDir, env: env() })
    await until('the relay online after the restart', () => {
      return desk.services.sync.health().relay.state === 'online'
    })
    const refusedIn = (h: SyncHealth) =>
      h.recentErrors.filter((e) => e.code === 'DESK_EVENT_REFUSED')
    const after = await health()
    expect(after.queueDepth).toBe(0)
    expect(refusedIn(after)).toHaveLength(1)
    expect(refusedIn(after)[0]).toMatchObject({ source: 'relay' })
    expect(refusedIn(after)[0]!.message).toContain('visit')

    // Made again (and refused again, as it must be): one refusal listed, the new one.
    const { shared } = desk.services
    shared.transaction(() =>
      shared.record({ kind: 'visit', bookingUid: 'u'.repeat(201), state: 'DONE' }),
    )
    const again = await until(
      'the change refused again',
      async () => {
        const now = await health()
        return now.queueDepth === 0 && refusedIn(now)[0]?.at !== refusedIn(after)[0]?.at
          ? now
          : undefined
      },
      { ms: 15_000, explain: health },
    )
    expect(refusedIn(again)).toHaveLength(1)
  }, 30_000)
})
