import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { sendSync: vi.fn(), invoke: vi.fn(), on: vi.fn(), send: vi.fn() },
}))
vi.mock('electron', () => electron)

const bootstrap = {
  apiBaseUrl: 'http://127.0.0.1:41234',
  sessionToken: 'secret-session-token',
  appVersion: '0.1.0',
}

/** Runs the preload afresh, as Electron does for each page load. */
async function runPreload() {
  vi.resetModules()
  await import('./index')
}

function exposed() {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
  return electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>]
}

beforeEach(() => {
  vi.clearAllMocks()
  electron.ipcRenderer.sendSync.mockReturnValue({ ok: true, value: bootstrap })
})

describe('preload surface', () => {
  it('exposes exactly one object, frontdesk, with exactly the DeskBridge members', async () => {
    await runPreload()
    const [name, bridge] = exposed()
    expect(name).toBe('frontdesk')
    expect(Object.keys(bridge).sort()).toEqual([
      'apiBaseUrl',
      'appVersion',
      'openExternal',
      'print',
      'sessionToken',
      'updateState',
    ])
    expect(bridge).toMatchObject(bootstrap)
    expect(Object.isFrozen(bridge)).toBe(true)
    // Nothing of Electron leaks through: no ipcRenderer, no generic send/invoke.
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(electron.ipcRenderer)
      expect(Object.values(electron.ipcRenderer)).not.toContain(value)
    }
  })

  it('asks main for the bootstrap once, on the bootstrap channel, and listens to nothing', async () => {
    await runPreload()
    expect(electron.ipcRenderer.sendSync.mock.calls).toEqual([['frontdesk:bootstrap']])
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled()
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })

  it('exposes nothing when main refuses the page', async () => {
    electron.ipcRenderer.sendSync.mockReturnValue({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This page may not talk to Frontdesk.' },
    })
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    await runPreload()
    expect(electron.contextBridge.exposeInMainWorld).not.toHaveBeenCalled()
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('may not talk'))
    consoleError.mockRestore()
  })
})

describe('openExternal', () => {
  it('goes through the open-external channel only', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: undefined })
    await runPreload()
    const openExternal = exposed()[1].openExternal as (url: string) => Promise<void>
    await expect(openExternal('https://app.cal.com/')).resolves.toBeUndefined()
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['frontdesk:open-external', 'https://app.cal.com/'],
    ])
  })

  it("rejects with main's reason when main refuses", async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Only http and https links open outside the app, not file:',
      },
    })
    await runPreload()
    const openExternal = exposed()[1].openExternal as (url: string) => Promise<void>
    await expect(openExternal('file:///etc/passwd')).rejects.toThrow(/Only http and https/)
  })
})

describe('print and update state', () => {
  it('go through their own channels only, with the paper as it was given', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { printed: true } })
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { state: 'up-to-date' } })
    await runPreload()
    const bridge = exposed()[1] as {
      print(paper: string): Promise<unknown>
      updateState(): Promise<unknown>
    }
    await expect(bridge.print('Letter')).resolves.toEqual({ printed: true })
    await expect(bridge.updateState()).resolves.toEqual({ state: 'up-to-date' })
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['frontdesk:print', 'Letter'],
      ['frontdesk:update-state'],
    ])
  })

  it('turns main’s refusal into a rejected promise with its words', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'The paper must be one of A4, Letter.' },
    })
    await runPreload()
    const bridge = exposed()[1] as { print(paper: string): Promise<unknown> }
    await expect(bridge.print('A3')).rejects.toThrow('The paper must be one of A4, Letter.')
  })
})
