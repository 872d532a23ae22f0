import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StoredCredential } from '../core/auth/token-store'

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

const { SafeStorageTokenStore, ENCRYPTED_CREDENTIALS_FILE, TokenStoreUnavailableError } =
  await import('./token-store-safe-storage')

const credential: StoredCredential = {
  kind: 'oauth',
  accessToken: 'access-token-value',
  refreshToken: 'refresh-token-value',
  expiresAt: 1_800_000_000_000,
  clientId: 'frontdesk-desk',
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-safe-storage-'))
  vi.clearAllMocks()
  safeStorage.isEncryptionAvailable.mockReturnValue(true)
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the Electron token store', () => {
  it('keeps only ciphertext on disk, in a 0600 file, and reads it back', async () => {
    const store = new SafeStorageTokenStore(dir)
    await store.save(credential)
    const file = join(dir, ENCRYPTED_CREDENTIALS_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const onDisk = readFileSync(file, 'utf8')
    expect(onDisk).not.toContain('access-token-value')
    expect(onDisk).not.toContain('refresh-token-value')
    expect(await new SafeStorageTokenStore(dir).load()).toEqual(credential)
    expect(store.description).toContain('safeStorage')
  })

  it('forgets the credential on clear', async () => {
    const store = new SafeStorageTokenStore(dir)
    await store.save({ kind: 'apiKey', apiKey: 'cal_live_abc' })
    await store.clear()
    expect(await store.load()).toBeNull()
    await store.clear()
  })

  it('refuses to save when the OS has no real protected storage', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false)
    await expect(new SafeStorageTokenStore(dir).save(credential)).rejects.toBeInstanceOf(
      TokenStoreUnavailableError,
    )
    if (process.platform === 'linux') {
      safeStorage.isEncryptionAvailable.mockReturnValue(true)
      safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text')
      await expect(new SafeStorageTokenStore(dir).save(credential)).rejects.toThrow(
        /no protected storage/,
      )
    }
    expect(safeStorage.encryptString).not.toHaveBeenCalled()
  })

  it('reads a file it cannot decrypt as "not connected" instead of failing', async () => {
    const store = new SafeStorageTokenStore(dir)
    await store.save(credential)
    safeStorage.decryptString.mockImplementationOnce(() => {
      throw new Error('Error while decrypting the ciphertext provided')
    })
    expect(await store.load()).toBeNull()
  })
})
