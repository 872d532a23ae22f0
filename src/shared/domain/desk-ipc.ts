// The IPC contract between the Electron main process and the preload, in one place both import:
// the complete list of channels (anything else is refused on both sides) and what crosses them.
// A value or an error with a code crosses the boundary, never a thrown exception (Signal
// Desktop's pattern); the preload turns `ok: false` into a rejected promise for the page.

export const IPC_CHANNELS = {
  /** sendSync, once, as the preload starts: the API address, the session token, the version. */
  bootstrap: 'frontdesk:bootstrap',
  /** invoke(url): open an http(s) URL in the system browser. */
  openExternal: 'frontdesk:open-external',
  /** invoke(paper): print the page (the day sheet) through the system's print dialog. */
  print: 'frontdesk:print',
  /** invoke(): where the app's update check stands (Settings). */
  updateState: 'frontdesk:update-state',
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

/** The paper the day sheet is laid out for (its @page size); the print dialog starts on it. */
export const PAPER_SIZES = ['A4', 'Letter'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

export const isPaperSize = (value: unknown): value is PaperSize =>
  typeof value === 'string' && (PAPER_SIZES as readonly string[]).includes(value)

/** What the print channel returns: false when the person cancelled the dialog. */
export interface PrintValue {
  printed: boolean
}

/** Where the app's update check stands (electron-updater, src/main/electron/updates.ts). */
export type UpdateState =
  | { state: 'not-packaged' }
  | { state: 'checking' }
  | { state: 'up-to-date' }
  | { state: 'downloading'; version: string }
  | { state: 'ready'; version: string }
  | { state: 'failed' }

export type IpcErrorCode = 'FORBIDDEN' | 'INVALID_ARGUMENT' | 'FAILED'

export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } }
