// A secret kept the way the Electron app keeps all of them: JSON encrypted with safeStorage
// (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and written, as ciphertext
// only, to a 0600 file replaced atomically. If the OS offers no real encryption (Linux without a
// keyring reports the 'basic_text' backend) it refuses to save rather than keep a secret in a
// form anyone with the disk can read.
import { safeStorage } from 'electron'
import { chmod, open, readFile, rename, rm } from 'node:fs/promises'

export class TokenStoreUnavailableError extends Error {
  override readonly name = 'TokenStoreUnavailableError'
}

export class SafeStorageFile {
  constructor(readonly file: string) {}

  /** The decrypted JSON value; null when there is none or it cannot be decrypted here. */
  async read(): Promise<unknown> {
    let data: Buffer
    try {
      data = await readFile(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    if (!safeStorage.isEncryptionAvailable()) return null
    try {
      return JSON.parse(safeStorage.decryptString(data)) as unknown
    } catch {
      // Written under another OS account or keyring: unreadable here, so as good as absent.
      return null
    }
  }

  async write(value: unknown, what: string): Promise<void> {
    if (!safeStorage.isEncryptionAvailable() || plainTextBackend()) {
      throw new TokenStoreUnavailableError(
        `This computer offers no protected storage for ${what} (no keyring is running), so Frontdesk will not keep it.`,
      )
    }
    const data = safeStorage.encryptString(JSON.stringify(value))
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

  async remove(): Promise<void> {
    await rm(this.file, { force: true })
  }
}

function plainTextBackend(): boolean {
  return (
    process.platform === 'linux' &&
    typeof safeStorage.getSelectedStorageBackend === 'function' &&
    safeStorage.getSelectedStorageBackend() === 'basic_text'
  )
}
