// Pieces the schemas of the relay's answers share (business-answers.ts, log-answers.ts,
// notification-answers.ts). The desk checks every answer it uses against those schemas before it
// keeps or shows anything; each file also proves at compile time that its schemas say what the
// wire types of relay-contract.ts say, so the two cannot drift apart.
import { Type, type TUnsafe } from '@sinclair/typebox'

/** One of `values`, as a JSON Schema enum: a bad value is named with the values it may take. */
export const oneOf = <T extends readonly string[]>(values: T): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })

/** An id the relay made: never empty. */
export const Id = Type.String({ minLength: 1 })

/** An ISO 8601 time that exists (the format is shared/time/real-instant.ts, where registered). */
export const Instant = Type.String({ format: 'date-time' })

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
