// What the desk's audit log records (DESIGN.md §7, "who did what"): one code per kind of action,
// stored in `audit_log.action` and said in words by the renderer's catalogs. A new kind of action
// is added here first, so the UI never has to show a bare code.

export const AUDIT_ACTIONS = [
  // The day's work (the outbox op names the change sent to Cal.com).
  'appointment.book',
  'appointment.visit',
  'appointment.reschedule',
  'appointment.cancel',
  'appointment.confirm',
  'appointment.decline',
  'appointment.mark_absent',
  // "Needs attention".
  'outbox.retry',
  'outbox.discard',
  'outbox.anotherTime',
  // The Cal.com connection.
  'branch.connect',
  'branch.connect_failed',
  'branch.disconnect',
  'branch.reconnect_needed',
  // Signing in at this desk.
  'session.signIn',
  'session.signOut',
  'session.locked',
  // Settings.
  'settings.idleSignOutMinutes',
  'settings.computer',
  // Cancellation policies per service.
  'cancellationPolicy.set',
  'cancellationPolicy.remove',
  // Notification rules, the owner's approval, desktop notifications.
  'notifications.rules',
  'notifications.propose',
  'notifications.approve',
  'notifications.reject',
  'notifications.desktop',
  // The business and its people.
  'business.create',
  'business.join',
  'business.joinCode',
  'business.renameBranch',
  'people.add',
  'people.change',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const isAuditAction = (value: unknown): value is AuditAction =>
  typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value)
