// The Electron app's relay enrollment store: the device token reads this branch's Cal.com events,
// so it is kept like the Cal.com credential, encrypted with safeStorage into a 0600 file in the
// data directory (see safe-storage-file.ts). Unreadable means "not enrolled": the desk enrolls again.
import { join } from 'node:path'
import {
  relayDeviceFrom,
  type RelayDevice,
  type RelayDeviceStore,
} from '../core/inbound/relay-device-store'
import { SafeStorageFile } from './safe-storage-file'

export const ENCRYPTED_RELAY_DEVICE_FILE = 'relay-device.enc'

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
    return relayDeviceFrom(await this.#secret.read())
  }

  save(device: RelayDevice): Promise<void> {
    return this.#secret.write(device, "the relay's device token")
  }

  clear(): Promise<void> {
    return this.#secret.remove()
  }
}
