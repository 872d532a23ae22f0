// What the UI benchmark runs inside the page, installed before the app's own scripts. Measured
// from outside the renderer, so the app carries no benchmark code:
// - the day's API answer is the `responseEnd` of its resource-timing entry;
// - a live event is the moment the page's EventSource hands it over (a listener added before
//   the app's own);
// - "painted" is the first task after the next frame once the DOM shows what is awaited (a
//   MutationObserver, then requestAnimationFrame, then a MessageChannel message).
// Plain browser JavaScript: the page runs it as it is, and bench/ compiles against Node's types.
/* global window, document, location, requestAnimationFrame, MutationObserver */

const liveArrivals = []
const NativeEventSource = window.EventSource
window.EventSource = class extends NativeEventSource {
  constructor(url, init) {
    super(url, init)
    this.addEventListener('message', (e) => {
      liveArrivals.push({ at: performance.now(), data: String(e.data) })
    })
  }
}
performance.setResourceTimingBufferSize(100_000)

// Reads still on their way (the page's own fetches), so a change can be made on a settled day.
let readsInFlight = 0
const nativeFetch = window.fetch.bind(window)
window.fetch = (...args) => {
  readsInFlight++
  return nativeFetch(...args).finally(() => readsInFlight--)
}

/** Resolves with the time of the first task after the next frame is painted. */
const nextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )

/** Resolves with the time of the first paint after `shows()` holds; rejects after 30 s. */
const paintedWhen = (shows, what) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`${what} never showed`))
    }, 30_000)
    const observer = new MutationObserver(() => {
      if (!shows()) return
      observer.disconnect()
      clearTimeout(timer)
      void nextPaint().then(resolve)
    })
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })
  })

window.uiBench = {
  /**
   * Goes to `date`; resolves with the milliseconds from the end of its `/api/appointments`
   * answer to the first paint showing that day's board, not busy, with `cards` cards.
   */
  async paintDay({ date, cards }) {
    const shows = () => {
      const board = document.querySelector(`[data-testid="day-board"][data-date="${date}"]`)
      return (
        board !== null &&
        board.getAttribute('aria-busy') === 'false' &&
        board.querySelectorAll('[data-testid="appointment"]').length === cards
      )
    }
    const painted = paintedWhen(shows, `the board of ${date} with ${cards} cards`)
    location.hash = `#/day/${date}`
    const at = await painted
    const answers = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`/api/appointments?date=${date}`))
    const answer = answers[answers.length - 1]
    if (!answer) throw new Error(`no resource timing for the answer of ${date}`)
    return at - answer.responseEnd
  },

  /**
   * Resolves once no read is on its way and two frames have passed: the day is open and settled,
   * as it is when a change comes in while the receptionist works on it (not the moment after
   * going to it, which the paint runs time).
   */
  async settle() {
    for (;;) {
      await nextPaint()
      await nextPaint()
      if (readsInFlight === 0) return
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  },

  /**
   * Arms a watch for the card `uid` showing `text`; `cardUpdated()` then resolves with the
   * milliseconds from the live event naming `uid` to the first paint showing it.
   */
  armCardUpdate({ uid, text }) {
    const seenBefore = liveArrivals.length
    const shows = () =>
      document
        .querySelector(`[data-testid="appointment"][data-uid="${uid}"]`)
        ?.textContent?.includes(text) ?? false
    this.pending = paintedWhen(shows, `card ${uid} with "${text}"`).then((at) => {
      const event = liveArrivals.slice(seenBefore).find((e) => e.data.includes(`"${uid}"`))
      if (!event) throw new Error(`no live event named ${uid}`)
      return at - event.at
    })
  },

  cardUpdated() {
    return this.pending
  },
}
