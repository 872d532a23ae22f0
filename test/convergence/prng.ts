// A small seeded random generator (mulberry32: 32-bit state, good enough spread for test
// scenarios) with the few draws the convergence test needs. Same seed, same sequence, on every
// machine: a failing seed replays the same scenario.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  int(min: number, maxInclusive: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as Array<[string, number]>
      const total = entries.reduce((n, [, w]) => n + w, 0)
      let r = next() * total
      for (const [k, w] of entries) {
        r -= w
        if (r < 0) return k as keyof typeof weights & string
      }
      return entries[entries.length - 1]![0] as keyof typeof weights & string
    },
  }
  return rng
}
