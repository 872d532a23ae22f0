// The Electron app's token store (DESIGN.md §4.4): the Cal.com credential, encrypted with
// safeStorage into a 0600 file in the data directory (see safe-storage-file.ts).
import { join } from 'node:path'
import {
  asStoredCredential,
  type StoredCredential,
  type TokenStore,
} from '../core/auth/token-store'
import { SafeStorageFile } from './safe-storage-file'

export { TokenStoreUnavailableError } from './safe-storage-file'

export const ENCRYPTED_CREDENTIALS_FILE = 'calcom-credentials.enc'

export class SafeStorageTokenStore implements TokenStore {
  readonly file: string
  readonly description: string
  readonly #secret: SafeStorageFile

  constructor(dataDir: string) {
    this.file = join(dataDir, ENCRYPTED_CREDENTIALS_FILE)
    this.#secret = new SafeStorageFile(this.file)
    this.description = `the operating system's protected storage (Electron safeStorage), ciphertext in ${this.file}`
  }

  async load(): Promise<StoredCredential | null> {
    return asStoredCredential(await this.#secret.read())
  }

  save(credential: StoredCredential): Promise<void> {
    return this.#secret.write(credential, 'the Cal.com sign-in')
  }

  clear(): Promise<void> {
    return this.#secret.remove()
  }
}
