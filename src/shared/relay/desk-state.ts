// The branch's desk-owned state as the relay keeps it (DESIGN.md §9): per field (visit state,
// walk-in flag, booking notes, each client note or alert and each removal) the desk event that
// set it last, with its seq. The relay updates it in the same commit as the event joins the log
// and retention never prunes it, so a desk that joins later, was wiped, or was away longer than
// the log is kept gets the state back from `GET /v1/desk-state` and reads the log after it.
import type { DeskEventBody } from './desk-events.js'

/** One field's latest desk event, at the seq the log gave it. */
export interface DeskStateEntry {
  seq: number
  event: DeskEventBody
}

/** `GET /v1/desk-state` 200 (Bearer device token; the device's own channel). */
export interface DeskStateResponse {
  /** The channel's last seq when the state was read: every desk event up to it is included. */
  asOf: number
  /** Oldest first. */
  entries: DeskStateEntry[]
}
