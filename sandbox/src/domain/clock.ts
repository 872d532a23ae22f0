// The sandbox clock: real time shifted by an offset, so tests and the demo can move "now"
// (slots, minimum notice, mark-absent, MEETING_ENDED all read it) without waiting.
export class SandboxClock {
  private offsetMs = 0

  constructor(start?: string) {
    if (start) this.set(start)
  }

  nowMs(): number {
    return Date.now() + this.offsetMs
  }

  now(): Date {
    return new Date(this.nowMs())
  }

  set(iso: string): void {
    const target = Date.parse(iso)
    if (Number.isNaN(target)) throw new Error(`not an ISO date-time: ${iso}`)
    this.offsetMs = target - Date.now()
  }

  advance(ms: number): void {
    this.offsetMs += ms
  }
}
