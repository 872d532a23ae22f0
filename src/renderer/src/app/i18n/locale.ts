// Which language the desk speaks: the override chosen in settings, else the first OS language
// we have a catalog for (navigator.languages is the Electron app locale), else English.
export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

export const LOCALE_STORAGE_KEY = 'frontdesk.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function resolveLocale(override: string | null, osLanguages: readonly string[]): Locale {
  if (isLocale(override)) return override
  for (const tag of osLanguages) {
    const language = tag.toLowerCase().split('-')[0]
    if (isLocale(language)) return language
  }
  return 'en'
}

/**
 * The locale dates are laid out in (react-aria's date fields and calendars): the UI's language in
 * the OS's region, where the OS names a region for that language ("en" and en-GB: en-GB,
 * day/month/year; "es" and es-MX: es-MX), else the language alone (en: month/day/year). The
 * words stay English or Spanish; only the order and the first day of the week follow the region.
 */
export function regionalLocale(language: Locale, osLanguages: readonly string[]): string {
  for (const tag of osLanguages) {
    let parsed: Intl.Locale
    try {
      parsed = new Intl.Locale(tag)
    } catch {
      continue
    }
    if (parsed.language === language && parsed.region) return `${language}-${parsed.region}`
  }
  return language
}
