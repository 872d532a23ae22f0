// Every server-state query the UI holds, keyed so a live event can name exactly what it touches
// (live-invalidation.ts). A key's leading parts are the prefixes invalidation matches on.
export const queryKeys = {
  branch: ['branch'] as const,
  sync: ['sync'] as const,
  /** The sync health page's logs: ['sync-log', 'api' | 'events', filter]. */
  syncLogs: ['sync-log'] as const,
  apiLog: (filter: object) => ['sync-log', 'api', filter] as const,
  syncEvents: (filter: object) => ['sync-log', 'events', filter] as const,
  desk: ['desk'] as const,
  /** Any list of the queue: ['outbox', states…]. */
  outbox: ['outbox'] as const,
  eventTypes: ['event-types'] as const,
  staff: ['staff'] as const,
  days: ['day'] as const,
  day: (date: string) => ['day', date] as const,
  allOpeningHours: ['opening-hours'] as const,
  openingHours: (date: string) => ['opening-hours', date] as const,
  appointment: (uid: string) => ['appointment', uid] as const,
  pendingConfirmations: ['pending-confirmations'] as const,
  /** Who is signed in, and who may sign in at this desk (features/people). */
  session: ['session'] as const,
  people: ['people'] as const,
  /** Notification rules, proposals, history and this computer's choices (features/notifications). */
  notifications: ['notifications'] as const,
  desktopPending: ['notifications', 'desktop-pending'] as const,
  /** The clients feature (features/clients): lists, cards, and the alerts of a day's cards. */
  clients: ['clients'] as const,
  clientLists: ['clients', 'list'] as const,
  clientList: (q: string, page: number) => ['clients', 'list', q, page] as const,
  clientCard: (id: number) => ['clients', 'card', id] as const,
  allDayClients: ['clients', 'day'] as const,
  dayClients: (date: string) => ['clients', 'day', date] as const,
  allSlots: ['slots'] as const,
  slotsOfDay: (date: string) => ['slots', date] as const,
  slots: (date: string, eventTypeId: number, staffId: number | null) =>
    ['slots', date, eventTypeId, staffId] as const,
}
