// Where a branch's Cal.com credential lives: a secret store (secrets/secret-file-store.ts), a 0600
// file in the headless desk, the OS keychain through safeStorage in the Electron app.
import { join } from 'node:path'
import { SecretFileStore, type SecretStore } from '../secrets/secret-file-store'

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

export type TokenStore = SecretStore<StoredCredential>

export const CREDENTIALS_FILE = 'calcom-credentials.json'

/** The headless desk's credential file in the data folder. */
export function credentialFile(dataDir: string): SecretFileStore<StoredCredential> {
  return new SecretFileStore(join(dataDir, CREDENTIALS_FILE), asStoredCredential)
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
