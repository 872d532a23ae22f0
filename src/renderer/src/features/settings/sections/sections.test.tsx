// Settings' sections in the states a person meets, as static HTML (no DOM library needed): the
// connection for a role that may not change it, the relay reachable, cut or absent, and the
// update check as the installed app reports it — in both languages.
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import type { Branch, SyncHealth } from '../../../../../shared/api/schemas'
import type { UpdateState } from '../../../../../shared/domain/desk-ipc'
import { MESSAGES } from '../../../app/i18n/messages'
import type { ConnectActions } from '../connect/ConnectionStatus'
import { UpdateWords } from './AppSection'
import { ConnectionSection } from './ConnectionSection'
import { DataSection } from './DataSection'
import { RelaySection } from './RelaySection'

const render = (node: ReactNode, locale: 'en' | 'es' = 'en') =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={MESSAGES[locale]}>
      {node}
    </IntlProvider>,
  )

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
const branch = (connection: Branch['connection']): Branch => ({
  id: 1,
  name: 'Maple & Vine',
  timeZone: 'America/Toronto',
  calcomAccountId: 7,
  calcomUsername: 'maple',
  connection,
})
const connection = (b: Branch, may: boolean) => (
  <ConnectionSection
    branch={b}
    state={{ step: { kind: 'idle' }, problem: null }}
    actions={actions}
    mayConnect={may}
    mayDisconnect={may}
  />
)

const sync = (state: string): SyncHealth => ({
  connection: 'connected',
  relay: {
    configured: true,
    state,
    url: 'https://relay.example.com',
    channelId: 'ch_1',
    cursor: 3,
    lagMs: null,
    retryInMs: null,
  },
  lastEvent: null,
  lastReconcile: null,
  queueDepth: 0,
  heldBookings: 0,
  recentErrors: [],
})
const desk = (relayUrl: string | null) => ({
  version: '1.2.3',
  dataDir: '/home/desk/.frontdesk',
  relayUrl,
  calcomApiUrl: 'https://api.cal.com',
})

describe('the connection section', () => {
  it('offers disconnect and connect to a role that may', () => {
    expect(render(connection(branch('connected'), true))).toMatch(/<button[^>]*>Disconnect</)
    expect(render(connection(branch('disconnected'), true))).toMatch(/<button[^>]*>Connect</)
  })

  it('shows the state without buttons, and says who may, to a role that may not', () => {
    for (const state of ['connected', 'disconnected', 'reconnect_needed'] as const) {
      const html = render(connection(branch(state), false))
      expect(html, state).not.toContain('<button')
      expect(html, state).toContain('Only the owner and admins can connect or disconnect.')
    }
    expect(render(connection(branch('connected'), false), 'es')).toContain(
      'Solo el propietario y los administradores',
    )
  })
})

/** The relay section at 15:30 in Toronto on 7 December 2026. */
const NOW = new Date('2026-12-07T20:30:00Z')
const relaySection = (
  state: string,
  opts: { since?: string; mayReadSync?: boolean; url?: string | null } = {},
) => {
  const health = sync(state)
  health.relay.since = opts.since ?? '2026-12-07T15:02:00Z'
  return (
    <RelaySection
      desk={desk(opts.url === undefined ? 'https://relay.example.com' : opts.url)}
      sync={opts.url === null ? undefined : health}
      mayReadSync={opts.mayReadSync ?? true}
      timeZone="America/Toronto"
      now={NOW}
    />
  )
}

describe('the relay section', () => {
  it('says the desk is connected to the relay, named by its host', () => {
    const html = render(relaySection('online'))
    expect(html).toContain('Connected to the relay (relay.example.com)')
    expect(render(relaySection('online'), 'es')).toContain('Conectado al relé (relay.example.com)')
    expect(html).toContain('href="#/sync-health"')
  })

  it('keeps the raw address in the technical details, and in the tooltip', () => {
    const html = render(relaySection('online'))
    expect(html).toMatch(/<summary>Technical details<\/summary>/)
    expect(html).toContain(
      '<code data-testid="settings-relay-address">https://relay.example.com</code>',
    )
    expect(html).toContain('title="https://relay.example.com"')
    expect(render(relaySection('online'), 'es')).toContain('Detalles técnicos')
  })

  it('says since when the relay cannot be reached, in the branch zone', () => {
    const html = render(relaySection('retrying', { mayReadSync: false }))
    expect(html).toContain(
      'Cannot reach the relay (relay.example.com) since 10:02: the desk keeps trying',
    )
    expect(html).not.toContain('#/sync-health')
    expect(render(relaySection('retrying'), 'es')).toContain(
      'No se puede contactar con el relé (relay.example.com) desde las 10:02',
    )
  })

  it('gives the day too when it was lost before today', () => {
    const since = '2026-12-06T23:10:00Z'
    expect(render(relaySection('retrying', { since }))).toContain('since Dec 6, 18:10')
    expect(render(relaySection('retrying', { since }), 'es')).toContain(
      'desde el 6 dic, a las 18:10',
    )
  })

  it('says while it connects, and that it is off until the branch is connected', () => {
    expect(render(relaySection('enrolling'))).toContain(
      'Connecting to the relay (relay.example.com)…',
    )
    expect(render(relaySection('off'), 'es')).toContain(
      'Apagado hasta que la sucursal esté conectada a Cal.com',
    )
  })

  it('says a desk without a relay is not set up and checks Cal.com every 5 minutes', () => {
    const html = render(relaySection('off', { url: null }))
    expect(html).toContain('Not set up: this desk checks Cal.com every 5 minutes instead.')
    expect(html).not.toContain('Technical details')
    expect(render(relaySection('off', { url: null }), 'es')).toContain('Sin configurar')
  })
})

describe('the data section', () => {
  it('names the folder and what it holds', () => {
    const html = render(<DataSection dataDir="/home/desk/.frontdesk" />)
    expect(html).toContain('/home/desk/.frontdesk')
    expect(html).toContain('anyone who can open it can read the appointments')
  })
})

describe('update words', () => {
  it('say where the installed app’s update check stands, in both languages', () => {
    const cases: Array<[UpdateState, string, string]> = [
      [{ state: 'not-packaged' }, 'no updates', 'sin actualizaciones'],
      [{ state: 'checking' }, 'Checking for updates', 'Buscando actualizaciones'],
      [{ state: 'up-to-date' }, 'Up to date', 'Al día'],
      [{ state: 'downloading', version: '1.3.0' }, 'Downloading version 1.3.0', 'versión 1.3.0'],
      [{ state: 'ready', version: '1.3.0' }, 'Version 1.3.0 is ready', 'versión 1.3.0 está lista'],
      [{ state: 'failed' }, 'Could not check for updates', 'No se pudo buscar'],
    ]
    for (const [update, english, spanish] of cases) {
      expect(render(<UpdateWords update={update} />)).toContain(english)
      expect(render(<UpdateWords update={update} />, 'es')).toContain(spanish)
    }
  })
})
