// Where the desk keeps a secret (the branch's Cal.com credential, the relay device token): the
// core knows only SecretStore. The headless desk keeps each in a JSON file in the data folder that
// only its user can read (mode 0600), replaced atomically so a crash never leaves half a secret;
// the Electron app encrypts them with the OS keychain (src/main/electron/safe-storage-secret-store.ts).
import { chmod, open, readFile, rename, rm } from 'node:fs/promises'

export interface SecretStore<T> {
  /** Where it is kept, in words for the log (never the secret itself). */
  readonly description: string
  /** The secret, or null when there is none or what is kept is not a valid one. */
  load(): Promise<T | null>
  save(value: T): Promise<void>
  clear(): Promise<void>
}

/**
 * Checks a value read back (from either kind of store), so a damaged or foreign one reads as "no
 * secret" rather than a crash; keeps only the known fields.
 */
export type SecretReader<T> = (value: unknown) => T | null

export class SecretFileStore<T> implements SecretStore<T> {
  readonly description: string

  constructor(
    readonly file: string,
    private readonly read: SecretReader<T>,
  ) {
    this.description = `a file readable only by this user (mode 0600): ${file}`
  }

  async load(): Promise<T | null> {
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
      return this.read(JSON.parse(text))
    } catch {
      return null
    }
  }

  async save(value: T): Promise<void> {
    await writeSecretFile(this.file, JSON.stringify(value))
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true })
  }
}

/** Writes `data` to a 0600 file, atomically: a temporary file synced, then renamed over it. */
export async function writeSecretFile(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`
  const handle = await open(tmp, 'w', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await chmod(tmp, 0o600)
  await rename(tmp, file)
}
