// Statements whose columns depend on what the caller passes (an update of some fields, an insert
// that leaves the rest to their defaults) are prepared once per shape, that is per set of fields
// given, and kept: a store has a handful of shapes, so after the first call of each nothing is
// built or compiled again. A field given as `undefined` is left out, as drizzle itself does.
import { sql, type Placeholder } from 'drizzle-orm'

export class PreparedByShape<S> {
  readonly #prepared = new Map<string, S>()

  constructor(private readonly build: (fields: readonly string[]) => S) {}

  /** The statement for the fields `values` gives, prepared on first use. */
  for(values: object): S {
    const fields = definedFields(values)
    const shape = fields.join(',')
    let statement = this.#prepared.get(shape)
    if (!statement) {
      statement = this.build(fields)
      this.#prepared.set(shape, statement)
    }
    return statement
  }
}

/** The names of the fields `values` gives (not undefined), sorted. */
export function definedFields(values: object): string[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field)
    .sort()
}

/** `{field: sql.placeholder(field)}` for each field, to hand to drizzle's values() or set(). */
export function placeholders(fields: readonly string[]): Record<string, Placeholder> {
  return Object.fromEntries(fields.map((field) => [field, sql.placeholder(field)]))
}
