// What the always-visible strip says about the links, in both languages: a change that cannot
// reach Cal.com is said plainly, even while online bookings still arrive through the relay.
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { offlineState } from '../features/offline/offline-state'
import { MESSAGES } from './i18n/messages'
import { reachability, StatusStrip } from './StatusStrip'

const connected = { connection: 'connected' as const }
const relay = (state: string) => ({ relay: { configured: true, state } as never })
const failedOnce = [{ state: 'pending' as const, attempts: 1 }]

const strip = (locale: 'en' | 'es', reach: ReturnType<typeof reachability>) =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={MESSAGES[locale]}>
      <StatusStrip reach={reach} outbox={undefined} />
    </IntlProvider>,
  )

describe('the status strip', () => {
  it('says Cal.com cannot be reached when a change failed to send, though the relay is online', () => {
    const reach = reachability(true, offlineState('live', connected, relay('online'), failedOnce))
    expect(reach).toBe('calcom-down')
    expect(strip('en', reach)).toContain('Cal.com cannot be reached')
    expect(strip('es', reach)).toContain('No se puede contactar con Cal.com')
  })

  it('says online bookings are not arriving when only the relay is out of reach', () => {
    const reach = reachability(true, offlineState('live', connected, relay('retrying'), []))
    expect(reach).toBe('relay-down')
    expect(strip('en', reach)).toContain('Online bookings are not arriving')
  })

  it('is online when both links answer, and says so when the page loses the desk', () => {
    expect(reachability(true, offlineState('live', connected, relay('online'), []))).toBe('online')
    expect(strip('en', 'online')).toContain('Online')
    const lost = offlineState('reconnecting', connected, relay('online'), failedOnce)
    expect(reachability(true, lost)).toBe('desk-down')
    expect(reachability(false, offlineState('live', undefined, undefined, []))).toBe(
      'not-connected',
    )
  })
})
