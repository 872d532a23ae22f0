// What is left of Cal.com's last answer once time has moved on. Offline, the desk serves the
// free times Cal.com gave when it could last be asked (slots-cache.ts); by now some of them may
// have begun, or fall inside the service's minimum booking notice, and Cal.com refuses both when
// the queued booking finally reaches it ("the time had already passed" in Needs attention). Cal.com
// applied the notice when it answered, on its clock then; this applies it again on the desk's
// clock now.

const MINUTE_MS = 60_000

/**
 * The slot starts (UTC ISO, order kept) Cal.com would still take at `nowMs`: none sooner than
 * `noticeMinutes` from now. A notice the desk does not know yet (null: a desk upgraded past
 * migration 0009 before its first reference refresh) leaves out only the times already begun.
 */
export function stillBookable(
  slots: readonly string[],
  nowMs: number,
  noticeMinutes: number | null,
): string[] {
  const earliest = nowMs + (noticeMinutes ?? 0) * MINUTE_MS
  return slots.filter((s) => Date.parse(s) >= earliest)
}
