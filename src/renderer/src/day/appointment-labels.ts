// The words the desk uses for states. Codes come from the API; people read these.
import type {
  AppointmentStatus,
  SyncState,
  VisitState,
} from '../../../shared/domain/appointment-status'

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  SCHEDULED: 'Scheduled',
  PENDING: 'Pending',
  RESCHEDULED: 'Rescheduled',
  CANCELLED: 'Cancelled',
  REJECTED: 'Declined',
  NO_SHOW: 'No-show',
  COMPLETED: 'Completed',
}

/** NONE says nothing worth a badge: the person simply has not arrived yet. */
export const VISIT_LABELS: Record<VisitState, string | null> = {
  NONE: null,
  ARRIVED: 'Arrived',
  IN_SERVICE: 'In service',
  DONE: 'Done',
}

export const SYNC_LABELS: Record<SyncState, string | null> = {
  synced: null,
  pending: 'Waiting to sync',
  needs_attention: 'Needs attention',
}

/** Appointments that no longer take place: shown struck through. */
export function isStruckThrough(status: AppointmentStatus): boolean {
  return status === 'CANCELLED' || status === 'REJECTED' || status === 'RESCHEDULED'
}
