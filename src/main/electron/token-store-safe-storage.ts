// The Electron app's token store (DESIGN.md §4.4): the Cal.com credential encrypted with
// safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and written, as
// ciphertext only, to a 0600 file in the data directory. If the OS offers no real encryption
// (Linux without a keyring reports the 'basic_text' backend) it refuses to save rather than
// keep a token in a form anyone with the disk can read.
import { safeStorage } from 'electron'
import { chmod, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  asStoredCredential,
  type StoredCredential,
  type TokenStore,
} from '../core/auth/token-store'

export const ENCRYPTED_CREDENTIALS_FILE = 'calcom-credentials.enc'

export class TokenStoreUnavailableError extends Error {
  override readonly name = 'TokenStoreUnavailableError'
}

export class SafeStorageTokenStore implements TokenStore {
  readonly file: string
  readonly description: string

  constructor(dataDir: string) {
    this.file = join(dataDir, ENCRYPTED_CREDENTIALS_FILE)
    this.description = `the operating system's protected storage (Electron safeStorage), ciphertext in ${this.file}`
  }

  async load(): Promise<StoredCredential | null> {
    let data: Buffer
    try {
      data = await readFile(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    if (!safeStorage.isEncryptionAvailable()) return null
    try {
      return asStoredCredential(JSON.parse(safeStorage.decryptString(data)))
    } catch {
      // Written under another OS account or keyring: unreadable here, so not connected.
      return null
    }
  }

  async save(credential: StoredCredential): Promise<void> {
    if (!safeStorage.isEncryptionAvailable() || this.#plainTextBackend()) {
      throw new TokenStoreUnavailableError(
        'This computer offers no protected storage for the Cal.com sign-in (no keyring is running), so Frontdesk will not keep it.',
      )
    }
    const data = safeStorage.encryptString(JSON.stringify(credential))
    const tmp = `${this.file}.${process.pid}.tmp`
    const handle = await open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await chmod(tmp, 0o600)
    await rename(tmp, this.file)
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true })
  }

  #plainTextBackend(): boolean {
    return (
      process.platform === 'linux' &&
      typeof safeStorage.getSelectedStorageBackend === 'function' &&
      safeStorage.getSelectedStorageBackend() === 'basic_text'
    )
  }
}
