// When a staff column may skip rendering: a live change to one appointment lays out the whole day
// again (cheap: under a millisecond), but only the column holding that card need render. Its cards
// are compared by the identity of their appointment rows (a patched day keeps every other row's),
// their places, and their client alerts by content (the day's clients are read again after every
// change; the same alerts come back as new arrays).
import type { CardPlace } from './day-layout'

export interface ColumnProps {
  cards: readonly CardPlace[]
  /** The alerts of each card's client, by appointment uid. */
  alerts: ReadonlyMap<string, readonly string[]>
  /** Everything else the column draws, compared as it is (numbers, strings). */
  plain: readonly unknown[]
}

const NONE: readonly string[] = []
const alertsOf = (alerts: ReadonlyMap<string, readonly string[]>, uid: string) =>
  alerts.get(uid) ?? NONE

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

const samePlace = (a: CardPlace, b: CardPlace) =>
  a.appointment === b.appointment &&
  a.top === b.top &&
  a.height === b.height &&
  a.lane === b.lane &&
  a.lanes === b.lanes &&
  a.compact === b.compact

export function sameColumn(a: ColumnProps, b: ColumnProps): boolean {
  if (!sameList(a.plain, b.plain) || a.cards.length !== b.cards.length) return false
  for (let i = 0; i < a.cards.length; i++) {
    const card = a.cards[i]!
    if (!samePlace(card, b.cards[i]!)) return false
    const uid = card.appointment.uid
    if (a.alerts !== b.alerts && !sameList(alertsOf(a.alerts, uid), alertsOf(b.alerts, uid)))
      return false
  }
  return true
}
