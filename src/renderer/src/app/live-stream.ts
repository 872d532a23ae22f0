// The live stream (GET /api/live, SSE). The browser's EventSource retries by itself after a
// network drop, but gives up for good when the server answers with an error (for instance while
// the desk restarts); then we open a new one, backing off. After any reconnect the caller
// refetches, because changes made while the stream was down were never announced.
import type { Appointment, LiveEvent } from '../../../shared/api/schemas'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

export interface LiveHandlers {
  onEvent(event: LiveEvent): void
  /** The stream came back after being down: refetch what is on screen. */
  onReconnect(): void
  onStatus(status: LiveStatus): void
}

/** The part of EventSource we use, so tests can drive it. */
export interface EventSourceLike {
  readonly readyState: number
  onopen: ((this: never, ev: Event) => unknown) | null
  onmessage: ((this: never, ev: MessageEvent) => unknown) | null
  onerror: ((this: never, ev: Event) => unknown) | null
  close(): void
}

export interface LiveDeps {
  createSource(url: string): EventSourceLike
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const CLOSED = 2
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 30_000

const browserDeps: LiveDeps = {
  createSource: (url) => new EventSource(url) as unknown as EventSourceLike,
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
}

/** Subscribes; returns the function that unsubscribes. */
export function subscribeLive(
  url: string,
  handlers: LiveHandlers,
  deps: LiveDeps = browserDeps,
): () => void {
  let source: EventSourceLike | null = null
  let retryTimer: unknown = null
  let retryMs = FIRST_RETRY_MS
  let everOpened = false
  let wasDown = false
  let stopped = false

  const open = () => {
    retryTimer = null
    const current = deps.createSource(url)
    source = current
    current.onopen = () => {
      retryMs = FIRST_RETRY_MS
      handlers.onStatus('live')
      // Also after a failed first attempt: the page's first fetches may have failed the same way.
      if (wasDown) handlers.onReconnect()
      everOpened = true
      wasDown = false
    }
    current.onmessage = (message) => {
      const event = parseLiveEvent(message.data)
      if (event) handlers.onEvent(event)
    }
    current.onerror = () => {
      if (stopped) return
      wasDown = true
      handlers.onStatus(everOpened ? 'reconnecting' : 'connecting')
      if (current.readyState === CLOSED) {
        current.close()
        retryTimer = deps.setTimeout(open, retryMs)
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
      }
    }
  }

  handlers.onStatus('connecting')
  open()
  return () => {
    stopped = true
    if (retryTimer !== null) deps.clearTimeout(retryTimer)
    source?.close()
  }
}

/** A `data:` line of the stream, or null when it is not one we understand (ignored, not fatal). */
export function parseLiveEvent(data: unknown): LiveEvent | null {
  if (typeof data !== 'string') return null
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const candidate = value as Record<string, unknown>
  switch (candidate.type) {
    case 'appointments':
      if (!isStringArray(candidate.uids) || !isStringArray(candidate.dates)) return null
      return {
        type: 'appointments',
        uids: candidate.uids,
        dates: candidate.dates,
        // Rows the desk sent along; without them (or with a malformed one) they are read back.
        ...(isRowArray(candidate.appointments)
          ? { appointments: candidate.appointments as Appointment[] }
          : {}),
      }
    case 'clients':
      return Array.isArray(candidate.ids) &&
        candidate.ids.every((id) => Number.isInteger(id)) &&
        typeof candidate.all === 'boolean'
        ? { type: 'clients', ids: candidate.ids as number[], all: candidate.all }
        : null
    case 'branch':
    case 'sync':
    case 'outbox':
    case 'people':
    case 'notifications':
    case 'branches':
      return { type: candidate.type }
    default:
      return null
  }
}

function isRowArray(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (row) =>
        typeof row === 'object' &&
        row !== null &&
        typeof (row as { uid?: unknown }).uid === 'string' &&
        typeof (row as { start?: unknown }).start === 'string',
    )
  )
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}
