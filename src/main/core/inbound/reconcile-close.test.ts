// A desk restarted while Cal.com hangs on the booking list: quitting must not wait for Cal.com.
// The desk reconciles as it starts; the sandbox holds that GET /v2/bookings open until the client
// gives up. Closing the desk cuts the read off, and the sync health page's log of Cal.com calls
// shows it cut off by the closing (left to run, the read would end 15 s later as Cal.com not
// answering in time, and two retries could follow — the convergence test saw restarts take a
// minute or more this way).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { connectByApiKey, startDeskOnSandbox } from '../../../../test/support/connected-desk'
import {
  sandboxApiFault,
  sandboxApiFaultsWaiting,
  sandboxAccounts,
} from '../../../../test/support/sandbox-calcom'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { ApiLogEntry, SyncHealth } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let dataDir: string
const open: TempDesk[] = []

const deskOnSandbox = async (dir?: string) => {
  const desk = await startDeskOnSandbox(sandbox.url, dir ? { dataDir: dir } : {})
  open.push(desk)
  return desk
}

const lastReconcile = async (desk: TempDesk) =>
  ((await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth).lastReconcile

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  const first = await deskOnSandbox()
  dataDir = first.dataDir
  await connectByApiKey(first, accounts[0]!.apiKey)
  await until('the first reconcile', async () => (await lastReconcile(first))?.ok === true)
  await first.close()
}, 60_000)

afterAll(async () => {
  for (const desk of open) await desk.dispose().catch(() => undefined)
  await sandbox?.close()
})

it('closes at once while Cal.com hangs on the reconcile that a start makes: the read is cut off, not waited for', async () => {
  await sandboxApiFault(sandbox.url, { mode: 'hang', count: 1, pathPrefix: '/v2/bookings' })
  const restarted = await deskOnSandbox(dataDir)
  await until(
    'Cal.com holding the booking list read',
    async () => (await sandboxApiFaultsWaiting(sandbox.url)) === 0,
  )
  await restarted.close()

  // The same desk again: its log of Cal.com calls says what became of that read.
  const again = await deskOnSandbox(dataDir)
  const failed = (await (
    await deskFetch(again, '/api/api-log?result=failed&text=%2Fv2%2Fbookings')
  ).json()) as ApiLogEntry[]
  expect(failed.map((e) => e.error?.split(':')[0])).toEqual(['CANCELLED'])
}, 40_000)
