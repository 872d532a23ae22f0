import { describe, expect, it } from 'vitest'
import type { BranchSummary } from '../../../../shared/api/branches'
import {
  attentionElsewhere,
  branchInAddress,
  chosenBranch,
  isSwitcherKey,
  pathAfterSwitch,
  showsSwitcher,
} from './branch-choice'

const branch = (key: string): BranchSummary => ({
  key,
  name: key,
  primary: key === 'main',
  connection: 'connected',
  offline: false,
  waiting: 0,
  attention: 0,
  lastSyncAt: null,
})
const two = [branch('main'), branch('madrid')]

describe('the branch on screen', () => {
  it('is the one chosen on this computer while the app holds it', () => {
    expect(chosenBranch('madrid', two)).toBe('madrid')
    expect(chosenBranch('madrid', undefined)).toBe('madrid')
  })

  it('is the first branch when none was chosen or the chosen one is gone', () => {
    expect(chosenBranch(null, two)).toBe('main')
    expect(chosenBranch('lisbon', two)).toBe('main')
  })
})

describe('the switcher', () => {
  it('shows only when the app holds more than one branch', () => {
    expect(showsSwitcher(two)).toBe(true)
    expect(showsSwitcher([branch('main')])).toBe(false)
    expect(showsSwitcher(undefined)).toBe(false)
  })

  it('opens on B, never while typing or with a modifier', () => {
    const key = { key: 'b', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false }
    expect(isSwitcherKey({ ...key, targetTag: 'BODY', targetEditable: false })).toBe(true)
    expect(isSwitcherKey({ ...key, targetTag: 'INPUT', targetEditable: false })).toBe(false)
    expect(isSwitcherKey({ ...key, ctrlKey: true, targetTag: 'BODY', targetEditable: false })).toBe(
      false,
    )
  })
})

describe('a switch', () => {
  it('keeps the day and the lists, and leaves a booking or client of the other branch', () => {
    expect(pathAfterSwitch('/day/2026-03-10')).toBe('/day/2026-03-10')
    expect(pathAfterSwitch('/day/2026-03-10/appointment/abc')).toBe('/day/2026-03-10')
    expect(pathAfterSwitch('/clients/42')).toBe('/clients')
    expect(pathAfterSwitch('/appointment/abc')).toBe('/')
    expect(pathAfterSwitch('/settings')).toBe('/settings')
    expect(pathAfterSwitch('/pending')).toBe('/pending')
  })
})

describe("the switcher's button", () => {
  const three = [
    { ...branch('main'), attention: 2 },
    { ...branch('madrid'), attention: 1, waiting: 4 },
    { ...branch('lisbon'), attention: 3 },
  ]

  it('counts what needs attention at the branches not on screen, not at the one shown', () => {
    expect(attentionElsewhere(three, 'main')).toBe(4)
    expect(attentionElsewhere(three, 'madrid')).toBe(5)
  })

  it('counts nothing when only the branch on screen has something, or before the list is read', () => {
    expect(attentionElsewhere([three[0]!, branch('madrid')], 'main')).toBe(0)
    expect(attentionElsewhere(undefined, 'main')).toBe(0)
  })
})

describe('an address naming a branch (a notification clicked in the Electron app)', () => {
  it('opens that branch, and the address loses the name so a later reload keeps the choice', () => {
    expect(branchInAddress('http://127.0.0.1:5555/?branch=madrid#/appointment/bk_9')).toEqual({
      key: 'madrid',
      rest: '/#/appointment/bk_9',
    })
    expect(branchInAddress('http://127.0.0.1:5555/?token=t&branch=main#/')).toEqual({
      key: 'main',
      rest: '/?token=t#/',
    })
  })

  it('names none when it has no branch or not a valid key', () => {
    expect(branchInAddress('http://127.0.0.1:5555/#/day/2026-03-10')).toBeNull()
    expect(branchInAddress('http://127.0.0.1:5555/?branch=..%2Fetc#/')).toBeNull()
  })
})
