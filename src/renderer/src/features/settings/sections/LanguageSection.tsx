// The desk's language: the computer's, or one chosen here and kept on this desk. It changes at
// once, without a restart.
import { useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useLocaleChoice } from '../../../app/i18n/LocaleProvider'
import { isLocale, LOCALES } from '../../../app/i18n/locale'

export function LanguageSection() {
  const intl = useIntl()
  const { systemLocale, override, setOverride } = useLocaleChoice()
  const id = useId()
  const name = (locale: string) =>
    intl.formatMessage({ id: locale === 'es' ? 'settings.language.es' : 'settings.language.en' })
  return (
    // The heading is the field's label: one name, said once.
    <section className="settings-section">
      <div className="field">
        <h3>
          <label htmlFor={id}>
            <FormattedMessage id="settings.language" />
          </label>
        </h3>
        <select
          id={id}
          value={override ?? 'system'}
          onChange={(event) =>
            setOverride(isLocale(event.target.value) ? event.target.value : null)
          }
        >
          <option value="system">
            {intl.formatMessage(
              { id: 'settings.language.system' },
              { language: name(systemLocale) },
            )}
          </option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {name(locale)}
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}
