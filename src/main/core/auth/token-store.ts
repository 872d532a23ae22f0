// Where a branch's Cal.com credential lives. The core only knows this interface: the headless
// desk keeps it in a file only its user can read (file-token-store.ts), the Electron app
// encrypts it with the OS keychain through safeStorage (src/main/electron/token-store-safe-storage.ts).

export type StoredCredential =
  | { kind: 'apiKey'; apiKey: string }
  | {
      kind: 'oauth'
      accessToken: string
      refreshToken: string
      /** Epoch ms at which the access token stops working. */
      expiresAt: number
      clientId: string
    }

export interface TokenStore {
  /** Where the credential is kept, in words for the log (never the credential itself). */
  readonly description: string
  load(): Promise<StoredCredential | null>
  save(credential: StoredCredential): Promise<void>
  clear(): Promise<void>
}

/** Checks what a store read back, so a damaged file reads as "no credential", not a crash. */
export function asStoredCredential(value: unknown): StoredCredential | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (v.kind === 'apiKey' && typeof v.apiKey === 'string' && v.apiKey) {
    return { kind: 'apiKey', apiKey: v.apiKey }
  }
  if (
    v.kind === 'oauth' &&
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.expiresAt === 'number' &&
    typeof v.clientId === 'string'
  ) {
    return {
      kind: 'oauth',
      accessToken: v.accessToken,
      refreshToken: v.refreshToken,
      expiresAt: v.expiresAt,
      clientId: v.clientId,
    }
  }
  return null
}
