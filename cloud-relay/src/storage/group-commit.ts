// Group commit: intakes that arrive while a commit is in progress wait and are written together
// in the next transaction. Each caller is answered only after the transaction holding its item
// committed, so durability per delivery is unchanged while one fsync serves many deliveries.

export class GroupCommit<I, R> {
  private pending: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = []
  private running: Promise<void> | undefined

  private readonly maxItems: number
  private readonly maxBytes: number
  private readonly bytesOf: (item: I) => number

  constructor(
    private readonly flush: (items: I[]) => Promise<R[]>,
    limits: {
      maxItems?: number
      /** A batch stays under this many bytes (by bytesOf), unless one item alone is larger. */
      maxBytes?: number
      bytesOf?: (item: I) => number
    } = {},
  ) {
    this.maxItems = limits.maxItems ?? 512
    this.maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY
    this.bytesOf = limits.bytesOf ?? (() => 0)
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject })
      // Wait one turn of the event loop so requests parsed in the same turn share a commit.
      if (!this.running) this.running = new Promise((r) => setImmediate(r)).then(() => this.drain())
    })
  }

  /** Resolves once everything submitted so far has been committed (or failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.batchLength())
        try {
          const results = await this.flush(batch.map((b) => b.item))
          batch.forEach((b, i) => b.resolve(results[i] as R))
        } catch (err) {
          for (const b of batch) b.reject(err)
        }
      }
    } finally {
      this.running = undefined
    }
  }

  /** How many of the pending items the next batch takes: at least one, within both limits. */
  private batchLength(): number {
    let bytes = 0
    let n = 0
    for (const p of this.pending) {
      if (n === this.maxItems) break
      bytes += this.bytesOf(p.item)
      if (n > 0 && bytes > this.maxBytes) break
      n += 1
    }
    return n
  }
}
