// Names for seeded staff and clients. Deterministic: the demo looks the same on every start.
export const CLIENT_FIRST = [
  'Olivia',
  'Ethan',
  'Chloé',
  'Mateo',
  'Amara',
  'Lucas',
  'Hannah',
  'Yusuf',
  'Priya',
  'Felix',
  'Zoe',
  'Oskar',
  'Isabela',
  'Kenji',
  'Nadia',
  'Tomás',
  'Grace',
  'Elif',
  'Marcus',
  'Aisha',
  'Jakob',
  'Léa',
]
export const CLIENT_LAST = [
  'Nguyen',
  'Okafor',
  'Dubois',
  'García',
  'Kowalski',
  'Silva',
  'Brown',
  'Yılmaz',
  'Sharma',
  'Berg',
  'Rossi',
  'Tanaka',
  'Haddad',
  'Novak',
  'Murphy',
  'Schmidt',
  'Costa',
  'Lindqvist',
]

/** A small deterministic PRNG (mulberry32), so seeds are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function clientName(rand: () => number): { name: string; email: string } {
  const first = CLIENT_FIRST[Math.floor(rand() * CLIENT_FIRST.length)] ?? 'Alex'
  const last = CLIENT_LAST[Math.floor(rand() * CLIENT_LAST.length)] ?? 'Smith'
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase()
  return {
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}${Math.floor(rand() * 90 + 10)}@example.com`,
  }
}
