// The header's Cal.com area in each state, as static HTML (no DOM library needed).
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../../app/i18n/messages'
import type { ConnectState } from './connect-calcom'
import { ConnectionStatus, type ConnectActions } from './ConnectionStatus'

const noop = async () => undefined
const actions: ConnectActions = {
  startOAuth: noop,
  cancel: noop,
  showApiKeyForm: () => undefined,
  close: () => undefined,
  submitApiKey: noop,
  askDisconnect: () => undefined,
  confirmDisconnect: noop,
}
const idle: ConnectState = { step: { kind: 'idle' }, problem: null }
const off = { connection: 'disconnected' as const, calcomUsername: null }

const render = (branch: Parameters<typeof ConnectionStatus>[0]['branch'], state = idle) =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={MESSAGES.en}>
      <ConnectionStatus branch={branch} state={state} actions={actions} />
    </IntlProvider>,
  )

describe('ConnectionStatus', () => {
  it('offers Connect and the API key alternative when not connected', () => {
    const html = render(off)
    expect(html).toContain('Not connected to Cal.com')
    expect(html).toMatch(/<button[^>]*>Connect<\/button>/)
    expect(html).toContain('Use an API key instead')
    expect(html).not.toContain('disabled')
  })

  it('offers Reconnect when Cal.com stopped accepting the sign-in', () => {
    const html = render({ connection: 'reconnect_needed', calcomUsername: 'maple-toronto' })
    expect(html).toContain('Reconnect needed')
    expect(html).toMatch(/<button[^>]*>Reconnect<\/button>/)
    expect(html).toContain('data-connection="reconnect_needed"')
  })

  it('while the browser is at Cal.com: says so, links the page again, and offers Cancel', () => {
    const html = render(off, {
      step: { kind: 'waiting', authorizeUrl: 'http://cal.test/auth/oauth2/authorize?x=1&y=2' },
      problem: null,
    })
    expect(html).toContain('Waiting for you to allow Frontdesk in Cal.com…')
    expect(html).toContain('href="http://cal.test/auth/oauth2/authorize?x=1&amp;y=2"')
    expect(html).toContain('rel="noopener noreferrer"')
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/)
    expect(html).not.toMatch(/>Connect<\/button>/)
  })

  it("shows Cal.com's refusal and offers Connect again", () => {
    const html = render(off, {
      step: { kind: 'idle' },
      problem: { kind: 'code', code: 'SIGN_IN_DENIED' },
    })
    expect(html).toContain(
      'role="alert" data-testid="connect-problem">Access was not allowed in Cal.com, so Frontdesk is not connected.',
    )
    expect(html).toMatch(/>Connect<\/button>/)
  })

  it('shows the API key form with the error tied to the field', () => {
    const html = render(off, {
      step: { kind: 'api-key', busy: false, error: { kind: 'code', code: 'API_KEY_EMPTY' } },
      problem: null,
    })
    expect(html).toMatch(/<label for="([^"]+)">Cal.com API key<\/label>/)
    expect(html).toContain('type="password"')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain('Paste the Cal.com API key first.')
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1]
    expect(html).toContain(`id="${describedBy}" class="api-key-form__error" role="alert"`)
  })

  it('when connected: names the account, and asks before disconnecting', () => {
    const connected = { connection: 'connected' as const, calcomUsername: 'maple-toronto' }
    const html = render(connected)
    expect(html).toContain('Connected to Cal.com as maple-toronto')
    expect(html).toMatch(/>Disconnect<\/button>/)
    const asking = render(connected, {
      step: { kind: 'confirm-disconnect', busy: false },
      problem: null,
    })
    expect(asking).toContain('Disconnect from Cal.com?')
    expect(asking).toMatch(/>Yes, disconnect<\/button>/)
    expect(asking).toMatch(/>Stay connected<\/button>/)
  })

  it('while Cal.com cannot be reached: names the account without saying "Connected"', () => {
    const connected = { connection: 'connected' as const, calcomUsername: 'maple-toronto' }
    const html = renderToStaticMarkup(
      <IntlProvider locale="en" messages={MESSAGES.en}>
        <ConnectionStatus
          branch={connected}
          state={idle}
          actions={actions}
          calcomReachable={false}
        />
      </IntlProvider>,
    )
    expect(html).toContain('Cal.com account maple-toronto: cannot be reached right now')
    expect(html).not.toContain('Connected')
    expect(html).toContain('connection--unreachable')
    // Still linked: Disconnect stays.
    expect(html).toMatch(/>Disconnect<\/button>/)
  })

  it('in the status strip, whose start says how Cal.com is reached, names the account without saying it again', () => {
    const inStrip = (
      branch: Parameters<typeof ConnectionStatus>[0]['branch'],
      locale: 'en' | 'es' = 'en',
    ) =>
      renderToStaticMarkup(
        <IntlProvider locale={locale} messages={MESSAGES[locale]}>
          <ConnectionStatus
            branch={branch}
            state={idle}
            actions={actions}
            calcomReachable={false}
            inStrip
          />
        </IntlProvider>,
      )
    const connected = { connection: 'connected' as const, calcomUsername: 'maple-toronto' }
    const reached = renderToStaticMarkup(
      <IntlProvider locale="en" messages={MESSAGES.en}>
        <ConnectionStatus branch={connected} state={idle} actions={actions} inStrip />
      </IntlProvider>,
    )
    expect(reached).toContain('Cal.com account maple-toronto')
    expect(reached).not.toContain('Connected')
    const unreachable = inStrip(connected)
    expect(unreachable).toContain('Cal.com account maple-toronto')
    expect(unreachable).not.toContain('cannot be reached')
    expect(unreachable).toMatch(/>Disconnect<\/button>/)
    expect(inStrip(connected, 'es')).toContain('Cuenta de Cal.com maple-toronto')
    expect(inStrip(connected, 'es')).not.toContain('no se puede contactar')
    // Not connected: the strip's start says so; Connect is still here.
    const notConnected = inStrip(off)
    expect(notConnected).not.toContain('Not connected to Cal.com')
    expect(notConnected).toMatch(/<button[^>]*>Connect<\/button>/)
    // Reconnect needed says more than the strip's "not connected": kept.
    expect(inStrip({ connection: 'reconnect_needed', calcomUsername: 'maple-toronto' })).toContain(
      'Reconnect needed',
    )
  })

  it('speaks Spanish', () => {
    const html = renderToStaticMarkup(
      <IntlProvider locale="es" messages={MESSAGES.es}>
        <ConnectionStatus branch={off} state={idle} actions={actions} />
      </IntlProvider>,
    )
    expect(html).toContain('No conectado a Cal.com')
    expect(html).toMatch(/>Conectar<\/button>/)
    expect(html).toContain('Usar una clave de API')
  })
})
