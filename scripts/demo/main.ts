// `npm run demo`: the whole system on this machine with no account and no configuration — the
// Cal.com sandbox (seeded, with clients booking), the relay (embedded SQLite) and the desk,
// already connected to the sandbox's first branch and enrolled at the relay, its business set up
// (owner, admin, receptionist, their PINs printed), and an SMTP mailbox the relay emails the
// owner at, shown on a page and one line per message. Each part is its own process with its
// output prefixed; Ctrl-C (or SIGTERM) stops them all, desk first. FRONTDESK_DEMO_SECOND_DESK=1
// adds a second headless desk on the same branch (DESIGN.md §9: check a client in at one desk,
// watch it at the other).
//
// Data: a fresh folder under the OS temp dir, removed on a clean stop. The sandbox keeps
// everything in memory and reseeds at every start, so a desk or relay database kept from an
// earlier run would only hold bookings that no longer exist. After a failure the folder is kept
// (its path is printed) so the desk's log can be read.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectWithApiKey, firstSeededBranch, waitForRelayOnline } from './connect-branch'
import { peopleBlock, setUpDemoBusiness } from './demo-business'
import { startDemoMailbox, type DemoMailbox } from './mailbox-page'
import { chooseDesk, ensureDeskBuilt } from './desk-launch'
import { freePort } from '../../test/support/free-port'
import { waitForHttp } from './wait-for-http'
import { describeExit, Part } from './part'
import { addSecondBranch, OWNER_OPTION, ownerAppWanted } from './owner-branches'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const log = (line: string) => process.stdout.write(`[demo]    ${line}\n`)
const mailLine = (line: string) => process.stdout.write(`[mail]    ${line}\n`)
let mailbox: DemoMailbox | undefined
const tsx = ['--import', 'tsx']
const parts: Part[] = []
let stopping: Promise<never> | null = null

const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-demo-'))

/** Stops every running part, newest first, then exits with `code`. */
function stopAll(code: number, why: string): Promise<never> {
  stopping ??= (async () => {
    log(why)
    for (const part of [...parts].reverse()) {
      if (!part.running) continue
      const exit = await part.stop()
      log(`${part.name} stopped (${describeExit(exit)})`)
    }
    await mailbox?.close()
    if (code === 0) rmSync(dataDir, { recursive: true, force: true })
    else
      log(`kept ${dataDir} for its logs (desk log: ${join(dataDir, 'desk', 'logs', 'desk.log')})`)
    process.exit(code)
  })()
  return stopping
}

function start(name: string, command: string, args: string[], env: Record<string, string>) {
  const part = new Part(name, command, args, env, root)
  parts.push(part)
  log(`${name} started (pid ${part.pid})`)
  void part.exited.then((exit) => {
    if (!stopping)
      void stopAll(1, `the ${name} stopped unexpectedly (${describeExit(exit)}); stopping the rest`)
  })
  return part
}

const secondDesk = process.env.FRONTDESK_DEMO_SECOND_DESK === '1'

