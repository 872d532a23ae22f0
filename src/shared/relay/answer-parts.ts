// Pieces the schemas of the relay's answers share (business-answers.ts, log-answers.ts,
// notification-answers.ts). The desk checks every answer it uses against those schemas before it
// keeps or shows anything, and the relay declares them as its routes' response schemas, which
// also serialize them (nothing else leaves the relay); each file also proves at compile time that
// its schemas say what the wire types of relay-contract.ts say, so the three cannot drift apart.
import { Type, type TNull, type TSchema, type TUnion, type TUnsafe } from '@sinclair/typebox'

/** One of `values`, as a JSON Schema enum: a bad value is named with the values it may take. */
export const oneOf = <T extends readonly string[]>(values: T): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })

/** An id the relay made: never empty. */
export const Id = Type.String({ minLength: 1 })

/** An ISO 8601 time that exists (the format is shared/time/real-instant.ts, where registered). */
export const Instant = Type.String({ format: 'date-time' })

/** `schema`, or null where the answer has none (a branch not named, a time not yet come). */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()])

/**
 * A person named by id in a record the relay keeps (who proposed, decided, is notified): the
 * answers name them as they were, so the id is not checked against the people of today.
 */
export const PersonRef = Type.String()

/** A seq of a log: the relay's first is 1. */
export const Seq = Type.Integer({ minimum: 1 })

/** A cursor or version: 0 before the first. */
export const Count = Type.Integer({ minimum: 0 })

/**
 * True when A and B are the same type: a schema and the wire type it stands for. Stricter than
 * assignability both ways, which would let a schema leave out an optional field.
 */
export type Agrees<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
