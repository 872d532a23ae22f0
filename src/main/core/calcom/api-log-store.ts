// The `api_log` table: one row per call to Cal.com, for the operator and sync health. It holds
// the method, the path, the status, the duration and a short error — never a token, and no
// personal data beyond ids: query values other than ids, dates and paging are blanked.
import { desc, lt } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { apiLog } from '../db/schema'

/** Query parameters whose values are ids, instants or paging, never a person or a secret. */
const SAFE_QUERY_KEYS = new Set([
  'take',
  'skip',
  'limit',
  'cursor',
  'status',
  'eventTypeId',
  'eventTypeIds',
  'eventTypeSlug',
  'teamId',
  'teamsIds',
  'bookingUid',
  'start',
  'end',
  'afterStart',
  'beforeEnd',
  'afterCreatedAt',
  'beforeCreatedAt',
  'afterUpdatedAt',
  'beforeUpdatedAt',
  'sortStart',
  'sortEnd',
  'sortCreated',
  'sortUpdatedAt',
  'sortCreatedAt',
  'timeZone',
  'format',
  'duration',
])

/** The path as logged: query values that are not known to be harmless become `_`. */
export function loggablePath(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?')
  if (q === -1) return pathWithQuery
  const params = new URLSearchParams(pathWithQuery.slice(q + 1))
  const kept = [...params].map(([k, v]) => `${k}=${SAFE_QUERY_KEYS.has(k) ? v : '_'}`)
  return `${pathWithQuery.slice(0, q)}?${kept.join('&')}`
}

export interface ApiLogEntry {
  id: number
  at: number
  method: string
  path: string
  status: number | null
  durationMs: number | null
  error: string | null
}

const KEEP_ROWS = 5000

export class ApiLog {
  #writes = 0

  constructor(private readonly db: DeskDb) {}

  record(entry: {
    method: string
    path: string
    status: number | null
    durationMs: number
    error: string | null
  }): void {
    this.db
      .insert(apiLog)
      .values({
        direction: 'out',
        method: entry.method,
        path: loggablePath(entry.path),
        status: entry.status,
        durationMs: Math.round(entry.durationMs),
        error: entry.error?.slice(0, 500) ?? null,
      })
      .run()
    // The log is for recent history; trim it now and then rather than on every write.
    if (++this.#writes % 500 === 0) this.#trim()
  }

  /** Newest first. */
  recent(limit = 100): ApiLogEntry[] {
    return this.db
      .select({
        id: apiLog.id,
        at: apiLog.at,
        method: apiLog.method,
        path: apiLog.path,
        status: apiLog.status,
        durationMs: apiLog.durationMs,
        error: apiLog.error,
      })
      .from(apiLog)
      .orderBy(desc(apiLog.id))
      .limit(limit)
      .all()
  }

  #trim(): void {
    const cutoff = this.db
      .select({ id: apiLog.id })
      .from(apiLog)
      .orderBy(desc(apiLog.id))
      .limit(1)
      .offset(KEEP_ROWS)
      .get()
    if (cutoff) this.db.delete(apiLog).where(lt(apiLog.id, cutoff.id)).run()
  }
}
