// What the tray tells about a desk that keeps watch with its window closed (DESIGN.md §8): online
// or whether online bookings stop arriving (the relay out of reach, as the status strip says it),
// and how many changes wait to sync. The state is read from the core and words are
// pure, so the Electron tray only shows them; a change of sync, queue or branch re-reads it.
import type { DeskEvents } from '../events/desk-events'
import type { OutboxState } from '../../../shared/domain/appointment-status'
import type { SyncHealth } from '../../../shared/api/schemas'

export type DeskReach = 'online' | 'offline' | 'not-connected'

export interface DeskWatchState {
  reach: DeskReach
  /** Changes made here and not yet accepted by Cal.com. */
  waiting: number
}

export function deskWatchState(
  sync: Pick<SyncHealth, 'connection' | 'relay'>,
  outbox: Record<OutboxState, number>,
): DeskWatchState {
  const waiting = outbox.pending + outbox.in_flight
  if (sync.connection !== 'connected') return { reach: 'not-connected', waiting }
  if (sync.relay.configured && sync.relay.state !== 'online') return { reach: 'offline', waiting }
  return { reach: 'online', waiting }
}

const WORDS = {
  en: {
    online: 'Online',
    offline: 'Online bookings are not arriving',
    'not-connected': 'Not connected to Cal.com',
    waiting: (n: number) => (n === 1 ? '1 change waiting to sync' : `${n} changes waiting to sync`),
    open: 'Open Frontdesk',
    quit: 'Quit Frontdesk',
  },
  es: {
    online: 'En línea',
    offline: 'Las reservas por internet no llegan',
    'not-connected': 'Sin conectar a Cal.com',
    waiting: (n: number) =>
      n === 1 ? '1 cambio pendiente de sincronizar' : `${n} cambios pendientes de sincronizar`,
    open: 'Abrir Frontdesk',
    quit: 'Salir de Frontdesk',
  },
} as const

export interface TrayWords {
  tooltip: string
  status: string
  open: string
  quit: string
}

/** The tray's words in the computer's language (Spanish for `es…`, else English). */
export function trayWords(state: DeskWatchState, locale: string): TrayWords {
  const w = locale.toLowerCase().startsWith('es') ? WORDS.es : WORDS.en
  const status =
    state.waiting > 0 ? `${w[state.reach]} · ${w.waiting(state.waiting)}` : w[state.reach]
  return { tooltip: `Frontdesk — ${status}`, status, open: w.open, quit: w.quit }
}

/** Calls `listener` now and after every change that can move the state; returns how to stop. */
export function watchDesk(
  deps: {
    events: DeskEvents
    health(): Pick<SyncHealth, 'connection' | 'relay'>
    outboxCounts(): Record<OutboxState, number>
  },
  listener: (state: DeskWatchState) => void,
): () => void {
  const tell = () => listener(deskWatchState(deps.health(), deps.outboxCounts()))
  const offs = [
    deps.events.on('syncChanged', tell),
    deps.events.on('outboxChanged', tell),
    deps.events.on('branchChanged', tell),
  ]
  tell()
  return () => offs.forEach((off) => off())
}
