// The convergence scenario: a pure function of the seed. Steps say WHAT happens in abstract terms
// (which kind of booking, which day, "the n-th fraction of the candidates"); the runner resolves
// them against the sandbox and the desk as they are when the step runs. Replaying a seed replays
// the same steps; how they land may still differ a little with timing, which is the point.
import { mulberry32, type Rng } from './prng'

export type LinkName = 'calcom' | 'relay'
export type WebhookFault = 'drop' | 'duplicate' | 'reorder' | 'delay'
export type ApiFault = 'http500' | 'http429' | 'hang'
/** Which of the branch's two desks acts: 0 the first, 1 the second. */
export type DeskIndex = 0 | 1
export type DeskVisitState = 'ARRIVED' | 'IN_SERVICE' | 'DONE'

/** Where a booking goes: one of the branch's event types, a day ahead, a fraction of its slots. */
export interface SlotChoice {
  /** Fraction into the branch's event types (sorted by slug). */
  eventType: number
  /** Days after the sandbox's today (0 = today). */
  day: number
  /** Fraction into that day's free slots. */
  slot: number
}

export type Step =
  | { kind: 'publicBook'; at: SlotChoice; client: number; pay: boolean }
  | { kind: 'publicCancel'; pick: number }
  | { kind: 'publicReschedule'; pick: number; day: number; slot: number }
  | { kind: 'publicPay'; pick: number }
  | { kind: 'requestReschedule'; pick: number }
  | { kind: 'ownerCancel'; pick: number }
  | { kind: 'ownerReschedule'; pick: number; day: number; slot: number }
  | { kind: 'ownerConfirm'; pick: number }
  | { kind: 'ownerDecline'; pick: number }
  // A receptionist's Cal.com actions, at the first desk unless `desk: 1`.
  | {
      kind: 'deskBook'
      at: SlotChoice
      client: number
      withStaff: boolean
      withEmail: boolean
      desk?: DeskIndex
    }
  | { kind: 'deskReschedule'; pick: number; day: number; slot: number; desk?: DeskIndex }
  | { kind: 'deskCancel'; pick: number; desk?: DeskIndex }
  | { kind: 'deskNoShow'; pick: number; absent: boolean; desk?: DeskIndex }
  | { kind: 'deskConfirm'; pick: number; desk?: DeskIndex }
  | { kind: 'deskDecline'; pick: number; desk?: DeskIndex }
  /** The receptionist deals with an outbox entry that needs attention: retry or discard it. */
  | { kind: 'deskResolve'; pick: number; discard: boolean; desk?: DeskIndex }
  | { kind: 'clock'; minutes: number }
  | { kind: 'cut'; link: LinkName; mode: 'refuse' | 'hang' }
  | { kind: 'restore'; link: LinkName }
  | { kind: 'loseAnswers'; count: number }
  | { kind: 'webhookFault'; mode: WebhookFault; count: number }
  | { kind: 'apiFault'; mode: ApiFault; count: number; bookingsOnly: boolean }
  /** Restarts the first desk, or the second (`desk: 1`, from the desk-owned stream). */
  | { kind: 'restart'; desk?: DeskIndex }
  /** A receptionist at one desk sets a visit state (and sometimes the booking's desk notes). */
  | { kind: 'deskVisit'; desk: DeskIndex; pick: number; state: DeskVisitState; notes?: string }
  /** A receptionist at one desk adds, edits or removes a client's note or alert. */
  | {
      kind: 'deskNote'
      desk: DeskIndex
      op: 'add' | 'edit' | 'remove'
      pick: number
      alert: boolean
      text: number
    }
  | { kind: 'pause'; ms: number }

export interface Scenario {
  seed: number
  /**
   * No webhook is dropped and nothing asks for a reconcile at the end (the periodic one is an
   * hour away): the inbox alone (plus the reconcile every desk start does) must converge.
   */
  inboxOnly: boolean
  steps: Step[]
}

const KINDS = {
  publicBook: 10,
  publicCancel: 2,
  publicReschedule: 3,
  publicPay: 1,
  requestReschedule: 1,
  ownerCancel: 1.5,
  ownerReschedule: 1.5,
  ownerConfirm: 1.5,
  ownerDecline: 1,
  deskBook: 7,
  deskReschedule: 3,
  deskCancel: 2.5,
  deskNoShow: 2,
  deskConfirm: 2,
  deskDecline: 1,
  deskResolve: 2,
  clock: 1.5,
  cut: 3,
  loseAnswers: 1.5,
  webhookFault: 3,
  apiFault: 3,
  restart: 1.5,
  pause: 3,
} as const

const slotChoice = (r: Rng): SlotChoice => ({
  eventType: r.next(),
  day: r.int(0, 3),
  slot: r.next(),
})

