// Which branch the UI shows, and where a switch lands. Pure, so the rules are tested without a
// browser: the chosen key is kept per computer (a reload stays on the branch), a key the app no
// longer holds falls back to the first branch, and a page about one booking or client of the old
// branch becomes its list at the new one (that uid or id means nothing there).
import {
  BRANCH_KEY_PATTERN,
  PRIMARY_BRANCH_KEY,
  type BranchSummary,
} from '../../../../shared/api/branches'
import type { KeyLike } from '../day/day-keys'
import { parseRoute, paths } from '../../app/routes'

export const BRANCH_STORAGE_KEY = 'frontdesk.branch'
/** `?branch=<key>`: the Electron app opens a branch's page so (a notification's click). */
export const BRANCH_PARAM = 'branch'
const BRANCH_KEY = new RegExp(BRANCH_KEY_PATTERN)

/**
 * The branch an address asks for, and the address without it (so a reload keeps the choice made
 * since, not the address's); null when it asks for none or for no valid key.
 */
export function branchInAddress(href: string): { key: string; rest: string } | null {
  const url = new URL(href)
  const key = url.searchParams.get(BRANCH_PARAM)
  if (key === null) return null
  url.searchParams.delete(BRANCH_PARAM)
  const rest = url.pathname + url.search + url.hash
  return BRANCH_KEY.test(key) ? { key, rest } : null
}

/** The branch to show: the stored one while the app holds it, else the first. */
export function chosenBranch(
  stored: string | null,
  branches: readonly BranchSummary[] | undefined,
) {
  if (!stored || stored === PRIMARY_BRANCH_KEY) return PRIMARY_BRANCH_KEY
  // Until the list is read, trust the stored key: the page opens on it without a flash of main.
  if (!branches) return stored
  return branches.some((b) => b.key === stored) ? stored : PRIMARY_BRANCH_KEY
}

/** The switcher is shown once the app holds more than one branch. */
export function showsSwitcher(branches: readonly BranchSummary[] | undefined): boolean {
  return (branches?.length ?? 0) > 1
}

/** The same screen at the other branch, where it means the same thing there. */
export function pathAfterSwitch(path: string): string {
  const route = parseRoute(path)
  switch (route.name) {
    case 'day':
      return paths.day(route.date)
    case 'client':
      return paths.clients
    case 'appointment':
    case 'not-found':
      return '/'
    default:
      return path
  }
}

/**
 * What the switcher's button counts: the bookings needing attention at the branches not on
 * screen (the one on screen says its own in the status strip).
 */
export function attentionElsewhere(
  branches: readonly BranchSummary[] | undefined,
  current: string,
): number {
  return (branches ?? []).reduce((n, b) => (b.key === current ? n : n + b.attention), 0)
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

/** B opens the branch switcher, unless typed into a field or pressed with a modifier. */
export function isSwitcherKey(key: KeyLike): boolean {
  if (key.ctrlKey || key.altKey || key.metaKey) return false
  if (TYPING_TAGS.has(key.targetTag) || key.targetEditable) return false
  return key.key === 'b' || key.key === 'B'
}
