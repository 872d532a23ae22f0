import { createHmac } from 'node:crypto'

export const NO_SECRET = 'no-secret-provided'

/** `X-Cal-Signature-256`: lower-case hex HMAC-SHA256 of the exact body, keyed by the secret. */
export function signBody(body: string, secret: string | null | undefined): string {
  if (!secret) return NO_SECRET
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex')
}
