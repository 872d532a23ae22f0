// What the tray says of the app's branches: one branch as it always was, several with the worst
// named first and a line each, in the computer's language.
import { describe, expect, it } from 'vitest'
import type { BranchSummary } from '../../../shared/api/branches'
import { branchTrayState, trayWords, type BranchTrayState } from './tray-status'

const summary = (over: Partial<BranchSummary>): BranchSummary => ({
  key: 'main',
  name: 'Toronto',
  primary: true,
  connection: 'connected',
  offline: false,
  waiting: 0,
  attention: 0,
  lastSyncAt: null,
  ...over,
})
const branch = (name: string, over: Partial<BranchTrayState> = {}): BranchTrayState => ({
  name,
  reach: 'online',
  waiting: 0,
  attention: 0,
  ...over,
})

describe("a branch's state in the tray", () => {
  it('is online, offline or not connected, with what waits and what needs attention', () => {
    expect(branchTrayState(summary({ waiting: 2, attention: 1 }))).toEqual({
      name: 'Toronto',
      reach: 'online',
      waiting: 2,
      attention: 1,
    })
    expect(branchTrayState(summary({ offline: true })).reach).toBe('offline')
    expect(branchTrayState(summary({ connection: 'disconnected' })).reach).toBe('not-connected')
    expect(branchTrayState(summary({ connection: 'reconnect_needed' })).reach).toBe('not-connected')
  })
})

describe('what the tray says', () => {
  it('of one branch: its state, without naming it, and no line per branch', () => {
    const words = trayWords([branch('Toronto', { reach: 'offline', waiting: 2 })], 'en-US')
    expect(words).toEqual({
      tooltip: 'Frontdesk — Online bookings are not arriving · 2 changes waiting to sync',
      status: 'Online bookings are not arriving · 2 changes waiting to sync',
      branches: [],
      open: 'Open Frontdesk',
      quit: 'Quit Frontdesk',
    })
    expect(trayWords([branch('Toronto', { attention: 1 })], 'en').status).toBe(
      'Online · 1 needs attention',
    )
  })

  it('of several: the worst branch named first, the others counted, and a line for each', () => {
    const words = trayWords(
      [
        branch('Toronto', { waiting: 3 }),
        branch('Berlin', { reach: 'offline' }),
        branch('Madrid', { attention: 2 }),
      ],
      'en',
    )
    expect(words.tooltip).toBe(
      'Frontdesk — Madrid: Online · 2 need attention · 2 more branches to see',
    )
    expect(words.branches).toEqual([
      'Toronto: Online · 3 changes waiting to sync',
      'Berlin: Online bookings are not arriving',
      'Madrid: Online · 2 need attention',
    ])
  })

  it('puts a branch out of reach above changes waiting elsewhere, and says when all is well', () => {
    expect(
      trayWords([branch('Toronto', { waiting: 5 }), branch('Berlin', { reach: 'offline' })], 'en')
        .status,
    ).toBe('Berlin: Online bookings are not arriving · 1 more branch to see')
    expect(
      trayWords([branch('Toronto'), branch('Berlin', { reach: 'not-connected' })], 'en').status,
    ).toBe('Berlin: Not connected to Cal.com')
    expect(trayWords([branch('Toronto'), branch('Berlin')], 'en').tooltip).toBe(
      'Frontdesk — Every branch online',
    )
  })

  it('in Spanish on a Spanish computer', () => {
    const words = trayWords(
      [branch('Toronto'), branch('Berlín', { attention: 1, waiting: 1 })],
      'es-MX',
    )
    expect(words.status).toBe(
      'Berlín: En línea · 1 requiere atención · 1 cambio pendiente de sincronizar',
    )
    expect(trayWords([branch('Toronto'), branch('Berlín')], 'es').status).toBe(
      'Todas las sucursales en línea',
    )
    expect(words.open).toBe('Abrir Frontdesk')
  })
})
