// The composition root of the desk core: the one place that wires the store, the services and
// the local API together. Both the Electron app and the headless desk start the desk here.
import type { FastifyPluginAsync } from 'fastify'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { appVersion } from './app-version'
import { AppointmentStore } from './appointments/appointment-store'
import { DeskUserStore } from './actions/desk-user-store'
import { CalcomBookings } from './appointments/calcom-bookings'
import { OutboxStore } from './outbound/outbox-store'
import { BranchStore } from './branch/branch-store'
import type { DeskConfig } from './config/desk-config'
import { lockDataDir } from './data-dir/data-dir-lock'
import { DeskStartError } from './data-dir/desk-errors'
import { openDatabase, type DeskDb } from './db/open-database'
import { EventTypeStore } from './event-types/event-type-store'
import { DeskEvents } from './events/desk-events'
import { LiveBus } from './live/live-bus'
import { feedLiveBus } from './live/live-feed'
import { createDeskLogger } from './logging/desk-logger'
import type { DeskServices } from './server/desk-services'
import { buildLocalApi, type LocalApi } from './server/local-api'
import type { TokenStore } from './auth/token-store'
import { startCalcomServices } from './connect/calcom-services'
import { ReferenceRefresh } from './connect/reference-refresh'
import { StaffStore } from './staff/staff-store'
import { AuditStore } from './audit/audit-store'
import { SettingsStore } from './settings/settings-store'
import { createOutbound, type OutboundTuning } from './outbound/outbound-services'
import { SyncEngine, type SyncTuning } from './inbound/sync-engine'
import type { RelayDeviceStore } from './inbound/relay-device-store'
import { BusinessStore } from './people/business-store'
import { CancellationPolicies } from './people/cancellation-policies'
import { PinLockoutStore } from './people/pin-lockout-store'
import { SignIn } from './people/sign-in'
import { BusinessCopy } from './inbound/business-copy'
import { DesktopFeed, type DesktopFeedTuning } from './notify/desktop-feed'
import { DeskReports } from './notify/desk-reports'
import { BranchHoursReport } from './notify/branch-hours-report'
import { WebhookWatch } from './inbound/webhook-watch'
import { ComputerSettings } from './settings/computer-settings'
import { ClientStore } from './clients/client-store'
import { ClientDirectory } from './clients/client-directory'
import { DeskEventStore } from './shared-state/desk-event-store'
import { DeskEventSender } from './outbound/desk-event-sender'
import { Backoff } from './inbound/backoff'
import { SharedState } from './shared-state/shared-state'

export interface StartDeskOptions {
  /** The built renderer folder to serve at `/`; null for API only. */
  rendererDir?: string | null
  /** The committed migrations; found next to the code when omitted. */
  migrationsDir?: string
  logger?: Logger
  /** Where Cal.com credentials live; the headless desk's 0600 file when omitted. */
  tokenStore?: TokenStore
  /** Outbox worker and slots cache timing (tests shorten backoff). */
  outbound?: OutboundTuning
  /** Where the relay device token lives; a 0600 file in the data dir when omitted. */
  relayDeviceStore?: RelayDeviceStore
  /** Sync timing (tests shorten it). */
  sync?: SyncTuning
  /**
   * The desk's clock (a demo's or a test's day): sign-in (idle sign-out, PIN locks), the client
   * card, pending confirmations, the audit log and appointments' history read or stamp it;
   * Date.now when omitted.
   */
  now?: () => number
  /** Desktop notification polling (tests shorten it). */
  desktopFeed?: DesktopFeedTuning
  /** How often the branch's Cal.com webhook is looked at while online (default 15 minutes). */
  webhookCheckIntervalMs?: number
  /** Routes beyond one branch's (the branch host's `/api/branches`, `/api/overview`, `/b/…`). */
  hostRoutes?: FastifyPluginAsync
  /** How old the services, staff and hours may get before a reconcile reads them again (30 min). */
  referenceRefreshIntervalMs?: number
  /** How the desk event sender waits between tries while the relay is away (tests shorten it). */
  deskEventBackoff?: { baseMs: number; capMs: number }
}

export interface Desk {
  /** http://127.0.0.1:PORT */
  url: string
  port: number
  token: string
  services: DeskServices & {
    eventTypes: EventTypeStore
    audit: AuditStore
    shared: SharedState
    referenceRefresh: ReferenceRefresh
  }
  /** Every /api route with the access it declares (route-access.ts). */
  declaredRoutes: LocalApi['declaredRoutes']
  close(): Promise<void>
}

