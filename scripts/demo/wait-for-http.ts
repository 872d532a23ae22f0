// Waiting for a part of the demo to answer over HTTP.

/** Polls `url` until it answers 200, or gives up after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && isAlive()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(isAlive() ? `${url} did not answer within ${timeoutMs / 1000} s` : 'it exited')
}
