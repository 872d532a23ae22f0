// The desk's live stream (`GET /api/live`, server-sent events) as a test reads it: every event
// with the time it arrived, until `close()`.
import type { LiveEvent } from '../../src/shared/api/schemas'

export interface LiveStream {
  events: Array<LiveEvent & { at: number }>
  close(): void
}

export function readLiveStream(res: Response): LiveStream {
  if (res.status !== 200) throw new Error(`the live stream answered ${res.status}`)
  const events: LiveStream['events'] = []
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  void (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let i
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          for (const line of buffer.slice(0, i).split('\n'))
            if (line.startsWith('data: '))
              events.push({ ...(JSON.parse(line.slice(6)) as LiveEvent), at: Date.now() })
          buffer = buffer.slice(i + 2)
        }
      }
    } catch {
      // cancelled by close()
    }
  })()
  return { events, close: () => void reader.cancel().catch(() => undefined) }
}
