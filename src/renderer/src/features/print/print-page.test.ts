import { describe, expect, it, vi } from 'vitest'
import { printSheet, rememberedPaper, rememberPaper } from './print-page'

const memory = () => {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  }
}

describe('printing the day sheet', () => {
  it('asks the app’s main process in Electron, on the chosen paper', async () => {
    const print = vi.fn(async () => ({ printed: true }))
    const browserPrint = vi.fn()
    await printSheet({ bridge: { print }, browserPrint }, 'Letter')
    expect(print).toHaveBeenCalledWith('Letter')
    expect(browserPrint).not.toHaveBeenCalled()
  })

  it('uses the browser’s print without the app', async () => {
    const browserPrint = vi.fn()
    await printSheet({ bridge: undefined, browserPrint }, 'A4')
    expect(browserPrint).toHaveBeenCalledOnce()
  })

  it('starts on the usual paper of the computer’s country, then on the one last chosen', () => {
    const storage = memory()
    expect(rememberedPaper(storage, 'en-US')).toBe('Letter')
    expect(rememberedPaper(storage, 'es-MX')).toBe('Letter')
    expect(rememberedPaper(storage, 'es-ES')).toBe('A4')
    expect(rememberedPaper(storage, 'en-GB')).toBe('A4')
    expect(rememberedPaper(storage, 'not a locale!')).toBe('A4')
    rememberPaper(storage, 'A4')
    expect(rememberedPaper(storage, 'en-US')).toBe('A4')
  })
})
