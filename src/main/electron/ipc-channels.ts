// The complete list of IPC channels between the preload and main. Anything else is refused.
// src/preload/desk-bridge.ts spells the same names (the preload may import only src/shared);
// both sides' tests pin them.
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
