// The headless desk's token store: one JSON file in the data directory, mode 0600 (readable
// and writable by the desk's user only), replaced atomically so a crash never leaves half a token.
import { chmod, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { asStoredCredential, type StoredCredential, type TokenStore } from './token-store'

export const CREDENTIALS_FILE = 'calcom-credentials.json'

export class FileTokenStore implements TokenStore {
  readonly file: string
  readonly description: string

  constructor(dataDir: string) {
    this.file = join(dataDir, CREDENTIALS_FILE)
    this.description = `a file readable only by this user (mode 0600): ${this.file}`
  }

  async load(): Promise<StoredCredential | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    // Tighten a file someone loosened by hand before reading it again.
    await chmod(this.file, 0o600)
    try {
      return asStoredCredential(JSON.parse(text))
    } catch {
      return null
    }
  }

  async save(credential: StoredCredential): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`
    const handle = await open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(credential))
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
}
