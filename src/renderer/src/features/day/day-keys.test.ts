import { describe, expect, it } from 'vitest'
import { dayKeyAction, type KeyLike } from './day-keys'

const press = (key: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...extra,
})

describe('dayKeyAction', () => {
  it('moves a day with the arrows and a week with Shift', () => {
    expect(dayKeyAction(press('ArrowLeft'))).toEqual({ kind: 'shift', days: -1 })
    expect(dayKeyAction(press('ArrowRight'))).toEqual({ kind: 'shift', days: 1 })
    expect(dayKeyAction(press('ArrowLeft', { shiftKey: true }))).toEqual({
      kind: 'shift',
      days: -7,
    })
    expect(dayKeyAction(press('ArrowRight', { shiftKey: true }))).toEqual({
      kind: 'shift',
      days: 7,
    })
  })

  it('goes to today with T and to the date field with G, either case', () => {
    expect(dayKeyAction(press('t'))).toEqual({ kind: 'today' })
    expect(dayKeyAction(press('T', { shiftKey: true }))).toEqual({ kind: 'today' })
    expect(dayKeyAction(press('g'))).toEqual({ kind: 'jump' })
  })

  it('opens the day sheet with P, leaving Ctrl+P to the system', () => {
    expect(dayKeyAction(press('p'))).toEqual({ kind: 'print' })
    expect(dayKeyAction(press('P', { shiftKey: true }))).toEqual({ kind: 'print' })
    expect(dayKeyAction(press('p', { ctrlKey: true }))).toBeNull()
    expect(dayKeyAction(press('p', { targetTag: 'INPUT' }))).toBeNull()
  })

  it('leaves keys typed into a field, and system shortcuts, alone', () => {
    expect(dayKeyAction(press('ArrowLeft', { targetTag: 'INPUT' }))).toBeNull()
    expect(dayKeyAction(press('t', { targetTag: 'TEXTAREA' }))).toBeNull()
    expect(dayKeyAction(press('t', { targetEditable: true }))).toBeNull()
    expect(dayKeyAction(press('ArrowLeft', { altKey: true }))).toBeNull()
    expect(dayKeyAction(press('t', { ctrlKey: true }))).toBeNull()
    expect(dayKeyAction(press('x'))).toBeNull()
  })
})
