// Several branches in one app (DESIGN.md §9): one desk core per branch, each with its own data
// folder, database, Cal.com credential and relay device, each syncing on its own. The first
// branch is the desk the app always ran, in the data folder itself, and its local API is the
// app's: it also answers `/api/branches`, `/api/overview` and `/b/<key>/…` (branch-routes.ts).
// The other cores listen on loopback ports of their own with tokens that never leave this
// process; only the app's API forwards to them.
import { randomBytes } from 'node:crypto'
import type { Logger } from 'pino'
import type { BranchSummary } from '../../../shared/api/branches'
import { PRIMARY_BRANCH_KEY } from '../../../shared/api/branches'
import type { Overview, OverviewRange } from '../../../shared/api/overview'
import type { DeskConfig } from '../config/desk-config'
import { DeskStartError } from '../data-dir/desk-errors'
import { startDesk, type Desk, type StartDeskOptions } from '../desk'
import { DeskError } from '../errors/desk-error'
import { businessOverview, type BranchSource } from '../overview/business-overview'
import { OverviewStore } from '../overview/overview-store'
import { branchDataDir, BranchRegistry, BranchRegistryError } from './branch-registry'
import branchRoutes from './branch-routes'
import { AppSignIn } from './app-sign-in'
import { BranchWatch } from './branch-watch'

export interface HostedBranch {
  key: string
  desk: Desk
  overview: OverviewStore
  /** The owner's label from the registry (the first branch has none). */
  label: string | null
}

export interface BranchHost {
  /** The app's own address and token: the first branch's local API. */
  url: string
  port: number
  token: string
  /** The first branch's desk (what a one-branch app was). */
  primary: Desk
  branch(key: string): HostedBranch | undefined
  /** Every branch the app holds now, the first first. */
  all(): HostedBranch[]
  summaries(): BranchSummary[]
  /**
   * Calls `listener` whenever what the app shows of its branches changed (a branch added or
   * removed, its name, offline, waiting or attention marks); returns how to stop.
   */
  watch(listener: () => void): () => void
  add(key: string, name: string): Promise<BranchSummary>
  remove(key: string): Promise<void>
  overview(range: OverviewRange, nowMs?: number): Overview
  close(): Promise<void>
}

export interface BranchHostOptions extends StartDeskOptions {
  /** Options for another branch's core (its own credential store, tuning); defaults when omitted. */
  branchOptions?: (key: string, dataDir: string) => StartDeskOptions
}

function lastSyncAt(desk: Desk): string | null {
  const health = desk.services.sync.health()
  const times = [health.lastEvent?.at, health.lastReconcile?.ok ? health.lastReconcile.at : null]
  const known = times.filter((t): t is string => typeof t === 'string').sort()
  return known.at(-1) ?? null
}

function offline(desk: Desk): boolean {
  const health = desk.services.sync.health()
  return (
    health.connection === 'connected' &&
    health.relay.configured &&
    !['online', 'connecting', 'enrolling'].includes(health.relay.state)
  )
}

function summary(b: HostedBranch): BranchSummary {
  const current = b.desk.services.branches.current()
  const named = current.calcomAccountId !== null || b.label === null
  return {
    key: b.key,
    name: named ? current.name : b.label!,
    primary: b.key === PRIMARY_BRANCH_KEY,
    connection: current.connection,
    offline: offline(b.desk),
    waiting: b.desk.services.outbox.queueDepth(),
    attention: b.desk.services.outbox.needingAttention(),
    lastSyncAt: lastSyncAt(b.desk),
  }
}

function overviewSource(b: HostedBranch): BranchSource {
  const { services } = b.desk
  const current = services.branches.current()
  return {
    key: b.key,
    name: summary(b).name,
    timeZone: current.timeZone,
    staff: () =>
      services.staff
        .rowsOf(current.id)
        .filter((s) => s.active)
        .map((s) => ({ name: s.name, calcomHostId: s.calcomHostId })),
    schedules: () => services.schedules.list(),
    numbers: (startMs, endMs, scheduled) =>
      b.overview.numbersIn(current.id, startMs, endMs, scheduled),
    lastSyncAt: () => lastSyncAt(b.desk),
    offline: () => offline(b.desk),
  }
}

