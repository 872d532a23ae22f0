import type { DeskUserStore } from '../actions/desk-user-store'
import type { AppointmentStore } from '../appointments/appointment-store'
import type { BranchStore } from '../branch/branch-store'
import type { DeskDb } from '../db/open-database'
import type { DeskEvents } from '../events/desk-events'
import type { LiveBus } from '../live/live-bus'
import type { StaffStore } from '../staff/staff-store'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { CalcomServices } from '../connect/calcom-services'
import type { OutboundServices } from '../outbound/outbound-services'
import type { SyncEngine } from '../inbound/sync-engine'
import type { AuditStore } from '../audit/audit-store'
import type { BusinessStore } from '../people/business-store'
import type { SignIn } from '../people/sign-in'
import type { BusinessCopy } from '../inbound/business-copy'
import type { CancellationPolicies } from '../people/cancellation-policies'
import type { DesktopFeed } from '../notify/desktop-feed'
import type { BranchHoursReport } from '../notify/branch-hours-report'
import type { DeskReports } from '../notify/desk-reports'
import type { WebhookWatch } from '../inbound/webhook-watch'
import type { ComputerSettings } from '../settings/computer-settings'
import type { ClientStore } from '../clients/client-store'
import type { ClientDirectory } from '../clients/client-directory'

/** What the routes may use: handed to each route plugin, as fastify/demo does with decorators. */
export interface DeskServices extends OutboundServices {
  version: string
  /** The desk's clock (a fixed one in demos and tests): what "upcoming" and "now" mean here. */
  now: () => number
  /** Where this desk's database and logs live (Settings shows it). */
  dataDir: string
  relayUrl: string | null
  calcomApiUrl: string
  db: DeskDb
  /** The core's internal events (modules wire to each other here). */
  events: DeskEvents
  /** The UI's live stream (GET /api/live), fed from `events`; it only listens. */
  bus: LiveBus
  branches: BranchStore
  staff: StaffStore
  appointments: AppointmentStore
  eventTypes: EventTypeStore
  deskUsers: DeskUserStore
  /** Cal.com: api_log, transport (rate governor), branch connection (client, tokens). */
  apiLog: CalcomServices['apiLog']
  transport: CalcomServices['transport']
  connection: CalcomServices['connection']
  /** The account's Cal.com schedules as last synced (opening hours). */
  schedules: CalcomServices['schedules']
  /** Inbound sync: relay inbox, reconcile, sync health. */
  sync: SyncEngine
  audit: AuditStore
  /** The business copy and signing in at this desk (DESIGN.md §7). */
  business: BusinessStore
  businessCopy: BusinessCopy
  signIn: SignIn
  /** The services' cancellation policies at this branch, from the business copy. */
  policies: CancellationPolicies
  /** Desktop notifications for this desk to show, and who opted in here (DESIGN.md §8). */
  desktopFeed: DesktopFeed
  /** Desk problems sent to the relay for the owner's notification rules. */
  deskReports: DeskReports
  /** When the branch closes, told to the relay for the daily summary at closing. */
  branchHoursReport: BranchHoursReport
  webhookWatch: WebhookWatch
  /** Start at login and the like, applied by the Electron app when there is one. */
  computer: ComputerSettings
  /** The branch's clients derived from its bookings, their notes and alerts. */
  clients: ClientStore
  clientDirectory: ClientDirectory
}
