// A minimal SSE reader for tests: real HTTP, frames parsed as the spec defines them.
export interface SseFrame {
  id?: string
  event?: string
  data?: string
  comment?: string
}

export async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController()
  const res = await fetch(url, { headers, signal: controller.signal })
  const frames: SseFrame[] = []
  const waiters: (() => void)[] = []
  let ended = false
  const done = (async () => {
    if (!res.body) return
    const decoder = new TextDecoder()
    let buf = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true })
        let at: number
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const raw = buf.slice(0, at)
          buf = buf.slice(at + 2)
          const f: SseFrame = {}
          for (const line of raw.split('\n')) {
            if (line.startsWith(':')) f.comment = line.slice(1).trim()
            else {
              const i = line.indexOf(':')
              const key = line.slice(0, i) as 'id' | 'event' | 'data'
              f[key] = line.slice(i + 1).replace(/^ /, '')
            }
          }
          frames.push(f)
          waiters.splice(0).forEach((w) => w())
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true
      waiters.splice(0).forEach((w) => w())
    }
  })()
  return {
    status: res.status,
    headers: res.headers,
    frames,
    get ended() {
      return ended
    },
    /** Waits until `predicate(frames)` holds (or the stream ends). */
    async until(predicate: (frames: SseFrame[]) => boolean): Promise<void> {
      while (!predicate(frames) && !ended) await new Promise<void>((r) => waiters.push(r))
    },
    close: async () => {
      controller.abort()
      await done
    },
  }
}