export function scenarioOf(seed: number): Scenario {
  const r = mulberry32(seed * 2654435761)
  const inboxOnly = r.chance(0.3)
  const steps: Step[] = []
  const cut: Record<LinkName, boolean> = { calcom: false, relay: false }
  const length = r.int(15, 32)
  let client = 0
  while (steps.length < length) {
    // A cut link comes back after a few steps, on average.
    const down = (Object.keys(cut) as LinkName[]).filter((l) => cut[l])
    if (down.length && r.chance(0.3)) {
      const link = r.pick(down)
      cut[link] = false
      steps.push({ kind: 'restore', link })
      continue
    }
    const kind = r.weighted(KINDS)
    switch (kind) {
      case 'publicBook':
        steps.push({ kind, at: slotChoice(r), client: client++, pay: r.chance(0.5) })
        break
      case 'deskBook':
      case 'deskReschedule':
      case 'deskCancel':
      case 'deskNoShow':
      case 'deskConfirm':
      case 'deskDecline':
      case 'deskResolve':
        steps.push(deskAction(kind, r, client))
        if (kind === 'deskBook') client++
        break
      case 'publicReschedule':
      case 'ownerReschedule':
        steps.push({ kind, pick: r.next(), day: r.int(0, 3), slot: r.next() })
        break
      case 'clock':
        steps.push({ kind, minutes: r.pick([15, 30, 45, 60, 90, 120]) })
        break
      case 'cut': {
        const link: LinkName = r.chance(0.5) ? 'calcom' : 'relay'
        if (cut[link]) break
        cut[link] = true
        // A silent Cal.com line costs every call its timeout: rarer there than on the relay line.
        steps.push({
          kind,
          link,
          mode: r.chance(link === 'calcom' ? 0.8 : 0.5) ? 'refuse' : 'hang',
        })
        break
      }
      case 'loseAnswers':
        steps.push({ kind, count: r.int(1, 2) })
        break
      case 'webhookFault': {
        const modes: WebhookFault[] = inboxOnly
          ? ['duplicate', 'reorder', 'delay']
          : ['drop', 'duplicate', 'reorder', 'delay']
        steps.push({ kind, mode: r.pick(modes), count: r.int(1, 3) })
        break
      }
      case 'apiFault':
        steps.push({
          kind,
          // A 429 blocks the credential for a second (the sandbox's block): rarer and shorter.
          mode: r.weighted({ http500: 4, http429: 1, hang: 2 }),
          count: r.int(1, 3),
          bookingsOnly: r.chance(0.6),
        })
        break
      case 'restart':
      case 'pause':
        steps.push(kind === 'pause' ? { kind, ms: r.int(10, 250) } : { kind })
        break
      default:
        steps.push({ kind, pick: r.next() })
    }
  }
  return { seed, inboxOnly, steps: withDeskOwned(seed, withSecondDeskActions(seed, steps, client)) }
}

const DESK_ACTIONS = [
  'deskBook',
  'deskReschedule',
  'deskCancel',
  'deskNoShow',
  'deskConfirm',
  'deskDecline',
  'deskResolve',
] as const
type DeskActionKind = (typeof DESK_ACTIONS)[number]
/** The second desk's actions, as likely against each other as at the first desk. */
const SECOND_DESK_KINDS = Object.fromEntries(DESK_ACTIONS.map((k) => [k, KINDS[k]])) as Record<
  DeskActionKind,
  number
>

/** A receptionist's Cal.com action (`client`: the number a booking's client gets). */
function deskAction(kind: DeskActionKind, r: Rng, client: number, desk?: DeskIndex): Step {
  const at = desk === undefined ? {} : { desk }
  switch (kind) {
    case 'deskBook':
      return {
        kind,
        at: slotChoice(r),
        client,
        withStaff: r.chance(0.5),
        withEmail: r.chance(0.75),
        ...at,
      }
    case 'deskReschedule':
      return { kind, pick: r.next(), day: r.int(0, 3), slot: r.next(), ...at }
    case 'deskNoShow':
      return { kind, pick: r.next(), absent: r.chance(0.8), ...at }
    case 'deskResolve':
      return { kind, pick: r.next(), discard: r.chance(0.6), ...at }
    default:
      return { kind, pick: r.next(), ...at }
  }
}

/**
 * The second reception PC books, moves and cancels too: a few Cal.com actions at desk 2, from a
 * stream of their own (the first desk's steps stay what they were), now and then right after the
 * same kind of action at the first desk, so both desks often reach for the same booking.
 */
function withSecondDeskActions(seed: number, steps: readonly Step[], firstClient: number): Step[] {
  const r = mulberry32(seed * 3266489917 + 13)
  const out = [...steps]
  const count = r.int(1, 5)
  let client = firstClient
  for (let i = 0; i < count; i++) {
    const kind = r.weighted(SECOND_DESK_KINDS)
    const step = deskAction(kind, r, client, 1)
    if (kind === 'deskBook') client++
    const twin = r.chance(0.3) ? out.findIndex((s) => s.kind === kind) : -1
    out.splice(twin >= 0 ? twin + 1 : r.int(0, out.length), 0, step)
  }
  return out
}

/**
 * The second desk's part: desk-owned changes (visit states, booking notes, client notes and
 * alerts) at either desk, and restarts of the second desk, drawn from a stream of their own and
 * slipped in between the steps above, so those stay what they were before there were two desks.
 * A few land back to back on purpose, so both desks often change the same thing.
 */
function withDeskOwned(seed: number, steps: readonly Step[]): Step[] {
  const r = mulberry32(seed * 2246822519 + 7)
  const out = [...steps]
  const count = r.int(4, 12)
  for (let i = 0; i < count; i++) {
    const desk: DeskIndex = r.chance(0.5) ? 0 : 1
    const pick = r.next()
    const kind = r.weighted({ deskVisit: 4, deskNote: 5, restart: 0.6 })
    const step: Step =
      kind === 'deskVisit'
        ? {
            kind,
            desk,
            pick,
            state: r.pick(['ARRIVED', 'IN_SERVICE', 'DONE'] as const),
            ...(r.chance(0.3) ? { notes: `desk note ${r.int(0, 99)}` } : {}),
          }
        : kind === 'deskNote'
          ? {
              kind,
              desk,
              op: r.weighted({ add: 3, edit: 2, remove: 1 }),
              pick,
              alert: r.chance(0.4),
              text: r.int(0, 999),
            }
          : { kind, desk: 1 }
    out.splice(r.int(0, out.length), 0, step)
    // The other desk changes the same thing right after, now and then.
    if (step.kind !== 'restart' && r.chance(0.3))
      out.splice(out.indexOf(step) + 1, 0, { ...step, desk: desk === 0 ? 1 : 0 })
  }
  return out
}