export async function startBranchHost(
  config: DeskConfig,
  opts: BranchHostOptions = {},
): Promise<BranchHost> {
  let registry: BranchRegistry
  try {
    registry = new BranchRegistry(config.dataDir)
  } catch (err) {
    if (!(err instanceof BranchRegistryError)) throw err
    throw new DeskStartError(
      'BRANCHES_FILE_INVALID',
      `${err.message}. Fix or remove it (the branches' folders stay under branches/).`,
    )
  }
  const hosted = new Map<string, HostedBranch>()
  const { branchOptions, ...primaryOptions } = opts
  // What is shown of every branch, less the last news's time (it moves with every event).
  const watch = new BranchWatch(() =>
    JSON.stringify([...hosted.values()].map(summary).map(({ lastSyncAt: _, ...shown }) => shown)),
  )
  const signIns = new AppSignIn()
  // Every branch's live stream carries the news, so the page hears it whichever branch it shows.
  watch.onChange(() => {
    for (const b of hosted.values()) b.desk.services.bus.publish({ type: 'branches' })
  })

  const startBranch = async (key: string, label: string, logger?: Logger) => {
    const dataDir = branchDataDir(config.dataDir, key)
    const desk = await startDesk(
      {
        ...config,
        dataDir,
        port: 0,
        apiToken: randomBytes(24).toString('base64url'),
        apiTokenFixed: false,
      },
      {
        migrationsDir: opts.migrationsDir,
        ...(logger ? { logger } : {}),
        ...branchOptions?.(key, dataDir),
        rendererDir: null,
      },
    )
    const branch = { key, desk, label, overview: new OverviewStore(desk.services.db) }
    hosted.set(key, branch)
    watch.follow(key, desk.services.events)
    signIns.follow(key, desk.services.signIn)
    return branch
  }

  const host: BranchHost = {
    url: '',
    port: 0,
    token: config.apiToken,
    primary: undefined as unknown as Desk,
    branch: (key) => hosted.get(key),
    all: () => [...hosted.values()],
    summaries: () => [...hosted.values()].map(summary),
    watch: (listener) => watch.onChange(listener),
    async add(key, name) {
      if (key === PRIMARY_BRANCH_KEY || hosted.has(key) || registry.has(key)) {
        throw new DeskError('BRANCH_EXISTS', `This app already holds a branch "${key}"`, 'key')
      }
      const branch = await startBranch(key, name.trim())
      registry.add(key, name)
      return summary(branch)
    },
    async remove(key) {
      if (key === PRIMARY_BRANCH_KEY) {
        throw new DeskError('NOT_ALLOWED', 'The first branch of this app cannot be removed', 'key')
      }
      const branch = hosted.get(key)
      if (!branch) throw new DeskError('NOT_FOUND', `This app holds no branch "${key}"`, 'key')
      hosted.delete(key)
      watch.unfollow(key)
      signIns.unfollow(key)
      registry.remove(key)
      await branch.desk.close()
    },
    overview: (range, nowMs = Date.now()) =>
      businessOverview([...hosted.values()].map(overviewSource), range, nowMs),
    async close() {
      watch.close()
      signIns.close()
      const all = [...hosted.values()].reverse()
      hosted.clear()
      for (const b of all) await b.desk.close()
    },
  }

  const primary = await startDesk(config, {
    ...primaryOptions,
    hostRoutes: async (app) => app.register(branchRoutes, { host }),
  })
  hosted.set(PRIMARY_BRANCH_KEY, {
    key: PRIMARY_BRANCH_KEY,
    desk: primary,
    label: null,
    overview: new OverviewStore(primary.services.db),
  })
  watch.follow(PRIMARY_BRANCH_KEY, primary.services.events)
  signIns.follow(PRIMARY_BRANCH_KEY, primary.services.signIn)
  Object.assign(host, { primary, url: primary.url, port: primary.port })
  try {
    for (const entry of registry.list()) await startBranch(entry.key, entry.name)
    watch.start()
  } catch (err) {
    await host.close()
    throw err
  }
  return host
}
