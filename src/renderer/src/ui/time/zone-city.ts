// The branch's time zone as a person says it: "Toronto time", not "America/Toronto time". The
// IANA id's last segment is its city (or island, or area), with underscores for spaces; the full
// id stays in a title for the owner of several branches.

/**
 * "America/Argentina/Buenos_Aires" → "Buenos Aires". An id without a city ("UTC") is kept as it
 * is, and so is an Etc/ one: "Etc/GMT+5" is five hours behind GMT, and "GMT+5" would say ahead.
 */
export function zoneCity(timeZone: string): string {
  if (timeZone.startsWith('Etc/')) return timeZone
  const last = timeZone.slice(timeZone.lastIndexOf('/') + 1)
  return last ? last.replaceAll('_', ' ') : timeZone
}
