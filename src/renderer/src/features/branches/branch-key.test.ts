import { describe, expect, it } from 'vitest'
import { isBranchKey, keyFromName } from './branch-key'

describe("a new branch's short name", () => {
  it('is proposed from its name: accents folded, words joined by dashes', () => {
    expect(keyFromName('Salón Centro')).toBe('salon-centro')
    expect(keyFromName('  Maple & Vine — Queen St. W ')).toBe('maple-vine-queen-st-w')
    expect(keyFromName('Main')).toBe('main-2')
  })

  it('is kept to what the app accepts', () => {
    expect(isBranchKey(keyFromName('A'.repeat(60)))).toBe(true)
    expect(isBranchKey('downtown')).toBe(true)
    expect(isBranchKey('main')).toBe(false)
    expect(isBranchKey('Down Town')).toBe(false)
    expect(isBranchKey('-x')).toBe(false)
    expect(isBranchKey('')).toBe(false)
  })
})
