// The branch's time zone as a person says it: "Toronto time", not "America/Toronto time". The
// IANA id's last segment is its city (or island, or area), with underscores for spaces, in the
// reader's language where it has its own name (zone-city-names.ts); the full id stays in a title
// for the owner of several branches. UTC is said as UTC, however the id spells it.
import { ENGLISH_CITIES, SPANISH_CITIES } from './zone-city-names'

/** Ids that are UTC itself, with no city: IANA's aliases of it. */
const UTC_IDS = new Set([
  'UTC',
  'UCT',
  'GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'Greenwich',
  'Universal',
  'Zulu',
])

/** "UTC" for UTC; "UTC-5" for Etc/GMT+5 (POSIX signs: GMT+5 is five hours behind); else null. */
export function utcName(timeZone: string): string | null {
  const id = timeZone.startsWith('Etc/') ? timeZone.slice(4) : timeZone
  if (UTC_IDS.has(id)) return 'UTC'
  const offset = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone)
  if (!offset) return null
  return `UTC${offset[1] === '+' ? '-' : '+'}${offset[2]}`
}

/**
 * "America/Argentina/Buenos_Aires" → "Buenos Aires"; "America/Mexico_City" → "Mexico City", in
 * Spanish "Ciudad de México". UTC and Etc/ offsets by utcName.
 */
export function zoneCity(timeZone: string, locale: string): string {
  const utc = utcName(timeZone)
  if (utc) return utc
  const names = locale.startsWith('es') ? SPANISH_CITIES : ENGLISH_CITIES
  const named = names[timeZone]
  if (named) return named
  const last = timeZone.slice(timeZone.lastIndexOf('/') + 1)
  return last ? last.replaceAll('_', ' ') : timeZone
}

/** The catalog's words for the zone: "Toronto time" / "Hora de Toronto", "UTC time" / "Hora UTC". */
export function zoneWords(
  timeZone: string,
  locale: string,
): { id: 'app.zone' | 'app.zone.utc'; values: { zone: string } } {
  const utc = utcName(timeZone)
  if (utc) return { id: 'app.zone.utc', values: { zone: utc } }
  return { id: 'app.zone', values: { zone: zoneCity(timeZone, locale) } }
}
