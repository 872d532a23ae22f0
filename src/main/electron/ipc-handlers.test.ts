import { beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (event: unknown, ...args: unknown[]) => unknown
const electron = vi.hoisted(() => ({
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  shell: { openExternal: vi.fn(async () => {}) },
}))
vi.mock('electron', () => ({
  shell: electron.shell,
  ipcMain: {
    on: (channel: string, listener: Listener) => electron.listeners.set(`on:${channel}`, listener),
    handle: (channel: string, listener: Listener) =>
      electron.listeners.set(`handle:${channel}`, listener),
  },
}))

const { handleInvoke, handleSync, registerIpcHandlers } = await import('./ipc-handlers')
const { IPC_CHANNELS, isAllowedChannel } = await import('../../shared/domain/desk-ipc')

const APP = 'http://127.0.0.1:41234'
const bootstrap = { apiBaseUrl: APP, sessionToken: 'secret-session-token', appVersion: '0.1.0' }

const topFrame = (url: string) => ({ url, parent: null })
const fromApp = () => ({ senderFrame: topFrame(`${APP}/`) }) as { returnValue?: unknown }
const senders = {
  'another origin': { senderFrame: topFrame('https://evil.example/') },
  'another port on the loopback': { senderFrame: topFrame('http://127.0.0.1:9/') },
  'a subframe of the app': { senderFrame: { url: `${APP}/`, parent: topFrame(`${APP}/`) } },
  'a destroyed frame': { senderFrame: null },
}

function sendSync(channel: string, event: { returnValue?: unknown }) {
  electron.listeners.get(`on:${channel}`)!(event)
  return event.returnValue
}
const invoke = (channel: string, event: unknown, ...args: unknown[]) =>
  electron.listeners.get(`handle:${channel}`)!(event, ...args)

let updates: { state: 'checking' } | { state: 'ready'; version: string } = { state: 'checking' }

beforeEach(() => {
  electron.listeners.clear()
  vi.clearAllMocks()
  updates = { state: 'checking' }
  registerIpcHandlers(bootstrap, () => updates)
})

describe('IPC allow-list', () => {
  it('has exactly the four frontdesk: channels, each with a handler', () => {
    expect(Object.values(IPC_CHANNELS).sort()).toEqual([
      'frontdesk:bootstrap',
      'frontdesk:open-external',
      'frontdesk:print',
      'frontdesk:update-state',
    ])
    expect([...electron.listeners.keys()].sort()).toEqual([
      'handle:frontdesk:open-external',
      'handle:frontdesk:print',
      'handle:frontdesk:update-state',
      'on:frontdesk:bootstrap',
    ])
  })

  it('refuses to register a handler on any other channel', () => {
    for (const channel of ['frontdesk:shell', 'open-external', 'other:bootstrap', '']) {
      expect(isAllowedChannel(channel)).toBe(false)
      expect(() => handleSync(channel, APP, () => ({ ok: true, value: 1 }))).toThrow(/allow-list/)
      expect(() => handleInvoke(channel, APP, async () => ({ ok: true, value: 1 }))).toThrow(
        /allow-list/,
      )
    }
  })
})

describe('bootstrap', () => {
  it("gives the app's page the API address, token and version", () => {
    expect(sendSync('frontdesk:bootstrap', fromApp())).toEqual({ ok: true, value: bootstrap })
  })

  it.each(Object.entries(senders))('refuses %s, without revealing the token', (_name, sender) => {
    const reply = sendSync('frontdesk:bootstrap', { ...sender } as { returnValue?: unknown })
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(JSON.stringify(reply)).not.toContain('secret-session-token')
  })
})

describe('open external', () => {
  it('opens http and https URLs in the system browser', async () => {
    await expect(
      invoke('frontdesk:open-external', fromApp(), 'https://app.cal.com/x'),
    ).resolves.toEqual({
      ok: true,
      value: undefined,
    })
    await invoke('frontdesk:open-external', fromApp(), 'http://cal.local/auth')
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://app.cal.com/x'],
      ['http://cal.local/auth'],
    ])
  })

  it('refuses other schemes and non-URLs with a reason, opening nothing', async () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-settings:',
      'nope',
      42,
      undefined,
      'https://x/' + 'a'.repeat(3000),
    ]) {
      const reply = await invoke('frontdesk:open-external', fromApp(), url)
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it.each(Object.entries(senders))('refuses %s', async (_name, sender) => {
    const reply = await invoke('frontdesk:open-external', sender, 'https://app.cal.com/')
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('returns a failure as a value when the OS cannot open the link', async () => {
    electron.shell.openExternal.mockRejectedValueOnce(new Error('No browser installed'))
    await expect(
      invoke('frontdesk:open-external', fromApp(), 'https://app.cal.com/'),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'FAILED', message: 'No browser installed' },
    })
  })
})

describe('print', () => {
  type PrintCallback = (success: boolean, failureReason: string) => void
  /** The app's page, whose webContents prints as the OS dialog would end. */
  const printingPage = (success: boolean, failureReason = '') => {
    const print = vi.fn((_options: unknown, done: PrintCallback) => done(success, failureReason))
    return { event: { ...fromApp(), sender: { print } }, print }
  }

  it('prints the page that asked, through the system dialog, on the paper it names', async () => {
    for (const paper of ['A4', 'Letter']) {
      const { event, print } = printingPage(true)
      await expect(invoke('frontdesk:print', event, paper)).resolves.toEqual({
        ok: true,
        value: { printed: true },
      })
      expect(print).toHaveBeenCalledOnce()
      expect(print.mock.calls[0]![0]).toEqual({
        silent: false,
        printBackground: true,
        pageSize: paper,
      })
    }
  })

  it('says nothing was printed when the person cancels, and why when printing fails', async () => {
    await expect(
      invoke('frontdesk:print', printingPage(false, 'cancelled').event, 'A4'),
    ).resolves.toEqual({ ok: true, value: { printed: false } })
    await expect(
      invoke('frontdesk:print', printingPage(false, 'failed').event, 'A4'),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FAILED', message: /failed/ } })
  })

  it('refuses a paper it does not know, printing nothing', async () => {
    for (const paper of ['A3', 'a4', '', 42, undefined, { pageSize: 'A4' }]) {
      const { event, print } = printingPage(true)
      await expect(invoke('frontdesk:print', event, paper)).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('A4, Letter') },
      })
      expect(print).not.toHaveBeenCalled()
    }
  })

  it.each(Object.entries(senders))('refuses %s', async (_name, sender) => {
    const print = vi.fn()
    const reply = await invoke('frontdesk:print', { ...sender, sender: { print } }, 'A4')
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(print).not.toHaveBeenCalled()
  })
})

describe('update state', () => {
  it('tells the app’s page where the update check stands, as it changes', async () => {
    await expect(invoke('frontdesk:update-state', fromApp())).resolves.toEqual({
      ok: true,
      value: { state: 'checking' },
    })
    updates = { state: 'ready', version: '0.2.0' }
    await expect(invoke('frontdesk:update-state', fromApp())).resolves.toEqual({
      ok: true,
      value: { state: 'ready', version: '0.2.0' },
    })
    await expect(
      invoke('frontdesk:update-state', senders['another origin']),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
