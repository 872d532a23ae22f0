import { describe, expect, it } from 'vitest'
import { DeskEvents } from '../events/desk-events'
import { deskWatchState, trayWords, watchDesk, type DeskWatchState } from './desk-watch'

const queue = (pending = 0, inFlight = 0) => ({
  pending,
  in_flight: inFlight,
  needs_attention: 4,
  done: 9,
  discarded: 1,
})
const relay = (state: string) => ({
  configured: true,
  state,
  url: 'http://relay',
  channelId: 'ch',
  cursor: 0,
  lagMs: null,
  retryInMs: null,
})

describe('what the tray says', () => {
  it('says online, offline or not connected, and counts what waits to sync', () => {
    expect(
      deskWatchState({ connection: 'connected', relay: relay('online') }, queue(2, 1)),
    ).toEqual({ reach: 'online', waiting: 3 })
    expect(deskWatchState({ connection: 'connected', relay: relay('retrying') }, queue())).toEqual({
      reach: 'offline',
      waiting: 0,
    })
    expect(deskWatchState({ connection: 'disconnected', relay: relay('off') }, queue())).toEqual({
      reach: 'not-connected',
      waiting: 0,
    })
  })

  it('words it in the computer’s language', () => {
    const offline: DeskWatchState = { reach: 'offline', waiting: 2 }
    expect(trayWords(offline, 'en-US')).toMatchObject({
      tooltip: 'Frontdesk — Online bookings are not arriving · 2 changes waiting to sync',
      open: 'Open Frontdesk',
      quit: 'Quit Frontdesk',
    })
    expect(trayWords({ reach: 'online', waiting: 1 }, 'es-MX').status).toBe(
      'En línea · 1 cambio pendiente de sincronizar',
    )
  })

  it('is told again when sync or the queue moves', () => {
    const events = new DeskEvents()
    let reach = 'online'
    let pending = 0
    const seen: DeskWatchState[] = []
    const stop = watchDesk(
      {
        events,
        health: () => ({ connection: 'connected', relay: relay(reach) }),
        outboxCounts: () => queue(pending),
      },
      (s) => seen.push(s),
    )
    reach = 'retrying'
    events.emit('syncChanged', {})
    pending = 3
    events.emit('outboxChanged', {})
    stop()
    events.emit('syncChanged', {})
    expect(seen).toEqual([
      { reach: 'online', waiting: 0 },
      { reach: 'offline', waiting: 0 },
      { reach: 'offline', waiting: 3 },
    ])
  })
})
