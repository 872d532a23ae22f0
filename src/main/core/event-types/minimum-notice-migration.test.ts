// A desk updated from a version that did not keep Cal.com's minimum booking notice
// (before drizzle/0009_event_type_minimum_notice.sql) keeps its services, their ids and
// everything else it knew of them; the notice reads as not known (null, never 0: the walk-in
// must not take "unknown" for "bookable now") until the branch's reference data is read again:
// at start when the branch is connected (connect/reference-refresh.ts), or on connecting.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { connectByApiKey, startDeskOnSandbox } from '../../../../test/support/connected-desk'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type { EventTypeInfo } from '../../../shared/api/schemas'
import { credentialFile } from '../auth/token-store'
import { migrationsBefore } from '../db/migrations-before.test-support'
import { openDatabase } from '../db/open-database'

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-notice-migration-'))
let sandbox: RunningSandbox
let account: SandboxAccount
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
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
  const desk = await startDeskOnSandbox(sandbox.url, { dataDir })
  try {
    const before = await services(desk)
    expect(before.map((s) => [s.id, s.calcomId, s.title])).toEqual(
      account.eventTypes
        .map((et, i) => [100 + i, et.id, et.title])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    )
    expect(before.map((s) => s.minimumNoticeMinutes)).toEqual(before.map(() => null))

    await connectByApiKey(desk, account.apiKey)
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
  const desk = await startDeskOnSandbox(sandbox.url, { dataDir })
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
