// The IPC contract between the Electron main process and the preload, in one place both import:
// the complete list of channels (anything else is refused on both sides) and what crosses them.
// A value or an error with a code crosses the boundary, never a thrown exception (Signal
// Desktop's pattern); the preload turns `ok: false` into a rejected promise for the page.

export const IPC_CHANNELS = {
  /** sendSync, once, as the preload starts: the API address, the session token, the version. */
  bootstrap: 'frontdesk:bootstrap',
  /** invoke(url): open an http(s) URL in the system browser. */
  openExternal: 'frontdesk:open-external',
} as const

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS]

const ALLOWED: ReadonlySet<string> = new Set(Object.values(IPC_CHANNELS))

export function isAllowedChannel(channel: string): channel is IpcChannel {
  return channel.startsWith('frontdesk:') && ALLOWED.has(channel)
}

/** What the bootstrap channel returns inside its IpcResult. */
export interface BootstrapValue {
  apiBaseUrl: string
  sessionToken: string
  appVersion: string
}

export type IpcErrorCode = 'FORBIDDEN' | 'INVALID_ARGUMENT' | 'FAILED'

export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } }
