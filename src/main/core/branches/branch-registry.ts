// The branches an app holds beside its first one (DESIGN.md §9): `branches.json` in the data
// folder, and one folder per branch under `branches/<key>/` with its own database, Cal.com
// credential and relay device. The first branch keeps living in the data folder itself, so a
// desk that held one branch before reads its data where it always was.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BRANCH_KEY_PATTERN, PRIMARY_BRANCH_KEY } from '../../../shared/api/branches'

export interface RegisteredBranch {
  key: string
  /** The owner's label, shown until Cal.com names the branch. */
  name: string
  addedAt: string
}

export const BRANCHES_FILE = 'branches.json'
const KEY = new RegExp(BRANCH_KEY_PATTERN)

export class BranchRegistryError extends Error {
  override readonly name = 'BranchRegistryError'
}

export const branchDataDir = (dataDir: string, key: string) => join(dataDir, 'branches', key)

function parse(text: string, file: string): RegisteredBranch[] {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    throw new BranchRegistryError(`${file} is not JSON: ${(err as Error).message}`)
  }
  const list = (doc as { branches?: unknown } | null)?.branches
  if (!Array.isArray(list)) throw new BranchRegistryError(`${file} holds no "branches" list`)
  const seen = new Set<string>()
  return list.map((entry: unknown, i) => {
    const e = entry as Partial<RegisteredBranch> | null
    if (
      typeof e?.key !== 'string' ||
      !KEY.test(e.key) ||
      e.key === PRIMARY_BRANCH_KEY ||
      seen.has(e.key)
    ) {
      throw new BranchRegistryError(`${file}: branches[${i}].key is missing, repeated or not valid`)
    }
    seen.add(e.key)
    if (typeof e.name !== 'string' || e.name.trim() === '')
      throw new BranchRegistryError(`${file}: branches[${i}].name is missing`)
    return { key: e.key, name: e.name, addedAt: typeof e.addedAt === 'string' ? e.addedAt : '' }
  })
}

export class BranchRegistry {
  readonly #file: string
  #branches: RegisteredBranch[]

  constructor(private readonly dataDir: string) {
    this.#file = join(dataDir, BRANCHES_FILE)
    this.#branches = existsSync(this.#file)
      ? parse(readFileSync(this.#file, 'utf8'), this.#file)
      : []
  }

  list(): readonly RegisteredBranch[] {
    return this.#branches
  }

  has(key: string): boolean {
    return this.#branches.some((b) => b.key === key)
  }

  add(key: string, name: string, now = new Date()): RegisteredBranch {
    const entry = { key, name: name.trim(), addedAt: now.toISOString() }
    this.#write([...this.#branches, entry])
    return entry
  }

  /** Forgets the branch; its folder stays on disk (its history is the business's record). */
  remove(key: string): void {
    this.#write(this.#branches.filter((b) => b.key !== key))
  }

  #write(branches: RegisteredBranch[]): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 })
    // Written aside and renamed over, so a crash mid-write leaves the old list, never half a list.
    const tmp = `${this.#file}.tmp`
    writeFileSync(tmp, JSON.stringify({ branches }, null, 2) + '\n', { mode: 0o600 })
    renameSync(tmp, this.#file)
    this.#branches = branches
  }
}
