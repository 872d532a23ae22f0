// The Electron app's secret store (DESIGN.md §4.4), for the Cal.com credential and the relay
// device token alike: JSON encrypted with safeStorage (Keychain on macOS, DPAPI on Windows,
// libsecret/kwallet on Linux) and written, as ciphertext only, to a 0600 file in the data folder,
// replaced atomically. If the OS offers no real encryption (Linux without a keyring reports the
// 'basic_text' backend) it refuses to save rather than keep a secret in a form anyone with the
// disk can read. What it cannot decrypt reads as absent (the desk asks to connect or enrolls again).
import { safeStorage } from 'electron'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { asStoredCredential, type StoredCredential } from '../core/auth/token-store'
import { relayDeviceFrom, type RelayDevice } from '../core/inbound/relay-device-store'
import {
  writeSecretFile,
  type SecretReader,
  type SecretStore,
} from '../core/secrets/secret-file-store'

export class TokenStoreUnavailableError extends Error {
  override readonly name = 'TokenStoreUnavailableError'
}

export const ENCRYPTED_CREDENTIALS_FILE = 'calcom-credentials.enc'
export const ENCRYPTED_RELAY_DEVICE_FILE = 'relay-device.enc'

export class SafeStorageSecretStore<T> implements SecretStore<T> {
  readonly description: string

  /** `what` names the secret in the refusal a person reads ("the Cal.com sign-in"). */
  constructor(
    readonly file: string,
    private readonly read: SecretReader<T>,
    private readonly what: string,
  ) {
    this.description = `the operating system's protected storage (Electron safeStorage), ciphertext in ${file}`
  }

  async load(): Promise<T | null> {
    let data: Buffer
    try {
      data = await readFile(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    if (!safeStorage.isEncryptionAvailable()) return null
    try {
      return this.read(JSON.parse(safeStorage.decryptString(data)))
    } catch {
      // Written under another OS account or keyring: unreadable here, so as good as absent.
      return null
    }
  }

  async save(value: T): Promise<void> {
    if (!safeStorage.isEncryptionAvailable() || plainTextBackend()) {
      throw new TokenStoreUnavailableError(
        `This computer offers no protected storage for ${this.what} (no keyring is running), so Frontdesk will not keep it.`,
      )
    }
    await writeSecretFile(this.file, safeStorage.encryptString(JSON.stringify(value)))
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true })
  }
}

/** The Cal.com credential of the branch, encrypted in the data folder. */
export function safeStorageCredential(dataDir: string): SafeStorageSecretStore<StoredCredential> {
  return new SafeStorageSecretStore(
    join(dataDir, ENCRYPTED_CREDENTIALS_FILE),
    asStoredCredential,
    'the Cal.com sign-in',
  )
}

/** The relay enrollment (its device token), encrypted in the data folder. */
export function safeStorageRelayDevice(dataDir: string): SafeStorageSecretStore<RelayDevice> {
  return new SafeStorageSecretStore(
    join(dataDir, ENCRYPTED_RELAY_DEVICE_FILE),
    relayDeviceFrom,
    "the relay's device token",
  )
}

function plainTextBackend(): boolean {
  return (
    process.platform === 'linux' &&
    typeof safeStorage.getSelectedStorageBackend === 'function' &&
    safeStorage.getSelectedStorageBackend() === 'basic_text'
  )
}
