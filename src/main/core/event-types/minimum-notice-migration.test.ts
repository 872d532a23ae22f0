// A desk updated from a version that did not keep Cal.com's minimum booking notice
// (before drizzle/0009_event_type_minimum_notice.sql) keeps its services, their ids and
// everything else it knew of them; the notice reads as not known (null, never 0: the walk-in
// must not take "unknown" for "bookable now") until the branch's reference data is read again:
// at start when the branch is connected (connect/reference-refresh.ts), or on connecting.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { EventTypeInfo } from '../../../shared/api/schemas'
import { credentialFile } from '../auth/token-store'
import { migrationsBefore } from '../db/migrations-before.test-support'
import { openDatabase } from '../db/open-database'
import { sandboxState } from '../outbound/outbound.test-support'

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-notice-migration-'))
let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = await sandboxState(sandbox.url)
  account = state.accounts[0]!
})
afterAll(async () => {
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})

/**
 * The desk database an older version left after connecting to the sandbox's first account;
 * `connected`: still connected, its API key in the credential file.
 */
async function olderDesk(dataDir: string, opts: { connected?: boolean } = {}): Promise<void> {
  const old = openDatabase(
    join(dataDir, 'frontdesk.db'),
    migrationsBefore(dataDir, '0009_event_type_minimum_notice'),
  )
  old.$client
    .prepare(
      'insert into branches (id, calcom_account_id, calcom_username, name, time_zone, connection) values (1, ?, ?, ?, ?, ?)',
    )
    .run(
      account.userId,
      account.username,
      account.name,
      account.timeZone,
      opts.connected ? 'connected' : 'disconnected',
    )
  old.$client.prepare("insert into settings (key, value) values ('current_branch_id', '1')").run()
  const insert = old.$client.prepare(
    `insert into event_types (id, branch_id, calcom_id, slug, title, length_minutes, price, currency)
     values (?, 1, ?, ?, ?, ?, ?, ?)`,
  )
  account.eventTypes.forEach((et, i) =>
    insert.run(100 + i, et.id, et.slug, et.title, et.lengthInMinutes, et.price, et.currency),
  )
  old.$client.close()
  if (opts.connected) await credentialFile(dataDir).save({ kind: 'apiKey', apiKey: account.apiKey })
}

const services = async (desk: TempDesk) =>
  (await (await deskFetch(desk, '/api/event-types')).json()) as EventTypeInfo[]

it('keeps the services of an older desk with their notice unknown, and learns it on connecting', async () => {
  const dataDir = mkdtempSync(join(dir, 'desk-'))
  await olderDesk(dataDir)
  const desk = await startTempDesk({
    dataDir,
    env: { FRONTDESK_CALCOM_API_URL: sandbox.url, FRONTDESK_CALCOM_APP_URL: sandbox.url },
  })
  try {
    const before = await services(desk)
    expect(before.map((s) => [s.id, s.calcomId, s.title])).toEqual(
      account.eventTypes
        .map((et, i) => [100 + i, et.id, et.title])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    )
    expect(before.map((s) => s.minimumNoticeMinutes)).toEqual(before.map(() => null))

    const connect = await deskFetch(desk, '/api/branch/connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: account.apiKey }),
    })
    expect(connect.status).toBe(200)
    const after = await services(desk)
    // The same rows (appointments point at these ids), now with Cal.com's notice.
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id))
    const bridal = after.find((s) => s.slug === 'bridal-trial')!
    expect(bridal.minimumNoticeMinutes).toBe(48 * 60)
    expect(after.every((s) => Number.isInteger(s.minimumNoticeMinutes))).toBe(true)
  } finally {
    await desk.dispose()
  }
})

it('learns the notices of an older desk still connected when it starts, without reconnecting', async () => {
  const dataDir = mkdtempSync(join(dir, 'desk-'))
  await olderDesk(dataDir, { connected: true })
  const desk = await startTempDesk({
    dataDir,
    env: { FRONTDESK_CALCOM_API_URL: sandbox.url, FRONTDESK_CALCOM_APP_URL: sandbox.url },
  })
  try {
    // The start's reconcile, then the reference data read after it (a change of the branch).
    const after = await until(
      'the notices read at start',
      async () => {
        const list = await services(desk)
        return list.every((s) => s.minimumNoticeMinutes !== null) && list
      },
      { wake: (recheck) => desk.services.bus.subscribe((e) => e.type === 'branch' && recheck()) },
    )
    expect(after.map((s) => s.id).sort()).toEqual(account.eventTypes.map((_, i) => 100 + i))
    expect(after.find((s) => s.slug === 'bridal-trial')!.minimumNoticeMinutes).toBe(48 * 60)
    expect(desk.services.branches.current().connection).toBe('connected')
    expect(desk.services.audit.entries().map((a) => a.action)).not.toContain('branch.connect')
  } finally {
    await desk.dispose()
  }
})
