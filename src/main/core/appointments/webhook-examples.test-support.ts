// The real Cal.com webhook bodies (test/fixtures/calcom/webhook-examples), compact
// as Cal.com sends them (the files are re-indented copies), and re-stamped variants of them.
import { readFileSync } from 'node:fs'

const EXAMPLES = new URL('../../../../test/fixtures/calcom/webhook-examples/', import.meta.url)

export function example(name: string): string {
  return JSON.stringify(JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')))
}

/** An example with its envelope's createdAt (its version) and payload fields replaced. */
export function stamped(name: string, createdAt: string, payload: Record<string, unknown> = {}) {
  const body = JSON.parse(example(name)) as { createdAt: string; payload: Record<string, unknown> }
  body.createdAt = createdAt
  Object.assign(body.payload, payload)
  return JSON.stringify(body)
}
