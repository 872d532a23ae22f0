import type { SandboxState } from '../state.js'

const money = (cents: number, currency: string) =>
  `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`

/**
 * What `npm run sandbox` prints on start: where it listens and what to sign in with. The seeded
 * API keys and the shared password are the sandbox's own fakes, shown because using it needs
 * them; the confidential client's secret stays in GET /_sandbox/state.
 */
export function banner(url: string, state: SandboxState, trafficPerMinute: number): string {
  const lines = [
    `Cal.com sandbox listening on ${url}`,
    `  API v2         ${url}/v2   (cal-api-version: bookings 2024-08-13, slots 2024-09-04, event types 2024-06-14, schedules 2024-06-11)`,
    `  OAuth          ${url}/auth/oauth2/authorize   token: POST ${url}/v2/auth/oauth2/token`,
    `  OAuth client   ${state.oauthClient.clientId} (public, PKCE S256)   redirect URI ${state.oauthClient.redirectUri}`,
    `  control        ${url}/_sandbox/state   book as a client: POST ${url}/_sandbox/book`,
    `  sandbox clock  ${state.now}   traffic: ${trafficPerMinute > 0 ? `${trafficPerMinute} client actions/min` : 'off (SANDBOX_TRAFFIC_PER_MINUTE)'}`,
  ]
  for (const a of state.accounts) {
    lines.push(
      '',
      `  ${a.branchName} — ${a.name} (user ${a.userId}, ${a.username}, ${a.timeZone})`,
      `    API key   ${a.apiKey}`,
      `    sign in   ${a.email} / ${a.password}`,
      `    staff     ${a.staff.map((s) => s.name).join(', ')}`,
      `    events    ${a.eventTypes
        .map((e) => {
          const notes = [
            `${e.lengthInMinutes} min`,
            ...(e.requiresConfirmation ? ['needs confirmation'] : []),
            ...(e.price > 0 ? [`paid ${money(e.price, e.currency)}`] : []),
          ]
          return `${e.slug} #${e.id} (${notes.join(', ')})`
        })
        .join('; ')}`,
    )
  }
  return lines.join('\n')
}
