// The client list and search (paged, most recent booking first), and the clients of a day's
// appointments with their alerts (every card of the day grid shows them).
import type { ClientPage, DayClients } from '../../../shared/api/clients'
import { toSummary } from './client-card'
import { ftsQuery } from './client-search-query'
import type { ClientStore } from './client-store'

export function listClients(
  store: ClientStore,
  branchId: number,
  q: string,
  page: number,
  pageSize: number,
): ClientPage {
  const match = ftsQuery(q)
  const offset = (page - 1) * pageSize
  // One row beyond the page says whether another page exists, without counting them all.
  const rows = match
    ? store.search(branchId, match, pageSize + 1, offset)
    : store.list(branchId, pageSize + 1, offset)
  return {
    clients: rows.slice(0, pageSize).map((c) =>
      toSummary(
        c,
        store
          .notesOf(c.id)
          .filter((n) => n.kind === 'alert')
          .map((n) => n.text),
      ),
    ),
    page,
    hasMore: rows.length > pageSize,
  }
}

export function dayClients(
  store: ClientStore,
  branchId: number,
  range: { startsAt: number; endsAt: number },
): DayClients {
  const byUid = new Map<string, DayClients['appointments'][number]>()
  for (const row of store.dayAlerts(branchId, range.startsAt, range.endsAt)) {
    let entry = byUid.get(row.uid)
    if (!entry) byUid.set(row.uid, (entry = { uid: row.uid, clientId: row.clientId, alerts: [] }))
    if (row.alert !== null && !entry.alerts.includes(row.alert)) entry.alerts.push(row.alert)
  }
  return { appointments: [...byUid.values()] }
}
