// The desk's addresses (hash routes), so the drawer, the lists and settings can be linked,
// reloaded and gone back from. Parsing is pure so the table is tested without a browser.
import { isCalendarDate } from '../ui/time/zoned-time'

export type AppRoute =
  | { name: 'today' }
  | { name: 'day'; date: string; appointmentUid: string | null }
  | { name: 'attention' }
  | { name: 'pending' }
  | { name: 'settings' }
  | { name: 'team' }
  | { name: 'sync-health' }
  | { name: 'print'; date: string }
  | { name: 'notifications'; tab: NotificationsTab }
  /** An appointment by uid alone (a notification's click): its day is looked up. */
  | { name: 'appointment'; uid: string }
  | { name: 'clients' }
  | { name: 'client'; id: number }
  /** "All branches": the owner's overview of today or this week. */
  | { name: 'overview'; range: 'today' | 'week' }
  | { name: 'not-found' }

export type NotificationsTab = 'rules' | 'proposals' | 'policies' | 'history'

export const paths = {
  day: (date: string) => `/day/${date}`,
  appointment: (date: string, uid: string) => `/day/${date}/appointment/${encodeURIComponent(uid)}`,
  attention: '/attention',
  pending: '/pending',
  settings: '/settings',
  team: '/team',
  syncHealth: '/sync-health',
  print: (date: string) => `/print/${date}`,
  notifications: (tab: NotificationsTab = 'rules') =>
    tab === 'rules' ? '/notifications' : `/notifications/${tab}`,
  appointmentByUid: (uid: string) => `/appointment/${encodeURIComponent(uid)}`,
  clients: '/clients',
  client: (id: number) => `/clients/${id}`,
  overview: (range: 'today' | 'week' = 'today') =>
    range === 'today' ? '/overview' : '/overview/week',
}

export function parseRoute(path: string): AppRoute {
  const parts = path.split('/').filter((p) => p !== '')
  if (parts.length === 0) return { name: 'today' }
  const [head, ...rest] = parts
  if (head === 'day' && rest[0] && isCalendarDate(rest[0])) {
    if (rest.length === 1) return { name: 'day', date: rest[0], appointmentUid: null }
    if (rest.length === 3 && rest[1] === 'appointment' && rest[2]) {
      let uid: string
      try {
        uid = decodeURIComponent(rest[2])
      } catch {
        return { name: 'not-found' }
      }
      return { name: 'day', date: rest[0], appointmentUid: uid }
    }
  }
  if (head === 'print' && rest.length === 1 && rest[0] && isCalendarDate(rest[0])) {
    return { name: 'print', date: rest[0] }
  }
  if (head === 'notifications' && rest.length <= 1) {
    const tab = rest[0] ?? 'rules'
    if (tab === 'rules' || tab === 'proposals' || tab === 'policies' || tab === 'history')
      return { name: 'notifications', tab }
  }
  if (head === 'appointment' && rest.length === 1 && rest[0]) {
    try {
      return { name: 'appointment', uid: decodeURIComponent(rest[0]) }
    } catch {
      return { name: 'not-found' }
    }
  }
  if (head === 'overview' && rest.length <= 1) {
    if (rest.length === 0) return { name: 'overview', range: 'today' }
    if (rest[0] === 'week') return { name: 'overview', range: 'week' }
  }
  if (head === 'clients') {
    if (rest.length === 0) return { name: 'clients' }
    if (rest.length === 1 && /^[1-9]\d{0,15}$/.test(rest[0]!)) {
      return { name: 'client', id: Number(rest[0]) }
    }
    return { name: 'not-found' }
  }
  if (
    rest.length === 0 &&
    (head === 'attention' ||
      head === 'pending' ||
      head === 'settings' ||
      head === 'team' ||
      head === 'sync-health')
  ) {
    return { name: head }
  }
  return { name: 'not-found' }
}
