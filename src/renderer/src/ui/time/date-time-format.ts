// Intl.DateTimeFormat instances, kept per locale and options. Building one costs far more than
// formatting with it (ICU loads the locale's patterns and the zone's rules), and the day grid
// formats two or three times per card on every render: 300 cards built ~900 formatters a paint.
const formatters = new Map<string, Intl.DateTimeFormat>()

export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, format)
  }
  return format
}
