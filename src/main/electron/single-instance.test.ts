import { beforeEach, describe, expect, it, vi } from 'vitest'

const app = vi.hoisted(() => ({
  requestSingleInstanceLock: vi.fn<() => boolean>(),
  quit: vi.fn(),
  on: vi.fn(),
}))
vi.mock('electron', () => ({ app }))

const { claimSingleInstance } = await import('./single-instance')

beforeEach(() => vi.clearAllMocks())

describe('single instance', () => {
  it('a second start quits at once and sets up nothing', () => {
    app.requestSingleInstanceLock.mockReturnValue(false)
    const focus = vi.fn()
    expect(claimSingleInstance(focus)).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(app.on).not.toHaveBeenCalled()
  })

  it('the first instance keeps running and comes to the front when started again', () => {
    app.requestSingleInstanceLock.mockReturnValue(true)
    const focus = vi.fn()
    expect(claimSingleInstance(focus)).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()
    const [event, listener] = app.on.mock.calls[0] as [string, () => void]
    expect(event).toBe('second-instance')
    listener()
    expect(focus).toHaveBeenCalledOnce()
  })
})
