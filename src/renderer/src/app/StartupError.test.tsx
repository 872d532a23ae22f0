// The start-up error in both languages, as static HTML (no DOM library needed).
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from './i18n/messages'
import type { SessionProblem } from './session'
import { StartupError } from './StartupError'

const render = (locale: 'en' | 'es', problem: SessionProblem) =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={MESSAGES[locale]}>
      <StartupError problem={problem} />
    </IntlProvider>,
  )

describe('StartupError', () => {
  it('tells a page without a token to open the address ending in ?token=', () => {
    const html = render('en', { problem: 'no-token' })
    expect(html).toContain('Frontdesk cannot start')
    expect(html).toMatch(/role="alert">[^<]*\?token=/)
  })

  it('names an API address that is not a URL', () => {
    expect(render('en', { problem: 'bad-url', address: 'nope' })).toContain(
      'The desk gave an API address that is not a URL: nope',
    )
  })

  it('speaks Spanish', () => {
    const html = render('es', { problem: 'no-bridge' })
    expect(html).toContain('Frontdesk no puede arrancar')
    expect(html).toContain('El mostrador no ha dado a esta ventana')
  })
})
