import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RelayDevice } from '../core/inbound/relay-device-store'

// safeStorage stand-in: a reversible transform that makes sure plaintext never hits the disk.
const safeStorage = vi.hoisted(() => ({
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((s: string) => Buffer.from(`enc:${Buffer.from(s).toString('base64')}`)),
  decryptString: vi.fn((b: Buffer) => {
    const text = b.toString()
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided')
    return Buffer.from(text.slice(4), 'base64').toString()
  }),
}))
vi.mock('electron', () => ({ safeStorage }))

const { SafeStorageRelayDeviceStore, ENCRYPTED_RELAY_DEVICE_FILE } =
  await import('./relay-device-store-safe-storage')
const { TokenStoreUnavailableError } = await import('./safe-storage-file')

const device: RelayDevice = {
  relayUrl: 'https://relay.example',
  calcomAccountId: 42,
  channelId: 'ch_abc',
  deviceId: 'dev_1',
  deviceToken: 'device-token-secret-value',
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-relay-device-'))
  vi.clearAllMocks()
  safeStorage.isEncryptionAvailable.mockReturnValue(true)
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the Electron relay device store', () => {
  it('keeps only ciphertext on disk, in a 0600 file, and reads the enrollment back', async () => {
    const store = new SafeStorageRelayDeviceStore(dir)
    await store.save(device)
    const file = join(dir, ENCRYPTED_RELAY_DEVICE_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).not.toContain('device-token-secret-value')
    expect(await new SafeStorageRelayDeviceStore(dir).load()).toEqual(device)
    expect(store.description).toContain('safeStorage')
    expect(store.description).not.toContain('device-token-secret-value')
  })

  it('forgets the enrollment on clear', async () => {
    const store = new SafeStorageRelayDeviceStore(dir)
    await store.save(device)
    await store.clear()
    expect(await store.load()).toBeNull()
    await store.clear()
  })

  it('refuses to save when the OS has no real protected storage', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false)
    const refused = new SafeStorageRelayDeviceStore(dir).save(device)
    await expect(refused).rejects.toBeInstanceOf(TokenStoreUnavailableError)
    await expect(refused).rejects.toThrow(/relay's device token/)
    expect(safeStorage.encryptString).not.toHaveBeenCalled()
  })

  it('reads an undecryptable or damaged file as "not enrolled" (the desk enrolls again)', async () => {
    const store = new SafeStorageRelayDeviceStore(dir)
    await store.save(device)
    safeStorage.decryptString.mockImplementationOnce(() => {
      throw new Error('Error while decrypting the ciphertext provided')
    })
    expect(await store.load()).toBeNull()
    const { deviceToken: _, ...withoutToken } = device
    writeFileSync(
      join(dir, ENCRYPTED_RELAY_DEVICE_FILE),
      safeStorage.encryptString(JSON.stringify(withoutToken)),
    )
    expect(await store.load()).toBeNull()
  })
})
