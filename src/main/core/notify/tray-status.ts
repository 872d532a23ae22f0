// What the tray tells about the app while its window is closed (DESIGN.md §8, §9): for every
// branch it holds, whether online bookings arrive (the relay in reach, as the status strip says
// it), how many changes wait to sync and how many need attention. The worst branch is named in
// the tooltip and the menu's first line, and each branch has a line of its own in the menu, so a
// booking stuck at the branch not on screen is not silent. Read from the branch host's summaries
// and worded here, so the Electron tray only shows the words.
import type { BranchSummary } from '../../../shared/api/branches'

export type DeskReach = 'online' | 'offline' | 'not-connected'

export interface BranchTrayState {
  name: string
  reach: DeskReach
  /** Changes made here and not yet accepted by Cal.com. */
  waiting: number
  /** Changes Cal.com refused, waiting for a person. */
  attention: number
}

export function branchTrayState(s: BranchSummary): BranchTrayState {
  const reach = s.connection !== 'connected' ? 'not-connected' : s.offline ? 'offline' : 'online'
  return { name: s.name, reach, waiting: s.waiting, attention: s.attention }
}

/**
 * How bad a branch's state is, worst first: a person must act (attention), then nothing comes
 * from Cal.com at all (not connected), then online bookings stop arriving, then changes wait.
 */
function severity(b: BranchTrayState): number {
  if (b.attention > 0) return 4
  if (b.reach === 'not-connected') return 3
  if (b.reach === 'offline') return 2
  return b.waiting > 0 ? 1 : 0
}

const WORDS = {
  en: {
    online: 'Online',
    offline: 'Online bookings are not arriving',
    'not-connected': 'Not connected to Cal.com',
    waiting: (n: number) => (n === 1 ? '1 change waiting to sync' : `${n} changes waiting to sync`),
    attention: (n: number) => (n === 1 ? '1 needs attention' : `${n} need attention`),
    allOnline: 'Every branch online',
    more: (n: number) => (n === 1 ? '1 more branch to see' : `${n} more branches to see`),
    open: 'Open Frontdesk',
    quit: 'Quit Frontdesk',
  },
  es: {
    online: 'En línea',
    offline: 'Las reservas por internet no llegan',
    'not-connected': 'Sin conectar a Cal.com',
    waiting: (n: number) =>
      n === 1 ? '1 cambio pendiente de sincronizar' : `${n} cambios pendientes de sincronizar`,
    attention: (n: number) => (n === 1 ? '1 requiere atención' : `${n} requieren atención`),
    allOnline: 'Todas las sucursales en línea',
    more: (n: number) => (n === 1 ? '1 sucursal más que ver' : `${n} sucursales más que ver`),
    open: 'Abrir Frontdesk',
    quit: 'Salir de Frontdesk',
  },
} as const

export interface TrayWords {
  tooltip: string
  /** The menu's first line: the app's state, naming the worst branch. */
  status: string
  /** One line per branch when the app holds several; none for one branch. */
  branches: string[]
  open: string
  quit: string
}

/** The tray's words in the computer's language (Spanish for `es…`, else English). */
export function trayWords(branches: readonly BranchTrayState[], locale: string): TrayWords {
  const w = locale.toLowerCase().startsWith('es') ? WORDS.es : WORDS.en
  const said = (b: BranchTrayState) =>
    [
      w[b.reach],
      ...(b.attention > 0 ? [w.attention(b.attention)] : []),
      ...(b.waiting > 0 ? [w.waiting(b.waiting)] : []),
    ].join(' · ')
  let status: string
  if (branches.length === 1) status = said(branches[0]!)
  else {
    // The first of the worst, in the app's order: one branch named, the others counted.
    const troubled = branches.filter((b) => severity(b) > 0)
    const worst = troubled.reduce<BranchTrayState | undefined>(
      (a, b) => (a && severity(a) >= severity(b) ? a : b),
      undefined,
    )
    status = worst ? `${worst.name}: ${said(worst)}` : w.allOnline
    if (troubled.length > 1) status += ` · ${w.more(troubled.length - 1)}`
  }
  return {
    tooltip: `Frontdesk — ${status}`,
    status,
    branches: branches.length > 1 ? branches.map((b) => `${b.name}: ${said(b)}`) : [],
    open: w.open,
    quit: w.quit,
  }
}

/** Calls `listener` now and whenever what the app shows of a branch moved; returns how to stop. */
export function watchBranches(
  host: { summaries(): BranchSummary[]; watch(listener: () => void): () => void },
  listener: (branches: BranchTrayState[]) => void,
): () => void {
  const tell = () => listener(host.summaries().map(branchTrayState))
  const stop = host.watch(tell)
  tell()
  return stop
}
