// The Electron app's secret store on real files, with safeStorage stood in for (Electron is the one
// thing tests mock): the Cal.com credential and the relay device token are kept the same way.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StoredCredential } from '../core/auth/token-store'
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

const {
  safeStorageCredential,
  safeStorageRelayDevice,
  ENCRYPTED_CREDENTIALS_FILE,
  ENCRYPTED_RELAY_DEVICE_FILE,
  TokenStoreUnavailableError,
} = await import('./safe-storage-secret-store')

const credential: StoredCredential = {
  kind: 'oauth',
  accessToken: 'access-token-value',
  refreshToken: 'refresh-token-value',
  expiresAt: 1_800_000_000_000,
  clientId: 'frontdesk-desk',
}

const device: RelayDevice = {
  relayUrl: 'https://relay.example',
  calcomAccountId: 42,
  channelId: 'ch_abc',
  deviceId: 'dev_1',
  deviceToken: 'device-token-secret-value',
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-safe-storage-'))
  vi.clearAllMocks()
  safeStorage.isEncryptionAvailable.mockReturnValue(true)
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the Electron secret store: the Cal.com credential', () => {
  it('keeps only ciphertext on disk, in a 0600 file, and reads it back', async () => {
    const store = safeStorageCredential(dir)
    await store.save(credential)
    const file = join(dir, ENCRYPTED_CREDENTIALS_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const onDisk = readFileSync(file, 'utf8')
    expect(onDisk).not.toContain('access-token-value')
    expect(onDisk).not.toContain('refresh-token-value')
    expect(await safeStorageCredential(dir).load()).toEqual(credential)
    expect(store.description).toContain('safeStorage')
  })

  it('forgets the credential on clear', async () => {
    const store = safeStorageCredential(dir)
    await store.save({ kind: 'apiKey', apiKey: 'cal_live_abc' })
    await store.clear()
    expect(await store.load()).toBeNull()
    await store.clear()
  })

  it('refuses to save when the OS has no real protected storage', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false)
    await expect(safeStorageCredential(dir).save(credential)).rejects.toBeInstanceOf(
      TokenStoreUnavailableError,
    )
    if (process.platform === 'linux') {
      safeStorage.isEncryptionAvailable.mockReturnValue(true)
      safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text')
      await expect(safeStorageCredential(dir).save(credential)).rejects.toThrow(
        /no protected storage/,
      )
    }
    expect(safeStorage.encryptString).not.toHaveBeenCalled()
  })

  it('reads a file it cannot decrypt as "not connected" instead of failing', async () => {
    const store = safeStorageCredential(dir)
    await store.save(credential)
    safeStorage.decryptString.mockImplementationOnce(() => {
      throw new Error('Error while decrypting the ciphertext provided')
    })
    expect(await store.load()).toBeNull()
  })
})

describe('the Electron secret store: the relay device', () => {
  it('keeps only ciphertext on disk, in a 0600 file, and reads the enrollment back', async () => {
    const store = safeStorageRelayDevice(dir)
    await store.save(device)
    const file = join(dir, ENCRYPTED_RELAY_DEVICE_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).not.toContain('device-token-secret-value')
    expect(await safeStorageRelayDevice(dir).load()).toEqual(device)
    expect(store.description).toContain('safeStorage')
    expect(store.description).not.toContain('device-token-secret-value')
  })

  it('forgets the enrollment on clear', async () => {
    const store = safeStorageRelayDevice(dir)
    await store.save(device)
    await store.clear()
    expect(await store.load()).toBeNull()
    await store.clear()
  })

  it('refuses to save when the OS has no real protected storage', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false)
    const refused = safeStorageRelayDevice(dir).save(device)
    await expect(refused).rejects.toBeInstanceOf(TokenStoreUnavailableError)
    await expect(refused).rejects.toThrow(/relay's device token/)
    expect(safeStorage.encryptString).not.toHaveBeenCalled()
  })

  it('reads an undecryptable or damaged file as "not enrolled" (the desk enrolls again)', async () => {
    const store = safeStorageRelayDevice(dir)
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
