// The Electron app's relay enrollment store: the device token reads this branch's Cal.com events,
// so it is kept like the Cal.com credential, encrypted with safeStorage into a 0600 file in the
// data directory (see safe-storage-file.ts). Unreadable means "not enrolled": the desk enrolls again.
import { join } from 'node:path'
import type { RelayDevice, RelayDeviceStore } from '../core/sync/relay-device-store'
import { SafeStorageFile } from './safe-storage-file'

export const ENCRYPTED_RELAY_DEVICE_FILE = 'relay-device.enc'

/** Checks what was read back, so a damaged or foreign value reads as "not enrolled". */
function asRelayDevice(value: unknown): RelayDevice | null {
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
  }
}

export class SafeStorageRelayDeviceStore implements RelayDeviceStore {
  readonly file: string
  readonly description: string
  readonly #secret: SafeStorageFile

  constructor(dataDir: string) {
    this.file = join(dataDir, ENCRYPTED_RELAY_DEVICE_FILE)
    this.#secret = new SafeStorageFile(this.file)
    this.description = `the operating system's protected storage (Electron safeStorage), ciphertext in ${this.file}`
  }

  async load(): Promise<RelayDevice | null> {
    return asRelayDevice(await this.#secret.read())
  }

  save(device: RelayDevice): Promise<void> {
    return this.#secret.write(device, "the relay's device token")
  }

  clear(): Promise<void> {
    return this.#secret.remove()
  }
}
