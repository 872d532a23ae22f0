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

/** The columns an entry is read with. */
const entryColumns = {
  id: apiLog.id,
  at: apiLog.at,
  method: apiLog.method,
  path: apiLog.path,
  status: apiLog.status,
  durationMs: apiLog.durationMs,
  error: apiLog.error,
}

export class ApiLog {
  #writes = 0
  // Every call to Cal.com writes a row, so the statements are prepared once.
  readonly #insert
  readonly #recent
  readonly #search
  readonly #cutoff
  readonly #trimBefore

  constructor(db: DeskDb) {
    this.#insert = db
      .insert(apiLog)
      .values({
        direction: 'out',
        method: sql.placeholder('method'),
        path: sql.placeholder('path'),
        status: sql.placeholder('status'),
        durationMs: sql.placeholder('durationMs'),
        error: sql.placeholder('error'),
      })
      .prepare()
    this.#recent = db
      .select(entryColumns)
      .from(apiLog)
      .orderBy(desc(apiLog.id))
      .limit(sql.placeholder('limit'))
      .prepare()
    // One statement for every filter: a filter not given is null and lets every row through.
    const result = sql.placeholder('result')
    const pattern = sql.placeholder('pattern')
    const contains = (column: SQL) => sql`${column} like ${pattern} escape '\\'`
    this.#search = db
      .select(entryColumns)
      .from(apiLog)
      .where(
        and(
          or(
            sql`${result} is null`,
            and(sql`${result} = 'ok'`, lt(apiLog.status, 400)),
            and(sql`${result} = 'failed'`, or(isNull(apiLog.status), gte(apiLog.status, 400))),
          ),
          or(
            sql`${pattern} is null`,
            contains(sql`${apiLog.method}`),
            contains(sql`${apiLog.path}`),
            contains(sql`cast(${apiLog.status} as text)`),
            contains(sql`${apiLog.error}`),
          ),
        ),
      )
      .orderBy(desc(apiLog.id))
      .limit(sql.placeholder('limit'))
      .prepare()
    this.#cutoff = db
      .select({ id: apiLog.id })
      .from(apiLog)
      .orderBy(desc(apiLog.id))
      .limit(1)
      .offset(KEEP_ROWS)
      .prepare()
    this.#trimBefore = db
      .delete(apiLog)
      .where(lt(apiLog.id, sql.placeholder('id')))
      .prepare()
  }

  record(entry: {
    method: string
    path: string
    status: number | null
    durationMs: number
    error: string | null
  }): void {
    this.#insert.run({
      method: entry.method,
      path: loggablePath(entry.path),
      status: entry.status,
      durationMs: Math.round(entry.durationMs),
      error: entry.error?.slice(0, 500) ?? null,
    })
    // The log is for recent history; trim it now and then rather than on every write.
    if (++this.#writes % 500 === 0) this.#trim()
  }

  /** Newest first. */
  recent(limit = 100): ApiLogEntry[] {
    return this.#recent.all({ limit })
  }

  /**
   * Newest first, narrowed for the sync health page: `ok` is an answer below 400, `failed` no
   * answer or 400 and above; `text` is looked for in the method, path, status and error.
   */
  search(filter: { result?: 'ok' | 'failed'; text?: string; limit?: number }): ApiLogEntry[] {
    return this.#search.all({
      result: filter.result ?? null,
      pattern: filter.text ? `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      limit: filter.limit ?? 100,
    })
  }

  #trim(): void {
    const cutoff = this.#cutoff.get()
    if (cutoff) this.#trimBefore.run({ id: cutoff.id })
  }
}
