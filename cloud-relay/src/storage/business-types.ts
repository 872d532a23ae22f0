// The business and its people as the relay stores them (DESIGN.md §7). The people live in one
// versioned document per business: every change replaces it whole under a compare-and-set on the
// version, so a change and its audit row commit together or not at all.
import type { CancellationPolicy } from '../../../src/shared/cancellation/late-cancellation.js'
import type { Role } from '../../../src/shared/people/roles.js'

export interface StoredPerson {
  id: string
  name: string
  email: string
  language: string
  role: Role
  /** Channel ids of the branches an admin or receptionist works at; the owner's is empty. */
  branches: string[]
  /** argon2id, PHC string. */
  pinHash: string
  active: boolean
}

export interface BusinessDoc {
  name: string
  people: StoredPerson[]
  /** Per service; set by owners and admins, read out at cancelling, deciding what is late. */
  cancellationPolicies: CancellationPolicy[]
  /** What the business calls each branch, by channel id; a branch not named here has none yet. */
  branchNames: Record<string, string>
}

export interface StoredBusiness extends BusinessDoc {
  id: string
  version: number
  /** The channels (branches) of the business, in the order they joined. */
  channelIds: string[]
}

export interface AuditEntry {
  /** The acting person; null only where no person acts yet. */
  personId: string | null
  deviceId: string
  action: string
  detail: Record<string, unknown>
  at: Date
}

export interface StoredAuditEntry extends AuditEntry {
  businessId: string
  version: number
}

export interface PinLock {
  failures: number
  lockedUntil: Date | null
}

export interface BusinessStorage {
  /** False when the channel already belongs to a business. */
  createBusiness(b: {
    id: string
    channelId: string
    doc: BusinessDoc
    audit: AuditEntry
  }): Promise<boolean>
  businessOfChannel(channelId: string): Promise<StoredBusiness | undefined>
  /** Replaces the document when the stored version is still `expectedVersion`; false if not. */
  updateBusiness(
    id: string,
    expectedVersion: number,
    doc: BusinessDoc,
    audit: AuditEntry,
  ): Promise<boolean>
  listAudit(businessId: string): Promise<StoredAuditEntry[]>

  addJoinCode(c: { codeHash: string; businessId: string; expiresAt: Date }): Promise<void>
  /**
   * Spends a join code: when unused and unexpired at `now`, marks it used and adds the channel
   * to its business (new version, audited). Returns the business joined, or undefined.
   */
  redeemJoinCode(c: {
    codeHash: string
    channelId: string
    now: Date
    audit: AuditEntry
  }): Promise<string | undefined>

  pinLock(personId: string): Promise<PinLock>
  /** Counts a wrong PIN; the `max`th in a row locks the person until `now + lockMs`. */
  pinFailed(personId: string, now: Date, max: number, lockMs: number): Promise<PinLock>
  pinPassed(personId: string): Promise<void>
}
