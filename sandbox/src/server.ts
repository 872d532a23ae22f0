// `npm run sandbox`: the Cal.com sandbox with the demo seed, until SIGINT/SIGTERM.
import { startSandbox } from './index.js'
import { CONFIDENTIAL_CLIENT } from './seed/demo.js'
import { sandboxState } from './state.js'

const port = Number(process.env.SANDBOX_PORT ?? 5555)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got "${process.env.SANDBOX_PORT}"`)
  process.exit(2)
}
const perMinute = Number(process.env.SANDBOX_TRAFFIC_PER_MINUTE ?? 0)

const running = await startSandbox({
  host: process.env.SANDBOX_HOST ?? '127.0.0.1',
  port,
  now: process.env.SANDBOX_NOW,
  oauthRedirectUri: process.env.SANDBOX_OAUTH_REDIRECT_URI,
  traffic: perMinute > 0 ? { perMinute } : false,
  logger: process.env.SANDBOX_LOG === '1',
})

const state = sandboxState(running.sandbox, CONFIDENTIAL_CLIENT)
const lines = [
  `Cal.com sandbox listening on ${running.url}`,
  `  API v2:        ${running.url}/v2   (web app / OAuth: ${running.url}/auth/oauth2/authorize)`,
  `  control:       ${running.url}/_sandbox/state`,
  `  OAuth client:  ${state.oauthClient.clientId} (public, PKCE)  redirect ${state.oauthClient.redirectUri}`,
  `  sandbox clock: ${state.now}${perMinute > 0 ? `   traffic: ${perMinute}/min` : ''}`,
  ...state.accounts.map(
    (a) =>
      `  ${a.branchName.padEnd(24)} ${a.username} (${a.timeZone})  API key ${a.apiKey}  login ${a.email} / ${a.password}`,
  ),
]
console.log(lines.join('\n'))

let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return
    closing = true
    running.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}
