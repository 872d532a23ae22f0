import { describe, expect, it } from 'vitest'
import { parseLiveEvent, subscribeLive, type EventSourceLike, type LiveDeps } from './live-stream'

class FakeSource implements EventSourceLike {
  readyState = 0
  closed = false
  onopen: EventSourceLike['onopen'] = null
  onmessage: EventSourceLike['onmessage'] = null
  onerror: EventSourceLike['onerror'] = null
  constructor(readonly url: string) {}
  close() {
    this.closed = true
    this.readyState = 2
  }
  open() {
    this.readyState = 1
    this.onopen?.call(undefined as never, new Event('open'))
  }
  send(data: string) {
    this.onmessage?.call(undefined as never, new MessageEvent('message', { data }))
  }
  /** A network drop: the browser itself will retry. */
  drop() {
    this.readyState = 0
    this.onerror?.call(undefined as never, new Event('error'))
  }
  /** The server refused: the browser gives up on this source. */
  refuse() {
    this.readyState = 2
    this.onerror?.call(undefined as never, new Event('error'))
  }
}

function harness() {
  const sources: FakeSource[] = []
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = []
  const deps: LiveDeps = {
    createSource: (url) => {
      const source = new FakeSource(url)
      sources.push(source)
      return source
    },
    setTimeout: (fn, ms) => {
      const timer = { fn, ms, cleared: false }
      timers.push(timer)
      return timer
    },
    clearTimeout: (handle) => void ((handle as { cleared: boolean }).cleared = true),
  }
  const log: string[] = []
  const stop = subscribeLive(
    'http://127.0.0.1:1/api/live?token=t',
    {
      onEvent: (e) => log.push(`event:${JSON.stringify(e)}`),
      onReconnect: () => log.push('reconnect'),
      onStatus: (s) => log.push(`status:${s}`),
    },
    deps,
  )
  return { sources, timers, log, stop }
}

describe('subscribeLive', () => {
  it('passes appointment events on and does not refetch on the first open', () => {
    const { sources, log } = harness()
    sources[0]!.open()
    sources[0]!.send('{"type":"appointments","uids":["u1"],"dates":["2026-03-29"]}')
    expect(log).toEqual([
      'status:connecting',
      'status:live',
      'event:{"type":"appointments","uids":["u1"],"dates":["2026-03-29"]}',
    ])
  })

  it('asks for a refetch when the browser reconnects by itself after a drop', () => {
    const { sources, log } = harness()
    sources[0]!.open()
    sources[0]!.drop()
    sources[0]!.open()
    expect(log).toEqual([
      'status:connecting',
      'status:live',
      'status:reconnecting',
      'status:live',
      'reconnect',
    ])
    expect(sources).toHaveLength(1)
  })

  it('opens a new stream, backing off, when the server refused the old one, then refetches', () => {
    const { sources, timers, log } = harness()
    sources[0]!.open()
    sources[0]!.refuse()
    expect(timers.map((t) => t.ms)).toEqual([1000])
    timers[0]!.fn()
    sources[1]!.refuse()
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000])
    timers[1]!.fn()
    sources[2]!.open()
    expect(sources[0]!.closed && sources[1]!.closed).toBe(true)
    expect(log.at(-1)).toBe('reconnect')
    expect(sources[2]!.url).toBe('http://127.0.0.1:1/api/live?token=t')
  })

  it('refetches when the stream comes up after the desk was unreachable at first', () => {
    const { sources, timers, log } = harness()
    sources[0]!.refuse()
    timers[0]!.fn()
    sources[1]!.open()
    expect(log).toEqual(['status:connecting', 'status:connecting', 'status:live', 'reconnect'])
  })

  it('stops cleanly: closes the stream and cancels a pending retry', () => {
    const { sources, timers, stop } = harness()
    sources[0]!.refuse()
    stop()
    expect(timers[0]!.cleared).toBe(true)
    expect(sources[0]!.closed).toBe(true)
  })
})

describe('parseLiveEvent', () => {
  it('ignores what it does not understand instead of failing', () => {
    expect(parseLiveEvent('not json')).toBeNull()
    expect(parseLiveEvent('{"type":"weather"}')).toBeNull()
    expect(parseLiveEvent('{"type":"appointments","uids":"u1","dates":[]}')).toBeNull()
    expect(parseLiveEvent('{"type":"branch"}')).toEqual({ type: 'branch' })
  })

  it('passes on the rows a change of bookings carries, and drops malformed ones (they are read back)', () => {
    const row = { uid: 'u1', start: '2026-03-29T09:00:00Z', status: 'SCHEDULED' }
    expect(
      parseLiveEvent(
        JSON.stringify({
          type: 'appointments',
          uids: ['u1'],
          dates: ['2026-03-29'],
          appointments: [row],
        }),
      ),
    ).toEqual({ type: 'appointments', uids: ['u1'], dates: ['2026-03-29'], appointments: [row] })
    expect(
      parseLiveEvent(
        JSON.stringify({
          type: 'appointments',
          uids: ['u1'],
          dates: [],
          appointments: [{ id: 1 }],
        }),
      ),
    ).toEqual({ type: 'appointments', uids: ['u1'], dates: [] })
  })

  it('passes on a change of who is signed in, so the session is read again at once', () => {
    expect(parseLiveEvent('{"type":"people"}')).toEqual({ type: 'people' })
  })

  it('passes on which clients changed, and ignores a malformed list', () => {
    expect(parseLiveEvent('{"type":"clients","ids":[2,5],"all":false}')).toEqual({
      type: 'clients',
      ids: [2, 5],
      all: false,
    })
    expect(parseLiveEvent('{"type":"clients","ids":[],"all":true}')).toEqual({
      type: 'clients',
      ids: [],
      all: true,
    })
    expect(parseLiveEvent('{"type":"clients","ids":["2"],"all":false}')).toBeNull()
  })

  it('passes on that desktop notifications wait to be shown', () => {
    expect(parseLiveEvent('{"type":"notifications"}')).toEqual({ type: 'notifications' })
  })

  it("passes on news of the app's branches (another branch's marks moved)", () => {
    expect(parseLiveEvent('{"type":"branches"}')).toEqual({ type: 'branches' })
  })
})
