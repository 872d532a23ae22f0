// Who is signed in at this desk (DESIGN.md §7). Until the desk holds a business no one signs in
// and every route is open as before. After, one person at a time is signed in: a PIN checked
// against the copied hash (offline too), five wrong in a row lock that person here for five
// minutes, the session ends after some idle minutes (a setting, 10 by default), when the OS locks
// (the Electron shell calls signOut), and when the person leaves the business copy.
import type { Logger } from 'pino'
import type { Role } from '../../../shared/people/roles'
import type { AuditStore } from '../audit/audit-store'
import { DeskError } from '../errors/desk-error'
import { ValidationError } from '../errors/validation-error'
import type { LiveBus } from '../live/live-bus'
import type { SettingsStore } from '../settings/settings-store'
import type { BusinessStore, CopiedPerson } from './business-store'
import { pinMatches } from './pin-check'
import type { PinLockoutStore } from './pin-lockout-store'
import type { AuditAction } from '../../../shared/api/audit-actions'

export const IDLE_MINUTES_SETTING = 'signIn.idleMinutes'
export const DEFAULT_IDLE_MINUTES = 10
export const MAX_WRONG_PINS = 5
export const LOCK_MS = 5 * 60_000

export type SignOutReason = 'user' | 'idle' | 'os-lock' | 'removed' | 'switch'

/** What changed at this desk's sign-in, for an app that shares it across its branches. */
export type SessionChange =
  | { kind: 'signedIn'; personId: string; businessId: string | null }
  | { kind: 'signedOut'; reason: SignOutReason }
  | { kind: 'activity' }

export interface SignedIn {
  id: string
  name: string
  role: Role
}

export interface SignInDeps {
  business: BusinessStore
  lockouts: PinLockoutStore
  settings: SettingsStore
  audit: AuditStore
  bus: LiveBus
  logger: Logger
  /** This desk's relay channel: admins and receptionists sign in only at their branches. */
  channelId: () => string | null
  now?: () => number
}

export class SignIn {
  #session: { personId: string; lastActivity: number } | null = null
  #idleTimer: NodeJS.Timeout | null = null
  readonly #now: () => number
  readonly #watchers = new Set<(change: SessionChange) => void>()

  constructor(private readonly d: SignInDeps) {
    this.#now = d.now ?? Date.now
  }

  /** Sign-in is needed once the desk holds a business. */
  required(): boolean {
    return this.d.business.current() !== null
  }

  /** The people who may sign in at this desk: active, and owners or of this branch. */
  people(): CopiedPerson[] {
    const channel = this.d.channelId()
    return this.d.business
      .people()
      .filter(
        (p) => p.active && (p.role === 'owner' || channel === null || p.branches.includes(channel)),
      )
  }

  /** The person signed in now; an idle session ends here, however it is asked. */
  current(): SignedIn | null {
    const session = this.#session
    if (!session) return null
    if (this.#now() - session.lastActivity >= this.idleMinutes() * 60_000) {
      this.signOut('idle')
      return null
    }
    const person = this.people().find((p) => p.id === session.personId)
    if (!person) {
      this.signOut('removed')
      return null
    }
    return { id: person.id, name: person.name, role: person.role }
  }

