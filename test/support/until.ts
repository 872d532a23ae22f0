// Waiting in tests for something another process or server does: re-checks `probe` until it
// gives a value other than undefined or false, and fails naming `what` after `ms` — with what
// `explain` then reports (say, the desk's sync health), so a failure shows the state it ended in.
// Where the subject announces its changes (a desk's bus), `wake` re-checks on each announcement
// rather than at the next tick; the tick stays for changes made elsewhere. The one copy for
// tests, benchmarks and e2e.

export interface UntilOptions {
  /** Gives up after this long (default 15 s). */
  ms?: number
  /** What to print beside the timeout: a string as is, anything else as JSON. */
  explain?: () => Promise<unknown> | unknown
  /** Subscribes a re-check to the subject's own change signal; returns the unsubscribe. */
  wake?: (recheck: () => void) => () => void
  /** Between re-checks when nothing wakes it (default 50 ms). */
  everyMs?: number
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  msOrOptions: number | UntilOptions = {},
  explain?: () => Promise<unknown>,
): Promise<T> {
  const opts = typeof msOrOptions === 'number' ? { ms: msOrOptions, explain } : msOrOptions
  const deadline = Date.now() + (opts.ms ?? 15_000)
  let recheck: () => void = () => undefined
  const unsubscribe = opts.wake?.(() => recheck())
  try {
    for (;;) {
      const v = await probe()
      if (v !== undefined && v !== false) return v
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${await told(opts)}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.everyMs ?? 50)
        recheck = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  } finally {
    unsubscribe?.()
  }
}

async function told(opts: UntilOptions): Promise<string> {
  if (!opts.explain) return ''
  const state = await Promise.resolve()
    .then(opts.explain)
    .catch((e: Error) => e.message)
  return `: ${typeof state === 'string' ? state : JSON.stringify(state)}`
}
