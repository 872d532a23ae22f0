import { beforeEach, describe, expect, it, vi } from 'vitest'

const created = vi.hoisted(() => [] as { options: unknown; once: ReturnType<typeof vi.fn> }[])

vi.mock('electron', () => ({
  BrowserWindow: class {
    once = vi.fn()
    constructor(options: unknown) {
      created.push({ options, once: this.once })
    }
  },
}))

const { createMainWindow, focusWindow, mainWindowOptions } = await import('./main-window')

beforeEach(() => {
  created.length = 0
})

describe('main window', () => {
  it('gives the page no Node and no Electron: isolated, sandboxed, web security on', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('creates the window with exactly those options and shows it once painted', () => {
    createMainWindow('/p/index.cjs')
    expect(created).toHaveLength(1)
    expect(created[0]!.options).toEqual(mainWindowOptions('/p/index.cjs'))
    expect(created[0]!.options).toMatchObject({ show: false })
    expect(created[0]!.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function))
  })

  it('brings a minimised window back to the front', () => {
    const window = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    }
    focusWindow(window as never)
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(() => focusWindow(null)).not.toThrow()
  })
})
