// The set-up that relay, notification, business and reference tests share: a temp desk whose
// Cal.com is the sandbox (and whose relay, where it has one, is a real one), connected with the
// branch's API key as the Connect button does, then reading its relay channel. One function a
// step, so a test that takes one step its own way (another relay wait, no relay) keeps the others.
import type { StartDeskOptions } from '../../src/main/core/desk'
import { deskFetch, startTempDesk, type TempDesk } from './temp-desk'
import { until } from './until'

/** The relay asked with short waits and retried soon: a test waits a second on it, not 25. */
export const QUICK_RELAY: StartDeskOptions['sync'] = {
  relayWaitSeconds: 1,
  relayBackoff: { baseMs: 50, capMs: 200 },
}

/** A temp desk (not yet connected) whose Cal.com is `calcomUrl` (the sandbox's); no relay. */
export function startDeskOnSandbox(
  calcomUrl: string,
  opts: StartDeskOptions & { dataDir?: string } = {},
): Promise<TempDesk> {
  return startTempDesk({
    ...opts,
    env: { FRONTDESK_CALCOM_API_URL: calcomUrl, FRONTDESK_CALCOM_APP_URL: calcomUrl },
  })
}

/**
 * A temp desk (not yet connected) whose Cal.com is `calcomUrl` and whose relay is `relayUrl`,
 * asking it with QUICK_RELAY unless `opts.sync` says otherwise.
 */
export function startDeskOnRelay(
  urls: { calcomUrl: string; relayUrl: string },
  opts: StartDeskOptions & { dataDir?: string } = {},
): Promise<TempDesk> {
  return startTempDesk({
    sync: QUICK_RELAY,
    ...opts,
    env: {
      FRONTDESK_CALCOM_API_URL: urls.calcomUrl,
      FRONTDESK_CALCOM_APP_URL: urls.calcomUrl,
      FRONTDESK_RELAY_URL: urls.relayUrl,
    },
  })
}

/** Connects the desk's branch with `apiKey` (POST /api/branch/connect); throws unless a 200. */
export async function connectByApiKey(desk: TempDesk, apiKey: string): Promise<void> {
  const res = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey }),
  })
  if (res.status !== 200) throw new Error(`connect answered ${res.status}: ${await res.text()}`)
}

/** Waits until sync health says the desk reads its relay channel (the relay online). */
export async function untilRelayOnline(desk: TempDesk): Promise<void> {
  await until(
    'the desk reading its relay channel',
    () => desk.services.sync.health().relay.state === 'online',
    { explain: () => desk.services.sync.health().relay },
  )
}
