// The convergence test's world, all real and all on 127.0.0.1: one Cal.com sandbox and one relay
// (on its own SQLite file) shared by every seed, and per seed a fresh branch — its own Cal.com
// account, staff, event types and a week of bookings — and two fresh desks of that branch (two
// reception PCs), each on its own data directory. Each desk reaches Cal.com and the relay through
// a cuttable TCP link of its own; a cut cuts both desks' links (the branch's internet line), a
// lost answer is lost on the first desk's, as before there were two. Cal.com posts webhooks
// straight to the relay (cloud to cloud) and the relay calls Cal.com directly.
//
// Sharing is sound because everything in Cal.com and the relay is per account (API keys, rate
// budgets, webhooks, relay channels) and seeds run one after another: what is global (the clock,
// pending faults, the delivery log) is reset when a seed begins, and a finished seed's webhooks
// are switched off so nothing of it reaches the relay later.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import type { RelayStorage } from '../../cloud-relay/src/storage/types'
import { startInProcessRelay } from '../support/in-process-relay'
import { startSandbox, type RunningSandbox } from '../../sandbox/src/index'
import { BRANCHES } from '../../sandbox/src/seed/branches'
import { seedBranch } from '../../sandbox/src/seed/demo'
import type { Account as SandboxAccount } from '../../sandbox/src/domain/model'
import { DATABASE_FILE, type StartDeskOptions } from '../../src/main/core/desk'
import type { SyncTuning } from '../../src/main/core/inbound/sync-engine'
import { makeDataDir, startTempDesk, type TempDesk } from '../support/temp-desk'
import { startTcpLink, type TcpLink } from './tcp-link'

export interface Base {
  /** An empty desk database with every migration applied, copied into each seed's data dir. */
  deskTemplate: string
  sandbox: RunningSandbox
  relayStorage: RelayStorage
  calcomLink: TcpLink
  relayLink: TcpLink
  /** The second desk's lines. */
  calcomLink2: TcpLink
  relayLink2: TcpLink
  close(): Promise<void>
}

export interface World extends Base {
  account: SandboxAccount
  /** The first desk: the receptionist's Cal.com actions and desk-owned changes. */
  desk: TempDesk
  /** The second desk of the same branch: desk-owned changes (visit states, notes, alerts). */
  desk2: TempDesk
  dataDir: string
  dataDir2: string
  /** Restarts the first desk (0) or the second (1) on its data directory. */
  restartDesk(which?: 0 | 1): Promise<void>
  /** Closes the desks; their data directories go unless `keep` (a failing seed keeps its log). */
  close(keep?: boolean): Promise<void>
}

/**
 * The sandbox clock at the start of every seed: the latest Tuesday 14:00 UTC. Near the real "now"
 * (the desk reconciles a window around its own clock) and the same weekday and hour on every run,
 * so a replayed seed meets the same opening hours and the same seeded week.
 */
export function sandboxNow(real = Date.now()): string {
  let t = DateTime.fromMillis(real, { zone: 'utc' }).set({
    weekday: 2,
    hour: 14,
    minute: 0,
    second: 0,
    millisecond: 0,
  })
  if (t.toMillis() > real) t = t.minus({ weeks: 1 })
  return t.toISO()!
}

export async function startBase(): Promise<Base> {
  const sandbox = await startSandbox({
    port: 0,
    now: sandboxNow(),
    seed: false,
    // Only injected 429s: the organic budget is out of reach, and a block lasts one second.
    rateLimit: {
      apiKeyLimit: 1_000_000,
      anonymousLimit: 1_000_000,
      windowMs: 1_000,
      blockMs: 1_000,
    },
  })
  const relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  const calcomLink = await startTcpLink(sandbox.url)
  const relayLink = await startTcpLink(relay.url)
  const calcomLink2 = await startTcpLink(sandbox.url)
  const relayLink2 = await startTcpLink(relay.url)
  const blank = await startTempDesk({ env: { FRONTDESK_LOG_LEVEL: 'silent' } })
  await blank.close()
  const templateDir = mkdtempSync(join(tmpdir(), 'frontdesk-convergence-template-'))
  const deskTemplate = join(templateDir, 'desk-template.db')
  copyFileSync(join(blank.dataDir, DATABASE_FILE), deskTemplate)
  rmSync(blank.dataDir, { recursive: true, force: true })
  return {
    deskTemplate,
    sandbox,
    relayStorage: relay.storage,
    calcomLink,
    relayLink,
    calcomLink2,
    relayLink2,
    async close() {
      await calcomLink.close()
      await relayLink.close()
      await calcomLink2.close()
      await relayLink2.close()
      await sandbox.close()
      await relay.close()
      rmSync(templateDir, { recursive: true, force: true })
    },
  }
}

