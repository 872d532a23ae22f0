// Sync health's Cal.com card, as static HTML: while a change made here fails to reach Cal.com
// and waits to try again, the card must not say a plain "Connected" under the banner that says
// Cal.com cannot be reached.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import type { Branch, OutboxEntry, SyncHealth } from '../../../../shared/api/schemas'
import type { ApiClient } from '../../app/api-client'
import { ApiContext } from '../../app/api-context'
import { MESSAGES } from '../../app/i18n/messages'
import { SyncSummary } from './SyncSummary'

const branch = { connection: 'connected', timeZone: 'America/Toronto' } as Branch
const sync = {
  connection: 'connected',
  connectionSince: '2026-12-15T14:00:00.000Z',
  relay: { configured: false, state: 'off', lagMs: null, retryInMs: null },
  lastEvent: null,
  lastReconcile: null,
} as unknown as SyncHealth
const waiting = (attempts: number) =>
  [{ id: 1, state: 'pending', attempts, bookingUid: 'local-1' }] as OutboxEntry[]

const render = (outbox: OutboxEntry[], locale: 'en' | 'es' = 'en', health = sync) =>
  renderToStaticMarkup(
    <ApiContext.Provider value={{} as ApiClient}>
      <QueryClientProvider client={new QueryClient()}>
        <IntlProvider locale={locale} messages={MESSAGES[locale]}>
          <SyncSummary branch={branch} sync={health} outbox={outbox} />
        </IntlProvider>
      </QueryClientProvider>
    </ApiContext.Provider>,
  )

const calcomCard = (html: string) => html.slice(0, html.indexOf('data-testid="sync-relay"'))

describe('the Cal.com card of sync health', () => {
  it('is fine while nothing waits after a failed try', () => {
    const card = calcomCard(render(waiting(0)))
    expect(card).toContain('sync-card--ok')
    expect(card).not.toContain('sync-calcom-unreachable')
  })

  it('says Cal.com cannot be reached while a failed change waits to try again', () => {
    const card = calcomCard(render(waiting(2)))
    expect(card).toContain('sync-card--bad')
    expect(card).toContain('But it cannot be reached right now')
    expect(calcomCard(render(waiting(2), 'es'))).toContain('Pero ahora no responde')
  })
})

describe('the last news', () => {
  it('reads as a date in Spanish ("el 15 dic"), not "a las 15 dic"', () => {
    const lastEvent = {
      at: '2026-12-15T15:40:00.000Z',
      seq: 1,
      trigger: 'BOOKING_CREATED',
      uids: [],
    }
    const html = render([], 'es', { ...sync, lastEvent })
    expect(html).toContain('Reserva hecha el 15 dic 2026')
    expect(html).not.toContain('a las 15 dic')
  })
})
