import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// Identifiers and secrets. Channel ids appear in the public webhook URL, so they are random too:
// knowing one channel's URL tells nothing about another's.
export const newChannelId = (): string => `ch_${randomBytes(16).toString('base64url')}`
export const newDeviceId = (): string => `dev_${randomBytes(12).toString('base64url')}`
/** 256 random bits; only its sha256 is stored. */
export const newDeviceToken = (): string => `fdr_${randomBytes(32).toString('base64url')}`
export const newWebhookSecret = (): string => randomBytes(32).toString('hex')

export const sha256Hex = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex')

/** Constant-time equality of two strings of any length (compares their digests). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  )
}
