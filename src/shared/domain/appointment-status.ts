/** The desk's appointment status (DESIGN.md §3): Cal.com's booking status plus what its webhooks tell us. */
export const APPOINTMENT_STATUSES = [
  'SCHEDULED',
  'PENDING',
  'RESCHEDULED',
  'CANCELLED',
  'REJECTED',
  'NO_SHOW',
  'COMPLETED',
] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

/** What happened at the desk: Cal.com has no such states, so the desk owns them. */
export const VISIT_STATES = ['NONE', 'ARRIVED', 'IN_SERVICE', 'DONE'] as const
export type VisitState = (typeof VISIT_STATES)[number]

/** Whether the desk's copy agrees with Cal.com. */
export const SYNC_STATES = ['synced', 'pending', 'needs_attention'] as const
export type SyncState = (typeof SYNC_STATES)[number]

export const CONNECTION_STATES = ['disconnected', 'connected', 'reconnect_needed'] as const
export type ConnectionState = (typeof CONNECTION_STATES)[number]

export const DESK_ROLES = ['OWNER', 'ADMIN', 'RECEPTIONIST'] as const
export type DeskRole = (typeof DESK_ROLES)[number]

export const OUTBOX_STATES = [
  'pending',
  'in_flight',
  'needs_attention',
  'done',
  'discarded',
] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
