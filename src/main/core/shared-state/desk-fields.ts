// What a desk event sets, field by field: the unit of "the later relay seq wins" (DESIGN.md §9).
// A booking's visit state, walk-in flag and desk notes are one field each; a client note or
// alert is its content (`note:<id>`) and its removal (`note_removed:<id>`), kept apart so that
// a removal is final whatever edit comes after it.
import { Value } from '@sinclair/typebox/value'
import {
  DESK_EVENT_TRIGGER,
  DeskChangeSchema,
  type DeskChange,
  type DeskEventBody,
} from '../../../shared/relay/desk-events'

export const visitField = (uid: string): string => `visit:${uid}`
export const walkInField = (uid: string): string => `walk_in:${uid}`
export const bookingNotesField = (uid: string): string => `booking_notes:${uid}`
export const noteField = (id: string): string => `note:${id}`
export const noteRemovedField = (id: string): string => `note_removed:${id}`

/** The field a change sets and the value it sets it to. */
export function fieldOf(change: DeskChange): { field: string; value: unknown } {
  switch (change.kind) {
    case 'visit':
      return { field: visitField(change.bookingUid), value: change.state }
    case 'walk_in':
      return { field: walkInField(change.bookingUid), value: change.walkIn }
    case 'booking_notes':
      return { field: bookingNotesField(change.bookingUid), value: change.notes }
    case 'note_put':
      return {
        field: noteField(change.noteId),
        value: {
          clientKey: change.clientKey,
          noteKind: change.noteKind,
          text: change.text,
          author: change.author,
        },
      }
    case 'note_removed':
      return { field: noteRemovedField(change.noteId), value: true }
  }
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