export async function startWorld(base: Base, seed: number, opts: { inboxOnly: boolean }) {
  const { sandbox, calcomLink, relayLink, calcomLink2, relayLink2 } = base
  for (const link of [calcomLink, relayLink, calcomLink2, relayLink2]) link.restore()
  sandbox.sandbox.clock.set(sandboxNow())
  sandbox.sandbox.webhooks.clearFaults()
  sandbox.sandbox.apiFaults.clear()
  await sandbox.sandbox.webhooks.flush()
  sandbox.sandbox.webhooks.log.length = 0

  const template = BRANCHES[0]!
  const userId = seedBranch(sandbox.sandbox, {
    ...template,
    username: `${template.username}-${seed}`,
    email: `seed${seed}-${template.email}`,
    staff: template.staff.map((s) => ({ ...s, username: `${s.username}-${seed}` })),
  })
  const account = sandbox.sandbox.store.accounts.get(userId)!
  // The seeded week is mostly history; the days the scenario plays on (and yesterday) are enough,
  // and every booking less is less for each seed to sync.
  const from = DateTime.fromMillis(sandbox.sandbox.clock.nowMs(), { zone: account.timeZone })
    .startOf('day')
    .minus({ days: 1 })
    .toMillis()
  for (const [uid, b] of sandbox.sandbox.store.bookings) {
    if (b.accountId === userId && Date.parse(b.start) < from)
      sandbox.sandbox.store.bookings.delete(uid)
  }

  const sync: SyncTuning = {
    // Inbox-only seeds must converge without the periodic reconcile.
    reconcileIntervalMs: opts.inboxOnly ? 3_600_000 : 1_500,
    relayWaitSeconds: 1,
    relayBackoff: { baseMs: 20, capMs: 250 },
    relayWatchdogGraceMs: 500,
  }
  const deskOptions: StartDeskOptions = {
    outbound: {
      outbox: { backoff: { baseMs: 20, capMs: 250, floorMs: 10 }, pollMs: 500, closeGraceMs: 300 },
    },
    sync,
    deskEventBackoff: { baseMs: 20, capMs: 250 },
  }
  const dataDir = makeDataDir()
  const dataDir2 = makeDataDir()
  copyFileSync(base.deskTemplate, join(dataDir, DATABASE_FILE))
  copyFileSync(base.deskTemplate, join(dataDir2, DATABASE_FILE))
  const start = (dir: string) => {
    const [calcom, relay] = dir === dataDir ? [calcomLink, relayLink] : [calcomLink2, relayLink2]
    return startTempDesk({
      ...deskOptions,
      dataDir: dir,
      env: {
        FRONTDESK_CALCOM_API_URL: calcom.url,
        FRONTDESK_CALCOM_APP_URL: calcom.url,
        FRONTDESK_RELAY_URL: relay.url,
        FRONTDESK_LOG_LEVEL: process.env.FRONTDESK_CONVERGENCE_LOG ?? 'silent',
      },
    })
  }

  const world: World = {
    ...base,
    account,
    desk: await start(dataDir),
    desk2: await start(dataDir2),
    dataDir,
    dataDir2,
    async restartDesk(which = 0) {
      if (which === 0) {
        await world.desk.close()
        world.desk = await start(dataDir)
      } else {
        await world.desk2.close()
        world.desk2 = await start(dataDir2)
      }
    },
    async close(keep = false) {
      await world.desk.close().catch(() => undefined)
      await world.desk2.close().catch(() => undefined)
      for (const webhook of sandbox.sandbox.store.webhooksOf(userId)) webhook.active = false
      // The seed is over: its bookings would only slow every later list down.
      for (const [uid, b] of sandbox.sandbox.store.bookings)
        if (b.accountId === userId) sandbox.sandbox.store.bookings.delete(uid)
      if (!keep) {
        rmSync(dataDir, { recursive: true, force: true })
        rmSync(dataDir2, { recursive: true, force: true })
      }
    },
  }
  return world
}
