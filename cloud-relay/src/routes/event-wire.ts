import type { RelayError, RelayEvent } from '../../../src/shared/relay/relay-contract.js'
import type { StoredEvent } from '../storage/types.js'

export const toWire = (e: StoredEvent): RelayEvent => ({
  seq: e.seq,
  receivedAt: e.receivedAt.toISOString(),
  contentType: e.contentType,
  // Bodies were checked to be valid UTF-8 at intake, so this decoding is lossless.
  body: e.body.toString('utf8'),
})

export const resyncError = (resumeAfter: number): RelayError => ({
  code: 'RESYNC_REQUIRED',
  message:
    'The relay no longer holds the events after this cursor: reconcile from Cal.com, then continue after resumeAfter.',
  resumeAfter,
})
