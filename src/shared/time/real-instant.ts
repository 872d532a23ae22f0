// Whether a text is an RFC 3339 date-time that names an instant that exists. A pattern (or
// Date.parse, which rolls 2026-02-30 over to March 2) lets a month 13, a Feb 30 or a 24:00
// through; so does ajv-formats' "date-time" with a leap second (23:59:60), which JavaScript
// cannot read. The relay and the desk register this as their schemas' "date-time" format, so
// a time either of them accepts is one the other can compute with.

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/

/** True when `text` is a date-time whose date and time both exist (UTC or with an offset). */
export function isRealInstant(text: string): boolean {
  const m = RFC3339.exec(text)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (hour > 23 || minute > 59 || second > 59) return false
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false
  // The calendar date exists when building it does not roll over into the next month.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day) // Date.UTC would read years 0–99 as 1900–1999
  return (
    month >= 1 &&
    month <= 12 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  )
}
