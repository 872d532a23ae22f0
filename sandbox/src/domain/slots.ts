import { DateTime } from 'luxon'
import type { Booking, EventType, Schedule, Staff } from './model.js'
import type { SandboxStore } from './store.js'

interface Interval {
  start: number
  end: number
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const BLOCKING: Booking['status'][] = ['accepted', 'pending']

/** A host's working windows (epoch ms) overlapping [fromMs, toMs), from schedule + date overrides. */
export function workingWindows(schedule: Schedule, fromMs: number, toMs: number): Interval[] {
  const zone = schedule.timeZone
  const windows: Interval[] = []
  let day = DateTime.fromMillis(fromMs - DAY, { zone }).startOf('day')
  const lastDay = DateTime.fromMillis(toMs + DAY, { zone }).startOf('day')
  while (day <= lastDay) {
    const date = day.toISODate() as string
    const overrides = schedule.overrides.filter((o) => o.date === date)
    // A date override replaces that day's weekly availability (an empty range = day off).
    const ranges =
      overrides.length > 0
        ? overrides
        : schedule.availability.filter((a) => a.days.includes(day.toFormat('cccc') as never))
    for (const range of ranges) {
      const start = localTime(date, range.startTime, zone)
      const end =
        range.endTime === '00:00' || range.endTime === '24:00'
          ? day.plus({ days: 1 }).toMillis()
          : localTime(date, range.endTime, zone)
      if (range.startTime === range.endTime) continue
      if (end > fromMs && start < toMs) windows.push({ start, end })
    }
    day = day.plus({ days: 1 })
  }
  return windows
}

function localTime(date: string, hhmm: string, zone: string): number {
  return DateTime.fromISO(`${date}T${hhmm}`, { zone }).toMillis()
}

export class SlotFinder {
  constructor(
    private readonly store: SandboxStore,
    private readonly now: () => number,
  ) {}

  /** Busy time of a host: its live bookings, widened by each booking's event-type buffers. */
  private busy(hostId: number, excludeUid?: string): Interval[] {
    const out: Interval[] = []
    for (const b of this.store.bookings.values()) {
      if (b.hostId !== hostId || !BLOCKING.includes(b.status) || b.uid === excludeUid) continue
      const et = this.store.eventTypes.get(b.eventTypeId)
      out.push({
        start: Date.parse(b.start) - (et?.beforeEventBuffer ?? 0) * MINUTE,
        end: Date.parse(b.end) + (et?.afterEventBuffer ?? 0) * MINUTE,
      })
    }
    return out
  }

  private hosts(eventType: EventType, only?: number[]): Staff[] {
    return eventType.hostIds
      .filter((id) => !only || only.includes(id))
      .map((id) => this.store.staff.get(id))
      .filter((s): s is Staff => s !== undefined)
  }

  private fits(eventType: EventType, host: Staff, startMs: number, excludeUid?: string): boolean {
    const schedule = this.store.schedules.get(host.scheduleId)
    if (!schedule) return false
    const length = eventType.lengthInMinutes * MINUTE
    if (startMs < this.now() + eventType.minimumBookingNotice * MINUTE) return false
    const inWindow = workingWindows(schedule, startMs, startMs + length).some(
      (w) => w.start <= startMs && startMs + length <= w.end,
    )
    if (!inWindow) return false
    const from = startMs - eventType.beforeEventBuffer * MINUTE
    const to = startMs + length + eventType.afterEventBuffer * MINUTE
    return !this.busy(host.id, excludeUid).some((b) => b.start < to && from < b.end)
  }

  /** Start times (epoch ms) in [fromMs, toMs) at which at least one host is free. */
  available(eventType: EventType, fromMs: number, toMs: number, excludeUid?: string): number[] {
    const length = eventType.lengthInMinutes * MINUTE
    const step = (eventType.slotInterval ?? eventType.lengthInMinutes) * MINUTE
    const starts = new Set<number>()
    for (const host of this.hosts(eventType)) {
      const schedule = this.store.schedules.get(host.scheduleId)
      if (!schedule) continue
      for (const w of workingWindows(schedule, fromMs, toMs)) {
        for (let s = w.start; s + length <= w.end; s += step) {
          if (s < fromMs || s >= toMs || starts.has(s)) continue
          if (this.fits(eventType, host, s, excludeUid)) starts.add(s)
        }
      }
    }
    return [...starts].sort((a, b) => a - b)
  }

  /**
   * The host who takes a booking at `startMs`, or undefined when nobody can. Among free hosts the
   * one with the fewest bookings that day wins (round-robin-like), then host order.
   */
  pickHost(
    eventType: EventType,
    startMs: number,
    only?: number[],
    excludeUid?: string,
  ): Staff | undefined {
    const free = this.hosts(eventType, only).filter((h) =>
      this.fits(eventType, h, startMs, excludeUid),
    )
    const day = new Date(startMs).toISOString().slice(0, 10)
    const load = (h: Staff) =>
      [...this.store.bookings.values()].filter(
        (b) => b.hostId === h.id && BLOCKING.includes(b.status) && b.start.startsWith(day),
      ).length
    return free.sort((a, b) => load(a) - load(b))[0]
  }
}

/** Cal.com's date-keyed slot map, rendered in `timeZone`. */
export function renderSlots(
  starts: number[],
  lengthInMinutes: number,
  timeZone: string,
  format: 'time' | 'range',
): Record<string, Array<{ start: string; end?: string }>> {
  const out: Record<string, Array<{ start: string; end?: string }>> = {}
  for (const s of starts) {
    const start = DateTime.fromMillis(s, { zone: timeZone })
    const date = start.toISODate() as string
    const item: { start: string; end?: string } = { start: start.toISO() as string }
    if (format === 'range') item.end = start.plus({ minutes: lengthInMinutes }).toISO() as string
    ;(out[date] ??= []).push(item)
  }
  return out
}
