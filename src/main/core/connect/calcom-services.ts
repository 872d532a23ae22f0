// The Cal.com side of the desk, wired once per desk: the api_log, the shared transport (one rate
// governor for every Cal.com call this desk makes) and the branch connection. desk.ts calls this.
import type { SettingsStore } from '../settings/settings-store'
import type { AuditStore } from '../audit/audit-store'
import type { AppointmentStore } from '../appointments/appointment-store'
import type { Logger } from 'pino'
import { credentialFile, type TokenStore } from '../auth/token-store'
import type { BranchStore } from '../branch/branch-store'
import { ApiLog } from '../calcom/api-log-store'
import { CalcomTransport } from '../calcom/http-transport'
import { RateGovernor } from '../calcom/rate-governor'
import type { DeskConfig } from '../config/desk-config'
import type { DeskDb } from '../db/open-database'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { StaffStore } from '../staff/staff-store'
import { BranchConnection } from './branch-connection'
import { ScheduleCache } from './schedule-cache'

export interface CalcomServices {
  apiLog: ApiLog
  transport: CalcomTransport
  connection: BranchConnection
  schedules: ScheduleCache
}

export async function startCalcomServices(
  config: DeskConfig,
  stores: {
    db: DeskDb
    branches: BranchStore
    staff: StaffStore
    eventTypes: EventTypeStore
    audit: AuditStore
    settings: SettingsStore
    appointments: AppointmentStore
  },
  logger: Logger,
  tokenStore: TokenStore = credentialFile(config.dataDir),
  /** The desk's clock (StartDeskOptions.now); the real one when omitted. */
  deskNow?: () => number,
): Promise<CalcomServices> {
  const apiLog = new ApiLog(stores.db)
  const transport = new CalcomTransport({
    baseUrl: config.calcomApiUrl,
    apiLog,
    governor: new RateGovernor(),
    logger: logger.child({ part: 'calcom' }),
  })
  const schedules = new ScheduleCache(stores.settings)
  const connection = new BranchConnection({
    ...stores,
    schedules,
    transport,
    tokenStore,
    logger: logger.child({ part: 'connect' }),
    calcomAppUrl: config.calcomAppUrl,
    oauthClientId: config.oauthClientId,
    oauthRedirectPort: config.oauthRedirectPort,
    deskNow,
  })
  await connection.start()
  return { apiLog, transport, connection, schedules }
}
