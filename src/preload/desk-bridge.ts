// The whole surface the page gets from the preload: `window.frontdesk` (DeskBridge). The page
// never sees ipcRenderer; it gets six fixed members and nothing that could reach another channel.
import type { DeskBridge } from '../shared/domain/desk-bridge'
import {
  IPC_CHANNELS,
  type BootstrapValue,
  type IpcResult,
  type PaperSize,
  type PrintValue,
  type UpdateState,
} from '../shared/domain/desk-ipc'

/** The two ipcRenderer calls the bridge uses. */
export interface BridgeIpc {
  sendSync(channel: string): unknown
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
}

function isResult(value: unknown): value is IpcResult<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  )
}

function isBootstrap(value: unknown): value is BootstrapValue {
  const v = value as Partial<BootstrapValue> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.apiBaseUrl === 'string' &&
    typeof v.sessionToken === 'string' &&
    typeof v.appVersion === 'string'
  )
}

/**
 * Asks main for the API address and token, synchronously and once: a sandboxed preload has no
 * fs and only a trimmed `process`, and the values must be in place before the page's first
 * script runs. (additionalArguments would also work, but would put the session token on the
 * renderer's command line, where any local process can read it.)
 * Returns an error sentence instead when main refused; the page then explains it cannot start.
 */
export function createDeskBridge(ipc: BridgeIpc): DeskBridge | { error: string } {
  const reply = ipc.sendSync(IPC_CHANNELS.bootstrap)
  if (!isResult(reply)) return { error: 'Frontdesk did not answer the window.' }
  if (!reply.ok) return { error: reply.error.message }
  if (!isBootstrap(reply.value)) return { error: 'Frontdesk answered the window with nonsense.' }
  const { apiBaseUrl, sessionToken, appVersion } = reply.value

  return Object.freeze({
    apiBaseUrl,
    sessionToken,
    appVersion,
    async openExternal(url: string): Promise<void> {
      await call(ipc, IPC_CHANNELS.openExternal, String(url))
    },
    async print(paper: PaperSize): Promise<PrintValue> {
      return (await call(ipc, IPC_CHANNELS.print, String(paper))) as PrintValue
    },
    async updateState(): Promise<UpdateState> {
      return (await call(ipc, IPC_CHANNELS.updateState)) as UpdateState
    },
  })
}

/** One invoke; `ok: false` becomes a rejected promise with main's sentence. */
async function call(ipc: BridgeIpc, channel: string, ...args: unknown[]): Promise<unknown> {
  const result = await ipc.invoke(channel, ...args)
  if (!isResult(result)) throw new Error('Frontdesk did not answer.')
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
