// Waiting in tests for something another process or server does: polls `probe` every 50 ms until
// it gives a value other than undefined or false, and fails naming `what` after `ms` — with what
// `explain` then reports (say, the desk's sync health), so a failure shows the state it ended in.
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 15_000,
  explain?: () => Promise<unknown>,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v !== undefined && v !== false) return v
    if (Date.now() > deadline) {
      const state = explain
        ? `: ${JSON.stringify(await explain().catch((e: Error) => e.message))}`
        : ''
      throw new Error(`Timed out waiting for ${what}${state}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}
