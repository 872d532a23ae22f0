import { createHmac, timingSafeEqual } from 'node:crypto'

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/

/**
 * Checks Cal.com's X-Cal-Signature-256 (hex HMAC-SHA256 of the exact body bytes) in constant time.
 * `no-secret-provided` and anything that is not 64 hex digits fail: every channel has a secret.
 */
export function verifyCalcomSignature(
  secret: string,
  body: Buffer,
  header: string | undefined,
): boolean {
  if (header === undefined || !HEX_SHA256.test(header)) return false
  const expected = createHmac('sha256', secret).update(body).digest()
  return timingSafeEqual(expected, Buffer.from(header, 'hex'))
}

export function signCalcomBody(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}
