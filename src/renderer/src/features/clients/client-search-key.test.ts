import { describe, expect, it } from 'vitest'
import { isClientSearchKey } from './client-search-key'

const key = (k: string, extra: Partial<Parameters<typeof isClientSearchKey>[0]> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...extra,
})

describe('the client search key', () => {
  it('is "/" on the grid, with Shift too (Spanish keyboards)', () => {
    expect(isClientSearchKey(key('/'))).toBe(true)
    expect(isClientSearchKey(key('/', { shiftKey: true }))).toBe(true)
    expect(isClientSearchKey(key('7', { shiftKey: true }))).toBe(false)
  })

  it('leaves "/" typed into a field, or with Ctrl, Alt or Meta, alone', () => {
    expect(isClientSearchKey(key('/', { targetTag: 'INPUT' }))).toBe(false)
    expect(isClientSearchKey(key('/', { targetEditable: true }))).toBe(false)
    expect(isClientSearchKey(key('/', { ctrlKey: true }))).toBe(false)
  })
})
