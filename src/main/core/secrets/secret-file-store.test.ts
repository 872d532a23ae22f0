// The headless desk's secret files, on a real folder: what a person with the disk (but not the
// desk's account) could see, and what a crash or a hand edit leaves behind.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CREDENTIALS_FILE, credentialFile } from '../auth/token-store'
import { RELAY_DEVICE_FILE, relayDeviceFile, type RelayDevice } from '../inbound/relay-device-store'

const device: RelayDevice = {
  relayUrl: 'https://relay.example',
  calcomAccountId: 42,
  channelId: 'ch_abc',
  deviceId: 'dev_1',
  deviceToken: 'device-token-secret-value',
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-secret-file-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('a secret file', () => {
  it('is readable by the desk user only, replaced whole, and read back', async () => {
    const store = credentialFile(dir)
    await store.save({ kind: 'apiKey', apiKey: 'cal_live_first' })
    await store.save({ kind: 'apiKey', apiKey: 'cal_live_second' })
    const file = join(dir, CREDENTIALS_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual([CREDENTIALS_FILE])
    expect(await credentialFile(dir).load()).toEqual({ kind: 'apiKey', apiKey: 'cal_live_second' })
    expect(store.description).toContain(file)
    expect(store.description).not.toContain('cal_live')
  })

  it('keeps the relay enrollment the same way, in its own file', async () => {
    await relayDeviceFile(dir).save(device)
    expect(statSync(join(dir, RELAY_DEVICE_FILE)).mode & 0o777).toBe(0o600)
    expect(await relayDeviceFile(dir).load()).toEqual(device)
    expect(await credentialFile(dir).load()).toBeNull()
  })

  it('tightens a file someone loosened by hand when it reads it', async () => {
    await relayDeviceFile(dir).save(device)
    chmodSync(join(dir, RELAY_DEVICE_FILE), 0o644)
    expect(await relayDeviceFile(dir).load()).toEqual(device)
    expect(statSync(join(dir, RELAY_DEVICE_FILE)).mode & 0o777).toBe(0o600)
  })

  it('reads a damaged or foreign file as no secret (the desk asks again), and clears it', async () => {
    writeFileSync(join(dir, RELAY_DEVICE_FILE), '{"relayUrl": "https://relay.example", ', {
      mode: 0o600,
    })
    expect(await relayDeviceFile(dir).load()).toBeNull()
    const { deviceToken: _, ...withoutToken } = device
    writeFileSync(join(dir, RELAY_DEVICE_FILE), JSON.stringify(withoutToken), { mode: 0o600 })
    expect(await relayDeviceFile(dir).load()).toBeNull()
    writeFileSync(join(dir, CREDENTIALS_FILE), JSON.stringify({ kind: 'apiKey' }), { mode: 0o600 })
    expect(await credentialFile(dir).load()).toBeNull()

    await relayDeviceFile(dir).clear()
    await relayDeviceFile(dir).clear()
    expect(readdirSync(dir)).toEqual([CREDENTIALS_FILE])
  })
})
