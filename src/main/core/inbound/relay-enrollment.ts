// This desk's device at the relay: enrolled with the branch's Cal.com credential when there is
// none for this relay and account, kept in the device store, and given up on disconnect.
import type { Logger } from 'pino'
import type { BranchStore } from '../branch/branch-store'
import type { BranchConnection } from '../connect/branch-connection'
import { RelayProblem, enrollDevice, revokeDevice } from './relay-client'
import type { RelayCursorStore } from './relay-cursor-store'
import type { RelayDevice, RelayDeviceStore } from './relay-device-store'

export interface RelayEnrollmentOptions {
  relayUrl: string | null
  branches: BranchStore
  connection: BranchConnection
  cursor: RelayCursorStore
  deviceStore: RelayDeviceStore
  logger: Logger
  /** Before enrolling (sync health shows the relay as enrolling). */
  onEnrolling: () => void
  /** A new device was enrolled (not one loaded from the store). */
  onEnrolled: (device: RelayDevice) => void
}

export class RelayEnrollment {
  #device: RelayDevice | null = null
  /**
   * The enrollment under way, shared by everyone who asks for the device meanwhile. The feed, the
   * reports, the desk events and the business copy all ask at start; each enrolling on its own
   * left the relay with two active devices for one desk, the second holding back retention.
   */
  #enrolling: { key: string; done: Promise<RelayDevice> } | null = null

  constructor(private readonly o: RelayEnrollmentOptions) {}

  /**
   * The device already enrolled for this relay and account, or null: never enrolls. For those
   * that only report (a disconnect under way must not enroll a device again behind it).
   */
  async enrolled(): Promise<RelayDevice | null> {
    const accountId = this.o.branches.current().calcomAccountId
    const fits = (d: RelayDevice | null) =>
      d !== null &&
      !d.retired &&
      d.relayUrl === this.o.relayUrl &&
      accountId !== null &&
      d.calcomAccountId === accountId
    if (fits(this.#device)) return this.#device
    const stored = await this.o.deviceStore.load()
    return fits(stored) ? stored : null
  }

  /** The enrolled device for this relay and account, enrolling when there is none. */
  async device(): Promise<RelayDevice> {
    const relayUrl = this.o.relayUrl!
    const accountId = this.o.branches.current().calcomAccountId
    if (accountId === null)
      throw new RelayProblem('NOT_CONNECTED', 'The branch has no Cal.com account')
    if (this.#device?.relayUrl === relayUrl && this.#device.calcomAccountId === accountId)
      return this.#device
    const key = `${relayUrl} ${accountId}`
    if (this.#enrolling?.key === key) return this.#enrolling.done
    const done = this.#deviceFor(relayUrl, accountId)
    const enrolling = { key, done }
    this.#enrolling = enrolling
    try {
      return await done
    } finally {
      if (this.#enrolling === enrolling) this.#enrolling = null
    }
  }

  async #deviceFor(relayUrl: string, accountId: number): Promise<RelayDevice> {
    const fits = (d: RelayDevice | null) =>
      d?.relayUrl === relayUrl && d.calcomAccountId === accountId
    if (fits(this.#device)) return this.#device!
    const stored = await this.o.deviceStore.load()
    if (stored && !stored.retired && fits(stored)) return (this.#device = stored)

    const provider = this.o.connection.tokenProvider()
    if (!provider) throw new RelayProblem('NOT_CONNECTED', 'The branch is not connected to Cal.com')
    const bearer = await provider.bearer()
    if (!bearer.ok) throw new RelayProblem('CALCOM_AUTH', bearer.error.message)
    this.o.onEnrolling()
    const device = await enrollDevice({
      relayUrl,
      calcomAccountId: accountId,
      calcom: provider.kind === 'apiKey' ? { apiKey: bearer.value } : { accessToken: bearer.value },
      // The device held before (another account's, or one retired at disconnect) is revoked by
      // the relay in the same step, so no device of this desk is left holding back retention.
      replacesDeviceToken: stored?.relayUrl === relayUrl ? stored.deviceToken : undefined,
    })
    await this.o.deviceStore.save(device)
    this.o.onEnrolled(device)
    const branchId = this.o.branches.current().id
    const held = this.o.cursor.row(branchId)
    // A new channel (another account) numbers its events from scratch.
    const lastSeq = held && held.channelId === device.channelId ? held.lastSeq : 0
    this.o.cursor.enrolled(branchId, device.channelId, device.deviceId, lastSeq)
    this.o.logger.info(
      {
        channelId: device.channelId,
        deviceId: device.deviceId,
        store: this.o.deviceStore.description,
      },
      'enrolled with the relay',
    )
    return (this.#device = device)
  }

  /** The relay no longer knows the device: enroll again next time. */
  async forget(): Promise<void> {
    await this.#settled()
    this.#device = null
    await this.o.deviceStore.clear()
  }

  /**
   * Revokes the device at the relay and forgets it: an active device no desk reads would hold
   * back the relay's retention for its channel. When the relay cannot be told, the device is
   * kept, unused, for the next enrollment to replace.
   */
  async retire(): Promise<void> {
    // An enrollment under way would save its device after this one was given up: one active
    // device at the relay for a disconnected desk. It ends first, and is retired with the rest.
    await this.#settled()
    this.#device = null
    const device = await this.o.deviceStore.load()
    if (!device) return
    if (await revokeDevice(device)) {
      await this.o.deviceStore.clear()
      this.o.logger.info({ deviceId: device.deviceId }, 'relay device revoked and forgotten')
      return
    }
    await this.o.deviceStore.save({ ...device, retired: true })
    this.o.logger.warn(
      { deviceId: device.deviceId },
      'the relay could not be reached to revoke this desk’s device; the next enrollment will',
    )
  }

  /** Waits for the enrollment under way, if any, however it ends. */
  async #settled(): Promise<void> {
    await this.#enrolling?.done.catch(() => undefined)
  }
}
