// The desk's copy of its business (business_copy, business_people): replaced whole by a newer
// snapshot from the relay, read for sign-in and roles. PIN hashes never leave this store except
// to the sign-in check.
import { asc, eq, sql } from 'drizzle-orm'
import type { CancellationPolicy } from '../../../shared/cancellation/late-cancellation'
import type { Role } from '../../../shared/people/roles'
import type { BusinessSnapshot } from '../../../shared/relay/relay-contract'
import type { DeskDb } from '../db/open-database'
import { businessCopy, businessPeople, settings } from '../db/schema'

/**
 * The copy's cancellation policies (every branch's) sit in `settings` under this key: the copy's
 * own tables have no place for them, and a settings row written in the copy's transaction is
 * replaced with it.
 */
const POLICIES_KEY = 'business.cancellationPolicies'
/** The branches' names (by channel id), kept beside the policies for the same reason. */
const BRANCH_NAMES_KEY = 'business.branchNames'

export interface BusinessCopy {
  id: string
  name: string
  version: number
  branches: string[]
}

export interface CopiedPerson {
  id: string
  name: string
  email: string
  language: string
  role: Role
  branches: string[]
  pinHash: string
  active: boolean
}

export class BusinessStore {
  readonly #business
  readonly #people
  readonly #person
  readonly #policies
  readonly #branchNames
  // Replacing the copy, prepared once like its reads.
  readonly #dropBusiness
  readonly #dropPeople
  readonly #insertBusiness
  readonly #insertPerson
  readonly #setSetting

  constructor(private readonly db: DeskDb) {
    this.#dropBusiness = db.delete(businessCopy).prepare()
    this.#dropPeople = db.delete(businessPeople).prepare()
    this.#insertBusiness = db
      .insert(businessCopy)
      .values({
        id: sql.placeholder('id'),
        name: sql.placeholder('name'),
        version: sql.placeholder('version'),
        branches: sql.placeholder('branches'),
      })
      .prepare()
    this.#insertPerson = db
      .insert(businessPeople)
      .values({
        id: sql.placeholder('id'),
        name: sql.placeholder('name'),
        email: sql.placeholder('email'),
        language: sql.placeholder('language'),
        role: sql.placeholder('role'),
        branches: sql.placeholder('branches'),
        pinHash: sql.placeholder('pinHash'),
        active: sql.placeholder('active'),
      })
      .prepare()
    this.#setSetting = db
      .insert(settings)
      .values({ key: sql.placeholder('key'), value: sql.placeholder('value') })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
      .prepare()
    this.#branchNames = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, BRANCH_NAMES_KEY))
      .prepare()
    this.#policies = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, POLICIES_KEY))
      .prepare()
    this.#business = db.select().from(businessCopy).limit(1).prepare()
    this.#people = db.select().from(businessPeople).orderBy(asc(businessPeople.name)).prepare()
    this.#person = db
      .select()
      .from(businessPeople)
      .where(eq(businessPeople.id, sql.placeholder('id')))
      .prepare()
  }

  current(): BusinessCopy | null {
    const row = this.#business.get()
    return row ? { id: row.id, name: row.name, version: row.version, branches: row.branches } : null
  }

  people(): CopiedPerson[] {
    return this.#people.all()
  }

  person(id: string): CopiedPerson | undefined {
    return this.#person.get({ id })
  }

  /** The business's cancellation policies as copied (none before a business, or from an older relay). */
  cancellationPolicies(): CancellationPolicy[] {
    const row = this.#policies.get()
    return row ? (JSON.parse(row.value) as CancellationPolicy[]) : []
  }

  /** What the business calls each branch, by channel id (a branch not yet named has no entry). */
  branchNames(): Record<string, string> {
    const row = this.#branchNames.get()
    return row ? (JSON.parse(row.value) as Record<string, string>) : {}
  }

  /**
   * Keeps the snapshot when it is newer than the copy (or of another business: the branch was
   * joined elsewhere). True when the copy changed.
   */
  replace(snapshot: BusinessSnapshot): boolean {
    // The prepared statements run on the one connection, so inside this transaction.
    return this.db.transaction(() => {
      const held = this.#business.get()
      if (held && held.id === snapshot.businessId && held.version >= snapshot.version) return false
      this.#dropBusiness.run()
      this.#dropPeople.run()
      this.#insertBusiness.run({
        id: snapshot.businessId,
        name: snapshot.name,
        version: snapshot.version,
        branches: snapshot.branches.map((b) => b.channelId),
      })
      for (const person of snapshot.people) this.#insertPerson.run({ ...person })
      this.#setSetting.run({
        key: POLICIES_KEY,
        value: JSON.stringify(snapshot.cancellationPolicies ?? []),
      })
      const names = Object.fromEntries(
        snapshot.branches.flatMap((b) => (b.name ? [[b.channelId, b.name]] : [])),
      )
      this.#setSetting.run({ key: BRANCH_NAMES_KEY, value: JSON.stringify(names) })
      return true
    })
  }
}
