// The outbound half of the sync engine, wired once per desk (desk.ts calls this): the outbox
// store and worker, the queue commands, the slots cache and the desk's actions.
import type { SharedState } from '../shared-state/shared-state'
import type { Logger } from 'pino'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { StaffStore } from '../staff/staff-store'
import type { AuditStore } from '../audit/audit-store'
import { BookingRequests } from '../actions/booking-requests'
import { DeskActions, type DeskActionsDeps } from '../actions/desk-actions'
import type { AppointmentStore } from '../appointments/appointment-store'
import type { CalcomBookings } from '../appointments/calcom-bookings'
import type { BranchStore } from '../branch/branch-store'
import type { BranchConnection } from '../connect/branch-connection'
import type { DeskDb } from '../db/open-database'
import type { DeskEvents } from '../events/desk-events'
import { SlotsCache } from '../slots/slots-cache'
import { OutboxCommands } from './outbox-commands'
import type { OutboxStore } from './outbox-store'
import { OutboxWorker, type OutboxWorkerTuning } from './outbox-worker'

export interface OutboundTuning {
  outbox?: OutboxWorkerTuning
  slotsTtlMs?: number
}

export interface OutboundServices {
  outbox: OutboxStore
  outboxWorker: OutboxWorker
  outboxCommands: OutboxCommands
  actions: DeskActions
  /** Booking with its repeat checks (Idempotency-Key, the same booking twice). */
  bookings: BookingRequests
  slots: SlotsCache
}

export function createOutbound(
  deps: {
    db: DeskDb
    events: DeskEvents
    appointments: AppointmentStore
    calcomBookings: CalcomBookings
    eventTypes: EventTypeStore
    staff: StaffStore
    outbox: OutboxStore
    audit: AuditStore
    branches: BranchStore
    connection: BranchConnection
    logger: Logger
    lateness?: DeskActionsDeps['lateness']
    shared?: SharedState
    /**
     * The desk's clock: what a stale slots answer still offers is judged on it. Not `now`, which
     * the outbox worker would take up too: its schedule keeps its own clock (tuning.outbox.now).
     */
    deskNow?: () => number
  },
  tuning: OutboundTuning = {},
): OutboundServices & { start(): void; stop(): Promise<void> } {
  const logger = deps.logger.child({ part: 'outbox' })
  const { outbox } = deps
  const { audit } = deps
  const outboxWorker = new OutboxWorker({ ...deps, outbox, logger }, tuning.outbox)
  const wake = () => outboxWorker.wake()
  const slots = new SlotsCache({
    ...deps,
    now: deps.deskNow,
    logger: deps.logger.child({ part: 'slots' }),
    ttlMs: tuning.slotsTtlMs,
  })
  const outboxCommands = new OutboxCommands({ ...deps, outbox, audit, wake, logger })
  const actions = new DeskActions({ ...deps, outbox, audit, slots, wake, logger })
  const bookings = new BookingRequests({ ...deps, actions })
  return {
    outbox,
    outboxWorker,
    outboxCommands,
    actions,
    bookings,
    slots,
    start: () => outboxWorker.start(),
    async stop() {
      await outboxWorker.stop()
      slots.dispose()
    },
  }
}
