// What a desk event sets, field by field: the unit of "the later relay seq wins" (DESIGN.md §9).
// The fields are named in the contract (shared/relay/desk-events.ts), since the relay keeps the
// branch's current state by the same names; here, the value each sets at this desk.
import { Value } from '@sinclair/typebox/value'
import {
  DESK_EVENT_TRIGGER,
  DeskChangeSchema,
  deskFieldOf,
  type DeskChange,
  type DeskEventBody,
} from '../../../shared/relay/desk-events'

export {
  bookingNotesField,
  noteField,
  noteRemovedField,
  visitField,
  walkInField,
} from '../../../shared/relay/desk-events'

/** The value a change sets its field to at this desk. */
function valueOf(change: DeskChange): unknown {
  switch (change.kind) {
    case 'visit':
      return change.state
    case 'walk_in':
      return change.walkIn
    case 'booking_notes':
      return change.notes
    case 'note_put':
      return {
        clientKey: change.clientKey,
        noteKind: change.noteKind,
        text: change.text,
        author: change.author,
      }
    case 'note_removed':
      return true
  }
}

/** The field a change sets and the value it sets it to. */
export function fieldOf(change: DeskChange): { field: string; value: unknown } {
  return { field: deskFieldOf(change), value: valueOf(change) }
}

/**
 * A desk event as read from the log, or why it cannot be applied. The relay checked it on the
 * way in; this guards against a relay of another version (or a bug) all the same.
 */
export function readDeskEvent(
  body: string,
): { ok: true; event: DeskEventBody } | { ok: false; why: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { ok: false, why: 'the body is not JSON' }
  }
  return checkDeskEvent(parsed)
}

/** A desk event as parsed (from the log, or the relay's GET /v1/desk-state), or why not. */
export function checkDeskEvent(
  parsed: unknown,
): { ok: true; event: DeskEventBody } | { ok: false; why: string } {
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, why: 'not an object' }
  const e = parsed as Partial<DeskEventBody>
  if (e.triggerEvent !== DESK_EVENT_TRIGGER || typeof e.key !== 'string' || !e.key)
    return { ok: false, why: 'no desk event key' }
  if (!Value.Check(DeskChangeSchema, e.change))
    return {
      ok: false,
      why: `change ${JSON.stringify(e.change).slice(0, 100)} is not one the desk knows`,
    }
  return {
    ok: true,
    event: {
      triggerEvent: DESK_EVENT_TRIGGER,
      key: e.key,
      deviceId: typeof e.deviceId === 'string' ? e.deviceId : '',
      madeAt: typeof e.madeAt === 'string' ? e.madeAt : '',
      change: e.change,
    },
  }
}
