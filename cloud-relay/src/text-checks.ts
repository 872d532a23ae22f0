// Checks on text the relay keeps from desks and operators (names, credentials), beyond what a
// JSON schema can say. Cal.com's deliveries are never checked here: they are stored as sent.

/** Matches a UTF-16 surrogate that is not half of a pair (JSON's "\ud800" parses to one). */
const LONE_SURROGATE = /\p{Cs}/u
const CONTROL = /\p{Cc}/u
/** Characters that show nothing: spaces of every width, joiners, BOMs, fillers. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s)

/** Why `name` cannot name something a person reads in a list, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (CONTROL.test(name)) return 'must not contain control characters'
  if (name.replace(INVISIBLE, '') === '') return 'must contain a visible character'
  return undefined
}

/** Why `text` (several lines a person reads out) cannot be kept, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (/[^\P{Cc}\n\t]/u.test(text))
    return 'must not contain control characters other than line breaks'
  if (text.replace(INVISIBLE, '') === '') return 'must contain a visible character'
  return undefined
}

/**
 * A string (key or value) in `value` holding a lone surrogate, as a field path under
 * `root` (`body/calcom/apiKey`); undefined when there is none. Iterative: a deeply nested body
 * must not overflow the stack.
 */
export function loneSurrogateAt(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]]
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [v, path] = item
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v)) return path
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (hasLoneSurrogate(key)) return `${path}/${key}`
        pending.push([child, `${path}/${key}`])
      }
    }
  }
  return undefined
}
