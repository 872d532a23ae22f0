// "Once the frame showing this change is on screen": the moment to start work that is not the
// change itself. Starting a read costs the page's one thread a few milliseconds (a trace of a live
// change on a 300-card day: 3–5 ms of fetch set-up before the card could be drawn).

/** A window that draws no frames (hidden, minimised) gets no animation frame: it waits this long. */
const UNDRAWN_WAIT_MS = 100

/** The browser's, where there is one (the cache's tests run under Node, which has none). */
const frames = (
  globalThis as { requestAnimationFrame?: (run: () => void) => number }
).requestAnimationFrame?.bind(globalThis)

/**
 * Resolves in the first task after the frame that shows what was just put in the query cache,
 * or after a short wait when no frame is drawn. The cache tells the screen in a task of its own
 * (TanStack Query's notifications go out on a zero timeout, and React draws in that task), so the
 * frame to wait for is the one after that task: a frame already due before it would show nothing.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (!frames) {
      setTimeout(resolve, 0)
      return
    }
    const undrawn = setTimeout(resolve, UNDRAWN_WAIT_MS)
    setTimeout(() =>
      frames(() =>
        setTimeout(() => {
          clearTimeout(undrawn)
          resolve()
        }, 0),
      ),
    )
  })
}
