// Checks the relay's answers against the schemas of shared/relay/*-answers.ts before the desk
// keeps or shows anything of them, as calcom/response-validation.ts does for Cal.com's. A
// surprising answer (another relay version, a proxy's page, a bug) becomes an error naming the
// call and the place: "The relay's answer to GET /v1/business was not understood:
// /people/0/role must be one of owner, admin, receptionist". The check itself is
// shared/relay/answer-problem.ts, the one the relay's tests hold its answers to.
import type { Static, TSchema } from '@sinclair/typebox'
import { answerProblem } from '../../../shared/relay/answer-problem'
import { RelayErrorBodySchema } from '../../../shared/relay/log-answers'
import { DeskError } from '../errors/desk-error'

export type AnswerOf<T extends TSchema> =
  { ok: true; value: Static<T> } | { ok: false; message: string }

/** The sentence sync health and the API say; `call` as `GET /v1/business`. */
export const notUnderstood = (call: string, problem: string): string =>
  `The relay's answer to ${call} was not understood: ${problem}`

/** The body of a 2xx answer read and checked; never throws for the body's sake. */
export async function readAnswer<T extends TSchema>(
  res: Response,
  call: string,
  schema: T,
): Promise<AnswerOf<T>> {
  let value: unknown
  try {
    const text = await res.text()
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: notUnderstood(call, 'the body is not JSON') }
  }
  const problem = answerProblem(schema, value)
  if (problem) return { ok: false, message: notUnderstood(call, problem) }
  return { ok: true, value: value as Static<T> }
}

/**
 * An answer to a call the local API made for someone (the team, the rules): what it holds, or
 * the DeskError the person is shown. Nothing was kept of it at this desk.
 */
export async function understood<T extends TSchema>(
  res: Response,
  call: string,
  schema: T,
): Promise<Static<T>> {
  const answer = await readAnswer(res, call, schema)
  if (!answer.ok)
    throw new DeskError('RELAY_NOT_UNDERSTOOD', answer.message, undefined, undefined, { call })
  return answer.value
}

export type RefusalBody = Static<typeof RelayErrorBodySchema>

/** A refusal's body as the relay words it; null when it is not one (a proxy's page, no JSON). */
export async function refusalBody(res: Response): Promise<RefusalBody | null> {
  const body = await readAnswer(res, 'a refusal', RelayErrorBodySchema)
  return body.ok ? body.value : null
}