export const DATABASE_FILE = 'frontdesk.db'

export async function startDesk(config: DeskConfig, opts: StartDeskOptions = {}): Promise<Desk> {
  const lock = lockDataDir(config.dataDir)
  let db: DeskDb | undefined
  let api: LocalApi | undefined
  try {
    const logger = opts.logger ?? createDeskLogger(config.dataDir, config.logLevel)
    db = openDatabase(join(config.dataDir, DATABASE_FILE), opts.migrationsDir)
    const events = new DeskEvents()
    const bus = new LiveBus()
    // Events are emitted only once the services below exist.
    feedLiveBus(events, bus, (uid) => services.appointments.byUid(uid))
    const services = {
      version: appVersion(),
      dataDir: config.dataDir,
      relayUrl: config.relayUrl,
      calcomApiUrl: config.calcomApiUrl,
      db,
      events,
      bus,
      branches: new BranchStore(db, events),
      staff: new StaffStore(db),
      eventTypes: new EventTypeStore(db),
      appointments: new AppointmentStore(db, events, opts.now),
      outbox: new OutboxStore(db),
      deskUsers: new DeskUserStore(db),
      audit: new AuditStore(db, opts.now),
      settings: new SettingsStore(db),
    }
    const calcomBookings: CalcomBookings = new CalcomBookings(db, {
      ...services,
      lateness: (a, at): { windowHours: number } | null => policies.lateness(a, at),
      now: opts.now,
    })
    services.branches.current()
    const calcom = await startCalcomServices(config, services, logger, opts.tokenStore, opts.now)
    const business = new BusinessStore(db)
    const clients = new ClientStore(db)
    const deskEventStore = new DeskEventStore(db)
    const shared = new SharedState({
      db,
      store: deskEventStore,
      appointments: services.appointments,
      clients,
      events,
      branchId: () => services.branches.current().id,
      enabled: config.relayUrl !== null,
    })
    const policies: CancellationPolicies = new CancellationPolicies({
      business,
      eventTypes: services.eventTypes,
      channelId: (): string | null => sync.relayIdentity().channelId,
    })
    const outbound = createOutbound(
      {
        ...services,
        calcomBookings,
        connection: calcom.connection,
        logger,
        lateness: (a) => policies.lateness(a, (opts.now ?? Date.now)()),
        shared,
        deskNow: opts.now,
      },
      opts.outbound,
    )
    const sync = new SyncEngine({
      ...services,
      calcomBookings,
      connection: calcom.connection,
      dataDir: config.dataDir,
      relayUrl: config.relayUrl,
      logger,
      deviceStore: opts.relayDeviceStore,
      onBusinessNews: () => void businessCopy.refresh(),
      onReconciled: (result) => void referenceRefresh.afterReconcile(result),
      shared,
      ...opts.sync,
    })
    const referenceRefresh: ReferenceRefresh = new ReferenceRefresh({
      ...services,
      schedules: calcom.schedules,
      connection: calcom.connection,
      logger: logger.child({ part: 'reference-refresh' }),
      notice: (code, message) => sync.notice('calcom', code, message),
      intervalMs: opts.referenceRefreshIntervalMs,
      now: opts.now,
    })
    const signIn = new SignIn({
      ...services,
      business,
      lockouts: new PinLockoutStore(db),
      logger,
      channelId: () => sync.relayIdentity().channelId,
      now: opts.now,
    })
    const businessCopy = new BusinessCopy({
      store: business,
      signIn,
      logger: logger.child({ part: 'business' }),
      device: () => sync.relayDevice(),
      onBadAnswer: (message) => sync.notice('relay', 'RELAY_BAD_ANSWER', message),
    })
    const desktopFeed = new DesktopFeed({
      settings: services.settings,
      events,
      logger: logger.child({ part: 'desktop-notifications' }),
      device: () => sync.relayDevice(),
      ...opts.desktopFeed,
    })
    const webhookWatch: WebhookWatch = new WebhookWatch({
      client: () => calcom.connection.client(),
      channelId: () => sync.relayIdentity().channelId,
      relayOnline: () => sync.health().relay.state === 'online',
      events,
      logger: logger.child({ part: 'webhook-watch' }),
      notice: (code, message) => sync.notice('calcom', code, message),
      onProblem: () => void deskReports.check(),
      onReenabled: () => void sync.reconcileNow().catch(() => undefined),
      intervalMs: opts.webhookCheckIntervalMs,
    })
    const deskReports = new DeskReports({
      events,
      settings: services.settings,
      logger: logger.child({ part: 'desk-reports' }),
      device: () => sync.relayDevice(),
      needingAttention: () => services.outbox.list(['needs_attention']),
      connection: () => {
        const branch = services.branches.current()
        return { state: branch.connection, name: branch.name }
      },
      inBusiness: () => business.current() !== null,
      webhookProblem: () => webhookWatch.problem,
    })
    const branchHoursReport = new BranchHoursReport({
      events,
      settings: services.settings,
      logger: logger.child({ part: 'branch-hours' }),
      // Reports only: never enrolls (it runs on every sync change, a disconnect's included).
      device: () => sync.enrolledRelayDevice(),
      schedules: () => calcom.schedules.list(),
      zone: () => services.branches.current().timeZone,
    })
    const deskEventSender = new DeskEventSender({
      store: deskEventStore,
      shared,
      device: () => sync.relayDevice(),
      logger: logger.child({ part: 'desk-events' }),
      // Sync health lists the refused row itself (SyncEngine.health): the page is told to look.
      onRefused: () => events.emit('syncChanged', {}),
      onBadAnswer: (message) => sync.notice('relay', 'RELAY_BAD_ANSWER', message),
      ...(opts.deskEventBackoff
        ? { backoff: new Backoff(opts.deskEventBackoff.baseMs, opts.deskEventBackoff.capMs) }
        : {}),
    })
    const clientDirectory = new ClientDirectory({
      shared,
      clients,
      appointments: services.appointments,
      events,
      logger: logger.child({ part: 'clients' }),
      now: opts.now,
    })
    // Before anything can change an appointment: each change is matched to its client.
    const stopClients = clientDirectory.start()
    const allServices = {
      ...services,
      clients,
      clientDirectory,
      ...calcom,
      sync,
      ...outbound,
      business,
      businessCopy,
      signIn,
      policies,
      desktopFeed,
      deskReports,
      branchHoursReport,
      webhookWatch,
      referenceRefresh,
      shared,
      computer: new ComputerSettings(services.settings),
      now: opts.now ?? Date.now,
    }
    api = await buildLocalApi({
      services: allServices,
      token: config.apiToken,
      logger,
      rendererDir: opts.rendererDir ?? null,
      hostRoutes: opts.hostRoutes,
    })
    await listenOnLoopback(api, config.port)
    clientDirectory.catchUpInBackground()
    outbound.start()
    referenceRefresh.start()
    sync.start()
    desktopFeed.start()
    deskReports.start()
    branchHoursReport.start()
    webhookWatch.start()
    deskEventSender.start()
    const address = api.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    logger.info({ port, dataDir: config.dataDir }, 'desk started')

    let closing: Promise<void> | undefined
    const openApi = api
    const openDb = db
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      token: config.apiToken,
      services: allServices,
      declaredRoutes: openApi.declaredRoutes,
      close() {
        closing ??= (async () => {
          await outbound.stop()
          await desktopFeed.stop()
          await webhookWatch.stop()
          await deskReports.stop()
          await branchHoursReport.stop()
          await deskEventSender.stop()
          await referenceRefresh.stop()
          await sync.stop()
          stopClients()
          signIn.close()
          await calcom.connection.close()
          await openApi.close()
          openDb.$client.close()
          lock.release()
          logger.info('desk stopped')
        })()
        return closing
      },
    }
  } catch (err) {
    await api?.close().catch(() => undefined)
    db?.$client.close()
    lock.release()
    throw err
  }
}

/** Listens on 127.0.0.1; a port that is taken or not ours to use says which and what to do. */
async function listenOnLoopback(api: LocalApi, port: number): Promise<void> {
  try {
    await api.listen({ host: '127.0.0.1', port })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      throw new DeskStartError(
        'PORT_IN_USE',
        `Port ${port} on 127.0.0.1 is already in use by another program (or another desk). ` +
          `Close that program, or start the desk on another port with FRONTDESK_PORT or --port ` +
          `(0 picks a free one).`,
      )
    }
    if (code === 'EACCES') {
      throw new DeskStartError(
        'PORT_NOT_ALLOWED',
        `This user may not listen on port ${port}. Choose a port above 1024 with FRONTDESK_PORT ` +
          `or --port (0 picks a free one).`,
      )
    }
    throw err
  }
}
