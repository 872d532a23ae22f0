import { badRequest } from './errors.js'

// Cal.com's booking metadata limits (REFERENCE.md §2.1): ≤50 keys, key ≤40 chars, value ≤500.
const MAX_KEYS = 50
const MAX_KEY_LENGTH = 40
const MAX_VALUE_LENGTH = 500

export function checkMetadata(metadata: unknown): Record<string, string | number | boolean> {
  if (metadata === undefined || metadata === null) return {}
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw badRequest('metadata must be an object', { errors: [{ property: 'metadata' }] })
  }
  const entries = Object.entries(metadata as Record<string, unknown>)
  const problems: string[] = []
  if (entries.length > MAX_KEYS) problems.push(`metadata can have at most ${MAX_KEYS} keys`)
  for (const [key, value] of entries) {
    if (key.length > MAX_KEY_LENGTH) {
      problems.push(
        `metadata key "${key.slice(0, 50)}" is longer than ${MAX_KEY_LENGTH} characters`,
      )
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      problems.push(`metadata value of "${key}" must be a string, number or boolean`)
    } else if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
      problems.push(`metadata value of "${key}" is longer than ${MAX_VALUE_LENGTH} characters`)
    }
  }
  if (problems.length > 0) {
    throw badRequest(problems.join('; '), {
      errors: problems.map((message) => ({ property: 'metadata', message })),
    })
  }
  return metadata as Record<string, string | number | boolean>
}
