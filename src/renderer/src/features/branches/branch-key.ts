// A branch's short name (its key: folder and `/b/<key>` prefix) proposed from the name the owner
// types, so most owners never edit it: accents folded, lower case, dashes between words, within
// the API's pattern (shared/api/branches.ts).
import { BRANCH_KEY_PATTERN, PRIMARY_BRANCH_KEY } from '../../../../shared/api/branches'

const KEY = new RegExp(BRANCH_KEY_PATTERN)

export function keyFromName(name: string): string {
  const key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 32)
    .replace(/^-+|-+$/g, '')
  return key === PRIMARY_BRANCH_KEY ? `${key}-2` : key
}

/** Whether the API will take this key (it still refuses one the app holds: BRANCH_EXISTS). */
export function isBranchKey(key: string): boolean {
  return KEY.test(key) && key !== PRIMARY_BRANCH_KEY
}
