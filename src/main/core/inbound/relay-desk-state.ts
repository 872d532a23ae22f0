// `GET /v1/desk-state` as the desk calls it: the branch's desk-owned state as the relay keeps it
// beside the log (DESIGN.md §9), read when the log alone cannot give it back. The device token
// travels only in the Authorization header. The answer's shape is checked here; each entry's
// event when it is applied (SharedState.applyState), so one this desk cannot read is set aside.
import { DeskStateAnswerSchema, type DeskStateAnswer } from '../../../shared/relay/log-answers'
import { readAnswer } from './relay-answer'
import { RelayProblem, problemOf } from './relay-client'
import type { RelayDevice } from './relay-device-store'

/** Throws RelayProblem when the relay cannot be reached or answers otherwise. */
export async function fetchDeskState(
  device: RelayDevice,
  signal?: AbortSignal,
): Promise<DeskStateAnswer> {
  let res: Response
  try {
    res = await fetch(`${device.relayUrl}/v1/desk-state`, {
      headers: { authorization: `Bearer ${device.deviceToken}` },
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(30_000)])
        : AbortSignal.timeout(30_000),
    })
  } catch (err) {
    throw new RelayProblem(
      'RELAY_UNREACHABLE',
      `The relay could not be reached: ${(err as Error).message}`,
    )
  }
  if (!res.ok) throw await problemOf(res, 'the desk state request')
  const answer = await readAnswer(res, 'GET /v1/desk-state', DeskStateAnswerSchema)
  if (!answer.ok) throw new RelayProblem('RELAY_BAD_ANSWER', answer.message, res.status)
  return answer.value
}