async function main(): Promise<void> {
  log(
    secondDesk
      ? 'option FRONTDESK_DEMO_SECOND_DESK=1: a second desk on the same branch will start too'
      : 'option: FRONTDESK_DEMO_SECOND_DESK=1 npm run demo also starts a second desk on the same branch',
  )
  const desk = chooseDesk()
  const owner = ownerAppWanted()
  if (owner && desk.kind !== 'headless') {
    throw new Error(
      `${OWNER_OPTION}=1 needs the headless desk (the demo has not tried the Electron app with two branches): FRONTDESK_DEMO_DESK=headless ${OWNER_OPTION}=1 npm run demo`,
    )
  }
  log(
    owner
      ? 'owner app: the desk will hold both sandbox branches (branch switcher, All branches)'
      : `option: ${OWNER_OPTION}=1 npm run demo starts an owner app holding both sandbox branches (headless desk)`,
  )
  if (desk.kind === 'headless') ensureDeskBuilt(root, log)
  const [relayPort, oauthPort] = await Promise.all([freePort(), freePort()])
  const redirectUri = `http://127.0.0.1:${oauthPort}/callback`

  const sandbox = start('sandbox', process.execPath, [...tsx, 'sandbox/src/server.ts'], {
    SANDBOX_PORT: '0',
    SANDBOX_OAUTH_REDIRECT_URI: redirectUri,
    SANDBOX_TRAFFIC_PER_MINUTE: process.env.SANDBOX_TRAFFIC_PER_MINUTE ?? '6',
  })
  const [, sandboxUrl] = await sandbox.waitForLine(/Cal\.com sandbox listening on (\S+)/, 30_000)

  mailbox = await startDemoMailbox((m) => mailLine(`to ${m.to.join(', ')}: ${m.subject}`))
  const relayUrl = `http://127.0.0.1:${relayPort}`
  const adminToken = randomBytes(24).toString('hex')
  const relay = start('relay', process.execPath, [...tsx, 'cloud-relay/src/server.ts'], {
    RELAY_HOST: '127.0.0.1',
    RELAY_PORT: String(relayPort),
    RELAY_PUBLIC_URL: relayUrl,
    RELAY_DATABASE_URL: `file:${join(dataDir, 'relay', 'relay.db')}`,
    RELAY_CALCOM_API_URL: sandboxUrl!,
    RELAY_LOG_LEVEL: process.env.RELAY_LOG_LEVEL ?? 'warn',
    RELAY_ADMIN_TOKEN: adminToken,
    RELAY_SMTP_URL: mailbox.smtpUrl,
    RELAY_MAIL_FROM: 'Frontdesk demo <alerts@frontdesk.test>',
  })
  await waitForHttp(`${relayUrl}/healthz`, 30_000, () => relay.running).catch((err: Error) => {
    throw new Error(`the relay did not start: ${err.message}`)
  })
  log(`relay listening on ${relayUrl} (SQLite in ${join(dataDir, 'relay')})`)
  log(`relay metrics: curl -H 'authorization: Bearer ${adminToken}' ${relayUrl}/metrics`)

  const branch = await firstSeededBranch(sandboxUrl!)
  const clientId = 'frontdesk-desk'
  const deskEnv: Record<string, string> = {
    FRONTDESK_DATA_DIR: join(dataDir, 'desk'),
    FRONTDESK_RELAY_URL: relayUrl,
    FRONTDESK_CALCOM_API_URL: sandboxUrl!,
    FRONTDESK_CALCOM_APP_URL: sandboxUrl!,
    FRONTDESK_OAUTH_CLIENT_ID: clientId,
    FRONTDESK_OAUTH_REDIRECT_PORT: String(oauthPort),
  }
  let address: { url: string; token: string }
  if (desk.kind === 'headless') {
    const part = start('desk', desk.command, desk.args(root), { ...deskEnv, FRONTDESK_PORT: '0' })
    const [, url, token] = await part.waitForLine(
      /Frontdesk desk ready at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/,
      60_000,
    )
    address = { url: url!, token: token! }
  } else {
    // The Electron app prints no token (its window gets it from the preload), so the demo
    // chooses both and waits for the local API to answer.
    const port = await freePort()
    const token = randomBytes(32).toString('base64url')
    const part = start('desk', desk.command, desk.args(root), {
      ...deskEnv,
      FRONTDESK_PORT: String(port),
      FRONTDESK_API_TOKEN: token,
    })
    address = { url: `http://127.0.0.1:${port}`, token }
    await waitForHttp(`${address.url}/api/health?token=${token}`, 90_000, () => part.running)
  }

  log(`connecting the desk to ${branch.branchName} (${branch.username}) with its API key…`)
  const connected = await connectWithApiKey(address, branch.apiKey).catch((err: Error) => {
    // The Electron app keeps the key only in the OS keyring (safeStorage); without one it refuses.
    if (desk.kind === 'electron') {
      err.message +=
        ' (to run the demo without Electron: FRONTDESK_DEMO_DESK=headless npm run demo)'
    }
    throw err
  })
  const health = await waitForRelayOnline(address, 30_000)
  log(
    `desk connected to ${connected.name} (${connected.timeZone}), enrolled at the relay (channel ${health.relay.channelId})`,
  )
  // Before the business is set up: after, adding a branch wants the owner signed in.
  if (owner) {
    const second = await addSecondBranch(address, sandboxUrl!)
    log(
      `second branch ${second.name} (${second.timeZone}) added to the app and connected: press B for the branch switcher, or open All branches as the owner`,
    )
  }
  await setUpDemoBusiness({
    desk: address,
    relayUrl,
    apiKey: branch.apiKey,
    branchName: connected.name,
    channelId: health.relay.channelId!,
  })
  log('business “Maple & Vine Salons” set up at the relay, its people copied to the desk')
  for (const line of peopleBlock()) log(line)
  if (secondDesk) {
    // Always headless: a second Electron app on one machine would share its single-instance lock.
    ensureDeskBuilt(root, log)
    const part = start('desk2', process.execPath, [join(root, 'out/main/headless.js')], {
      ...deskEnv,
      FRONTDESK_DATA_DIR: join(dataDir, 'desk2'),
      FRONTDESK_PORT: '0',
      FRONTDESK_OAUTH_REDIRECT_PORT: String(await freePort()),
    })
    const [, url, token] = await part.waitForLine(
      /Frontdesk desk ready at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/,
      60_000,
    )
    const second = { url: url!, token: token! }
    await connectWithApiKey(second, branch.apiKey)
    // Online at the relay, it reads the business from there and then wants someone signed in
    // (401 on /api/sync): either way it syncs.
    for (let tries = 0; ; tries++) {
      const res = await fetch(`${second.url}/api/sync`, {
        headers: { authorization: `Bearer ${second.token}` },
      })
      if (res.status === 401) break
      const health = (await res.json()) as { relay?: { state?: string } }
      if (health.relay?.state === 'online') break
      if (tries > 150) throw new Error('the second desk did not come online at the relay')
      await new Promise((r) => setTimeout(r, 200))
    }
    log(`second desk of ${connected.name}: open ${second.url}/?token=${second.token}`)
  }
  log(`mailbox: ${mailbox.pageUrl} (SMTP ${mailbox.smtpUrl}; one [mail] line per message here)`)
  log(`sandbox: ${sandboxUrl}/_sandbox/state   book as a client: POST ${sandboxUrl}/_sandbox/book`)
  log(
    `Frontdesk demo ready: open ${address.url}/?token=${address.token}${desk.kind === 'electron' ? ' (or use the Electron window)' : ''} — Ctrl-C stops everything`,
  )
}

process.on('SIGINT', () => void stopAll(0, 'Ctrl-C: stopping the desk, the relay and the sandbox…'))
// SIGHUP: the terminal was closed.
for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  process.on(
    signal,
    () => void stopAll(0, `${signal}: stopping the desk, the relay and the sandbox…`),
  )
}
// A crash of the demo itself must not leave the parts running in their own process groups.
process.on('exit', () => {
  for (const part of parts) if (part.running) part.child.kill('SIGKILL')
})

main().catch((err: unknown) => {
  if (stopping) return
  void stopAll(1, `the demo could not start: ${err instanceof Error ? err.message : String(err)}`)
})
