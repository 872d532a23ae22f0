// The `api_log` table: one row per call to Cal.com, for the operator and sync health. It holds
// the method, the path, the status, the duration and a short error — never a token, and no
// personal data beyond ids: query values other than ids, dates and paging are blanked.
import { and, desc, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
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

  /**
   * Newest first, narrowed for the sync health page: `ok` is an answer below 400, `failed` no
   * answer or 400 and above; `text` is looked for in the method, path, status and error.
   */
  search(filter: { result?: 'ok' | 'failed'; text?: string; limit?: number }): ApiLogEntry[] {
    const where: SQL[] = []
    if (filter.result === 'ok') where.push(lt(apiLog.status, 400))
    if (filter.result === 'failed') where.push(or(isNull(apiLog.status), gte(apiLog.status, 400))!)
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const contains = (column: SQL) => sql`${column} like ${pattern} escape '\\'`
      where.push(
        or(
          contains(sql`${apiLog.method}`),
          contains(sql`${apiLog.path}`),
          contains(sql`cast(${apiLog.status} as text)`),
          contains(sql`${apiLog.error}`),
        )!,
      )
    }
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
      .where(and(...where))
      .orderBy(desc(apiLog.id))
      .limit(filter.limit ?? 100)
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
