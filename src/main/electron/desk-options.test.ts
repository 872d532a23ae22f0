// The desk core as the Electron app starts it (electron mocked: safeStorage only), against the
// sandbox and a real relay: both secrets — the Cal.com credential and the relay device token —
// end up encrypted in the data dir and nowhere in plain text, and a restart finds them again.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp, type RelayApp } from '../../../cloud-relay/src/app'
import { loadConfig } from '../../../cloud-relay/src/config'
import { openStorage } from '../../../cloud-relay/src/storage/open-storage'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../sandbox/src/index'
import { deskFetch, startTempDesk, type TempDesk } from '../../../test/support/temp-desk'
import type { Branch, SyncHealth } from '../../shared/api/schemas'
import { freePort } from '../../../test/support/free-port'
import { until } from '../../../test/support/until'

const safeStorage = vi.hoisted(() => ({
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s: string) => Buffer.from(`enc:${Buffer.from(s).toString('base64')}`),
  decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'base64').toString(),
}))
vi.mock('electron', () => ({ safeStorage }))

const { electronBranchHostOptions, electronDeskOptions } = await import('./desk-options')
const { SafeStorageSecretStore, safeStorageRelayDevice } =
  await import('./safe-storage-secret-store')

let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
let relay: RelayApp
let relayUrl: string
let relayDir: string
let dataDir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = ((await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState)
    .accounts[0]!
  relayDir = mkdtempSync(join(tmpdir(), 'frontdesk-relay-'))
  const dbUrl = `file:${join(relayDir, 'relay.db')}`
  const port = await freePort()
  relayUrl = `http://127.0.0.1:${port}`
  relay = await buildApp({
    config: loadConfig({
      RELAY_PORT: String(port),
      RELAY_PUBLIC_URL: relayUrl,
      RELAY_CALCOM_API_URL: sandbox.url,
      RELAY_DATABASE_URL: dbUrl,
    }),
    storage: await openStorage(dbUrl),
    closeStorage: true,
  })
  await relay.listen({ host: '127.0.0.1', port })
  dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-electron-desk-'))
})

afterAll(async () => {
  await sandbox?.close()
  const force = setTimeout(() => relay?.server.closeAllConnections(), 1000)
  await relay?.close()
  clearTimeout(force)
  rmSync(relayDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

const startElectronDesk = (): Promise<TempDesk> => {
  const opts = electronDeskOptions({
    dataDir,
    logger: pino({ level: 'silent' }),
    mainDir: join(dataDir, 'out', 'main'),
    packaged: false,
    resourcesPath: '/nowhere',
  })
  return startTempDesk({
    ...opts,
    rendererDir: null,
    dataDir,
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_RELAY_URL: relayUrl,
    },
  })
}

async function relayOnline(desk: TempDesk): Promise<SyncHealth> {
  return until('the desk online at the relay', async () => {
    const health = (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth
    return health.relay.state === 'online' && health
  })
}

describe('the desk core as the Electron app starts it', () => {
  it('uses the safeStorage stores and the built renderer next to the main bundle', () => {
    const opts = electronDeskOptions({
      dataDir,
      logger: pino({ level: 'silent' }),
      mainDir: '/app/out/main',
      packaged: true,
      resourcesPath: '/app/resources',
    })
    expect(opts.tokenStore).toBeInstanceOf(SafeStorageSecretStore)
    expect(opts.tokenStore).toMatchObject({ file: join(dataDir, 'calcom-credentials.enc') })
    expect(opts.relayDeviceStore).toBeInstanceOf(SafeStorageSecretStore)
    expect(opts.relayDeviceStore).toMatchObject({ file: join(dataDir, 'relay-device.enc') })
    expect(opts.rendererDir).toBe('/app/out/renderer')
    expect(opts.migrationsDir).toBe('/app/resources/drizzle')
  })

  it("gives every other branch of the app its own encrypted secrets in that branch's folder", () => {
    const opts = electronBranchHostOptions({
      dataDir,
      logger: pino({ level: 'silent' }),
      mainDir: '/app/out/main',
      packaged: true,
      resourcesPath: '/app/resources',
    })
    expect(opts.tokenStore).toMatchObject({ file: join(dataDir, 'calcom-credentials.enc') })
    const madridDir = join(dataDir, 'branches', 'madrid')
    const madrid = opts.branchOptions!('madrid', madridDir)
    expect(madrid.tokenStore).toBeInstanceOf(SafeStorageSecretStore)
    expect(madrid.tokenStore).toMatchObject({ file: join(madridDir, 'calcom-credentials.enc') })
    expect(madrid.relayDeviceStore).toMatchObject({ file: join(madridDir, 'relay-device.enc') })
    expect(madrid.migrationsDir).toBe('/app/resources/drizzle')
  })

  it('keeps the Cal.com credential and the relay device token encrypted, and finds them after a restart', async () => {
    let desk = await startElectronDesk()
    try {
      const res = await deskFetch(desk, '/api/branch/connect', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: account.apiKey }),
      })
      expect(res.status).toBe(200)
      const enrolled = await relayOnline(desk)

      const files = readdirSync(dataDir)
      expect(files).toEqual(expect.arrayContaining(['calcom-credentials.enc', 'relay-device.enc']))
      // The headless desk's plain files are not written.
      expect(existsSync(join(dataDir, 'calcom-credentials.json'))).toBe(false)
      expect(existsSync(join(dataDir, 'relay-device.json'))).toBe(false)
      expect(readFileSync(join(dataDir, 'calcom-credentials.enc'), 'utf8')).not.toContain(
        account.apiKey,
      )
      const device = await safeStorageRelayDevice(dataDir).load()
      expect(device).toMatchObject({ relayUrl, channelId: enrolled.relay.channelId })
      expect(readFileSync(join(dataDir, 'relay-device.enc'), 'utf8')).not.toContain(
        device!.deviceToken,
      )

      await desk.close()
      desk = await startElectronDesk()
      const branch = (await (await deskFetch(desk, '/api/branch')).json()) as Branch
      expect(branch).toMatchObject({ connection: 'connected', calcomAccountId: account.userId })
      const again = await relayOnline(desk)
      expect(again.relay.channelId).toBe(enrolled.relay.channelId)
      expect((await safeStorageRelayDevice(dataDir).load())?.deviceId).toBe(device!.deviceId)
    } finally {
      await desk.close()
    }
  })
})
