// The language: OS first, the override from settings (kept in localStorage) when one is set.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nProvider } from 'react-aria-components'
import { IntlProvider } from 'react-intl'
import { isLocale, LOCALE_STORAGE_KEY, regionalLocale, resolveLocale, type Locale } from './locale'
import { MESSAGES } from './messages'

interface LocaleChoice {
  locale: Locale
  /** The OS's own choice, shown beside "as the computer". */
  systemLocale: Locale
  override: Locale | null
  setOverride(locale: Locale | null): void
}

const LocaleContext = createContext<LocaleChoice | null>(null)

export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext)
  if (!choice) throw new Error('useLocaleChoice outside <LocaleProvider>')
  return choice
}

/** The OS's languages, most wanted first (in Electron, the app's locale). */
function osLanguages(): readonly string[] {
  return navigator.languages ?? [navigator.language]
}

function storedOverride(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(value) ? value : null
  } catch {
    return null
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [override, setOverrideState] = useState<Locale | null>(storedOverride)
  const systemLocale = resolveLocale(null, osLanguages())
  const locale = override ?? systemLocale
  const choice = useMemo<LocaleChoice>(
    () => ({
      locale,
      systemLocale,
      override,
      setOverride(next) {
        if (next) window.localStorage.setItem(LOCALE_STORAGE_KEY, next)
        else window.localStorage.removeItem(LOCALE_STORAGE_KEY)
        setOverrideState(next)
      },
    }),
    [locale, systemLocale, override],
  )
  // The document's language follows, so screen readers pronounce the words right.
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  return (
    <LocaleContext.Provider value={choice}>
      <IntlProvider locale={locale} messages={MESSAGES[locale]} defaultLocale="en">
        {/* react-aria's own words follow the same language, its date order (calendars, date
            fields) the OS's region: an en-GB desk reads 07/12/2026 as 7 December, as it types. */}
        <I18nProvider locale={regionalLocale(locale, osLanguages())}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  )
}