  /** Something the person did: the idle clock starts again. */
  touch(): void {
    if (!this.#session) return
    this.#session.lastActivity = this.#now()
    this.#armIdleTimer()
    this.#tell({ kind: 'activity' })
  }

  /** Calls `listener` after each sign-in, sign-out and activity here; returns how to stop. */
  watch(listener: (change: SessionChange) => void): () => void {
    this.#watchers.add(listener)
    return () => this.#watchers.delete(listener)
  }

  /** The business this desk's copy is of; null before one is set up. */
  businessId(): string | null {
    return this.d.business.current()?.id ?? null
  }

  /**
   * Signs in a person whose PIN another branch of this app has just checked, when they may sign
   * in here; false (and no one signed in by it) when they may not. Not told to watchers: the app
   * that asked knows.
   */
  adopt(personId: string, fromBranch: string): boolean {
    const person = this.people().find((p) => p.id === personId)
    if (!person) return false
    if (this.#session?.personId === personId) {
      this.#session.lastActivity = this.#now()
      this.#armIdleTimer()
      return true
    }
    if (this.#session) this.#endSession('switch')
    this.#session = { personId, lastActivity: this.#now() }
    this.#armIdleTimer()
    this.#audit('session.signIn', person, { via: 'app', branch: fromBranch })
    this.d.logger.info({ personId, role: person.role, fromBranch }, 'signed in by the app')
    this.d.bus.publish({ type: 'people' })
    return true
  }

  async signIn(personId: string, pin: string): Promise<SignedIn> {
    const person = this.people().find((p) => p.id === personId)
    if (!person) {
      throw new ValidationError(
        'personId',
        'not_available',
        `personId "${personId}" is no one who may sign in at this desk`,
      )
    }
    const now = this.#now()
    const lock = this.d.lockouts.of(personId)
    if (lock.lockedUntil !== null && lock.lockedUntil > now) throw lockedError(lock.lockedUntil)
    if (!(await pinMatches(person.pinHash, pin))) {
      const failures = (lock.lockedUntil !== null ? 0 : lock.failures) + 1
      if (failures >= MAX_WRONG_PINS) {
        const until = now + LOCK_MS
        this.d.lockouts.put(personId, { failures: 0, lockedUntil: until })
        this.#audit('session.locked', person, { until: new Date(until).toISOString() })
        this.d.logger.warn({ personId }, 'too many wrong PINs: person locked at this desk')
        throw lockedError(until)
      }
      this.d.lockouts.put(personId, { failures, lockedUntil: null })
      throw new DeskError('PIN_WRONG', 'Wrong PIN', 'pin', undefined, {
        attemptsLeft: MAX_WRONG_PINS - failures,
      })
    }
    this.d.lockouts.clear(personId)
    if (this.#session && this.#session.personId !== personId) this.signOut('switch')
    this.#session = { personId, lastActivity: now }
    this.#armIdleTimer()
    this.#audit('session.signIn', person, {})
    this.d.logger.info({ personId, role: person.role }, 'signed in')
    this.d.bus.publish({ type: 'people' })
    this.#tell({ kind: 'signedIn', personId, businessId: this.businessId() })
    return { id: person.id, name: person.name, role: person.role }
  }

  signOut(reason: SignOutReason): void {
    if (this.#endSession(reason)) this.#tell({ kind: 'signedOut', reason })
  }

  /** Ends the session here; false when no one was signed in. */
  #endSession(reason: SignOutReason): boolean {
    const session = this.#session
    if (!session) return false
    this.#session = null
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
    const person = this.d.business.person(session.personId)
    this.#audit('session.signOut', person ?? { id: session.personId, name: '' }, { reason })
    this.d.logger.info({ personId: session.personId, reason }, 'signed out')
    this.d.bus.publish({ type: 'people' })
    return true
  }

  #tell(change: SessionChange): void {
    for (const listener of [...this.#watchers]) listener(change)
  }

  /** The business copy changed: a person who left it, or may no longer sign in here, is out. */
  businessChanged(): void {
    this.current()
    this.d.bus.publish({ type: 'people' })
  }

  idleMinutes(): number {
    const stored = Number(this.d.settings.get(IDLE_MINUTES_SETTING))
    return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_MINUTES
  }

  setIdleMinutes(minutes: number): void {
    const before = this.idleMinutes()
    this.d.settings.set(IDLE_MINUTES_SETTING, String(minutes))
    this.d.audit.record({
      action: 'settings.idleSignOutMinutes',
      target: 'settings:signIn',
      detail: { before, after: minutes },
    })
    this.#armIdleTimer()
  }

  close(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
  }

  /** Ends an idle session on time even when nothing asks, so the UI hears of it. */
  #armIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    const session = this.#session
    if (!session) return
    const due = session.lastActivity + this.idleMinutes() * 60_000 - this.#now()
    this.#idleTimer = setTimeout(() => this.current(), Math.max(0, due) + 50)
    this.#idleTimer.unref()
  }

  #audit(
    action: AuditAction,
    person: { id: string; name: string },
    detail: Record<string, unknown>,
  ) {
    this.d.audit.record({
      action,
      target: `person:${person.id}`,
      detail,
      person: { id: person.id, name: person.name },
    })
  }
}

function lockedError(until: number): DeskError {
  const at = new Date(until).toISOString()
  return new DeskError(
    'PIN_LOCKED',
    `Too many wrong PINs: this person can sign in at this desk again at ${at}`,
    'pin',
    undefined,
    { until: at },
  )
}
