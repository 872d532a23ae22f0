// Keeping the desk's copy of its business current (DESIGN.md §7): read from the relay when the
// relay comes online and whenever a FRONTDESK_BUSINESS_CHANGED event arrives through the inbox,
// kept when newer. Setting up a business or joining one goes through the relay too; the copy is
// never the authority, only what lets people sign in offline.
import type { Logger } from 'pino'
import type { CreateBusinessRequest } from '../../../shared/relay/relay-contract'
import { DeskError } from '../errors/desk-error'
import type { BusinessStore } from '../people/business-store'
import type { SignIn } from '../people/sign-in'
import type {
  AddPersonRequest,
  RemoveCancellationPolicyRequest,
  SetCancellationPolicyRequest,
  JoinCodeResponse,
  PersonChangeResponse,
  RenameBranchRequest,
  RenameBranchResponse,
  UpdatePersonRequest,
} from '../../../shared/relay/relay-contract'
import {
  putCancellationPolicy,
  addPerson,
  changePerson,
  createBusiness,
  fetchBusiness,
  joinBusiness,
  makeJoinCode,
  renameBranch,
  type Asking,
} from './relay-business'
import type { RelayDevice } from './relay-device-store'

export interface BusinessCopyOptions {
  store: BusinessStore
  signIn: SignIn
  logger: Logger
  /** The desk's enrolled relay device; null when there is no relay or the branch is not connected. */
  device: () => Promise<RelayDevice | null>
  /**
   * The relay's snapshot could not be read (`message` names the call and the field): sync health
   * lists it, since no one asked for this read and the copy, kept as it was, may be out of date.
   */
  onBadAnswer?: (message: string) => void
}

export class BusinessCopy {
  #refreshing: Promise<void> | null = null
  #again = false

  constructor(private readonly o: BusinessCopyOptions) {}

  /** Reads the relay's snapshot and keeps it if newer; failures are logged (the copy stays). */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true
      return this.#refreshing
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false
        await this.#refreshOnce()
      } while (this.#again)
    })().finally(() => (this.#refreshing = null))
    return this.#refreshing
  }

  async create(request: CreateBusinessRequest): Promise<void> {
    const device = await this.#device()
    this.#keep(await createBusiness(device, request))
  }

  async join(code: string): Promise<void> {
    const device = await this.#device()
    this.#keep(await joinBusiness(device, { code }))
  }

  /** A join code for another branch (owners); the relay checks the actor's PIN. */
  async joinCode(
    actor: { personId: string; pin: string },
    asking: Asking,
  ): Promise<JoinCodeResponse> {
    return makeJoinCode(await this.#device(), { actor }, asking)
  }

  /** Adds a person at the relay, then reads the new copy so this desk knows them at once. */
  async addPerson(request: AddPersonRequest, asking: Asking): Promise<PersonChangeResponse> {
    const answer = await addPerson(await this.#device(), request, asking)
    await this.refresh()
    return answer
  }

  async changePerson(
    personId: string,
    request: UpdatePersonRequest,
    asking: Asking,
  ): Promise<PersonChangeResponse> {
    const answer = await changePerson(await this.#device(), personId, request, asking)
    await this.refresh()
    return answer
  }

  /** Names a branch at the relay, then reads the new copy so this desk shows the name at once. */
  async renameBranch(
    channelId: string,
    request: RenameBranchRequest,
    asking: Asking,
  ): Promise<RenameBranchResponse> {
    const answer = await renameBranch(await this.#device(), channelId, request, asking)
    await this.refresh()
    return answer
  }

  /**
   * Sets (`windowHours` and `text`) or removes one service's cancellation policy at this desk's
   * branch; the relay checks the actor, then this desk reads the new copy.
   */
  async setCancellationPolicy(
    calcomEventTypeId: number,
    request: SetCancellationPolicyRequest | RemoveCancellationPolicyRequest,
    asking: Asking,
  ): Promise<void> {
    const device = await this.#device()
    await putCancellationPolicy(
      device,
      { branchId: device.channelId, calcomEventTypeId },
      request,
      asking,
    )
    await this.refresh()
  }

  async #refreshOnce(): Promise<void> {
    try {
      const device = await this.o.device()
      if (!device) return
      const snapshot = await fetchBusiness(device)
      if (snapshot) this.#keep(snapshot)
    } catch (err) {
      this.o.logger.warn(
        { err: { code: (err as DeskError).code, message: (err as Error).message } },
        'could not read the business from the relay; keeping the copy',
      )
      if (err instanceof DeskError && err.code === 'RELAY_NOT_UNDERSTOOD')
        this.o.onBadAnswer?.(err.message)
    }
  }

  #keep(snapshot: Parameters<BusinessStore['replace']>[0]): void {
    if (!this.o.store.replace(snapshot)) return
    this.o.logger.info(
      { businessId: snapshot.businessId, version: snapshot.version },
      'business copy updated',
    )
    this.o.signIn.businessChanged()
  }

  async #device(): Promise<RelayDevice> {
    let device: RelayDevice | null
    try {
      device = await this.o.device()
    } catch (err) {
      throw new DeskError(
        'NOT_ENROLLED',
        `This desk is not enrolled at the relay yet: ${(err as Error).message}`,
      )
    }
    if (!device) {
      throw new DeskError(
        'NOT_ENROLLED',
        'Connect the branch to Cal.com (with a relay configured) before setting up a business',
      )
    }
    return device
  }
}
