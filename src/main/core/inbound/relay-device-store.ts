// Where the desk keeps its relay enrollment. The device token reads this branch's Cal.com events,
// so it is a secret like the Cal.com credential, kept in a secret store
// (secrets/secret-file-store.ts): a 0600 file headless, safeStorage in the Electron app.
import { join } from 'node:path'
import { SecretFileStore, type SecretStore } from '../secrets/secret-file-store'

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

export type RelayDeviceStore = SecretStore<RelayDevice>

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

/** The headless desk's enrollment file in the data folder. */
export function relayDeviceFile(dataDir: string): SecretFileStore<RelayDevice> {
  return new SecretFileStore(join(dataDir, RELAY_DEVICE_FILE), relayDeviceFrom)
}
