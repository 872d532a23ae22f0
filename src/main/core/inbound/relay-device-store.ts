// Where the desk keeps its relay enrollment. The device token reads this branch's Cal.com events,
// so it is a secret like the Cal.com credential: the headless desk keeps it in a file only its
// user can read (0600, replaced atomically); the Electron app may pass a safeStorage-backed store.
import { chmod, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

export interface RelayDevice {
  relayUrl: string
  /** The Cal.com account the device was enrolled for (a different account means re-enroll). */
  calcomAccountId: number
  channelId: string
  deviceId: string
  deviceToken: string
  /**
   * The branch was disconnected while the relay could not be reached to revoke the device: it
   * is never read with again, only kept so the next enrollment can have the relay revoke it.
   */
  retired?: true
}

export interface RelayDeviceStore {
  /** Where it is kept, in words for the log (never the token). */
  readonly description: string
  load(): Promise<RelayDevice | null>
  save(device: RelayDevice): Promise<void>
  clear(): Promise<void>
}

export const RELAY_DEVICE_FILE = 'relay-device.json'

/**
 * Checks a stored enrollment read back from disk (either store), so a damaged or foreign value
 * reads as "not enrolled" and the desk enrolls again; keeps only the known fields.
 */
export function relayDeviceFrom(value: unknown): RelayDevice | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  const strings = ['relayUrl', 'channelId', 'deviceId', 'deviceToken'] as const
  if (strings.some((k) => typeof v[k] !== 'string' || !v[k])) return null
  if (typeof v.calcomAccountId !== 'number') return null
  return {
    relayUrl: v.relayUrl as string,
    calcomAccountId: v.calcomAccountId,
    channelId: v.channelId as string,
    deviceId: v.deviceId as string,
    deviceToken: v.deviceToken as string,
    ...(v.retired === true ? { retired: true as const } : {}),
  }
}

export class FileRelayDeviceStore implements RelayDeviceStore {
  readonly file: string
  readonly description: string

  constructor(dataDir: string) {
    this.file = join(dataDir, RELAY_DEVICE_FILE)
    this.description = `a file readable only by this user (mode 0600): ${this.file}`
  }

  async load(): Promise<RelayDevice | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    await chmod(this.file, 0o600)
    try {
      return relayDeviceFrom(JSON.parse(text))
    } catch {
      return null
    }
  }

  async save(device: RelayDevice): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`
    const handle = await open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(device))
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
