// The relay as a receptionist reads it ("Relay (brings Cal.com’s news)", as sync health names
// it): connected to, or cannot reach since a time, or that is not set up — named by its host
// ("relay.example.com"), the raw address left to the section's technical details for whoever looks after it.
import type { MessageId } from '../../../app/i18n/messages'
import { calendarDateInZone } from '../../../ui/time/zoned-time'

/** "relay.example.com" of "https://relay.example.com/"; the address itself when it is no URL. */
export function relayHost(url: string): string {
  try {
    return new URL(url).host || url
  } catch {
    return url
  }
}

export interface RelayStateWords {
  id: MessageId
  values: Record<string, string>
}

/**
 * The words for the relay client's state (relay-client.ts): online, connecting (or enrolling),
 * off until the branch is connected, else out of reach since `since` — its time alone when that
 * is today in the branch zone, else its day too ("since Dec 7, 23:10").
 */
export function relayStateWords(
  relay: { state: string; since?: string | undefined },
  url: string,
  at: { now: Date; timeZone: string | undefined; locale: string },
): RelayStateWords {
  const host = relayHost(url)
  if (relay.state === 'online') return { id: 'settings.relay.connected', values: { host } }
  if (relay.state === 'off') return { id: 'settings.relay.off', values: { host } }
  if (relay.state === 'enrolling' || relay.state === 'connecting')
    return { id: 'settings.relay.connecting', values: { host } }
  if (!relay.since) return { id: 'settings.relay.unreachable', values: { host } }
  const since = new Date(relay.since)
  const zone = at.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const time = new Intl.DateTimeFormat(at.locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(since)
  const today = calendarDateInZone(since, zone) === calendarDateInZone(at.now, zone)
  const day = today
    ? 'today'
    : new Intl.DateTimeFormat(at.locale, { timeZone: zone, day: 'numeric', month: 'short' }).format(
        since,
      )
  return { id: 'settings.relay.unreachableSince', values: { host, time, day } }
}
