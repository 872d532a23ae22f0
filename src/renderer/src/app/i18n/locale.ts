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
