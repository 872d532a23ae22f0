// Which rows of a card fit its height. A card cuts what does not fit at its bottom, so its rows
// come most important first — time and client, the client's alert (an allergy must never be the
// row that is cut), the marks, then the service, notes and reason — and a row that would only
// half show is not drawn at all (it stays for screen readers, and is whole in the drawer).
// The sizes follow styles.css: 0.85rem text at line-height 1.25, 0.1rem gaps, the card's padding
// and borders. A narrow card (side by side with others, .appointment--narrow) gives its client's
// name a line of its own and the time the next, so its first line is two rows tall.

export type CardRow = 'alert' | 'marks' | 'service' | 'notes' | 'reason'

/** The order rows are given room in, and shown in. */
export const CARD_ROW_ORDER: readonly CardRow[] = ['alert', 'marks', 'service', 'notes', 'reason']

const ROW_PX = 17
const GAP_PX = 1.6
/** Padding (0.2rem top and bottom) and the 1px borders. */
const CHROME_PX = 8.4

/**
 * The rows among `present` that fit whole in a card `height` px tall, below its first line: time
 * and client on one row, or on two when the card is `narrow` (client, then time).
 */
export function rowsThatFit(
  height: number,
  present: ReadonlySet<CardRow>,
  narrow = false,
): Set<CardRow> {
  const fits = new Set<CardRow>()
  let used = CHROME_PX + (narrow ? 2 : 1) * ROW_PX
  for (const row of CARD_ROW_ORDER) {
    if (!present.has(row)) continue
    used += GAP_PX + ROW_PX
    if (used > height) break
    fits.add(row)
  }
  return fits
}
