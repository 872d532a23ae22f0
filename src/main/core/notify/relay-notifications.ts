// The relay's notification routes as the desk calls them (DESIGN.md §8), with the device token:
// the rules and their proposals, the owner's history, "notify me on this computer", and the
// desktop notifications of the people who chose this device. A relay refusal becomes the
// DeskError the local API answers with; the refusals only these routes make get codes of their own.
import type {
  DecideProposalResponse,
  DesktopSubscriptionRequest,
  DesktopSubscriptionResponse,
  NotificationHistoryResponse,
  NotificationRulesResponse,
  NotificationsResponse,
  ProposalsResponse,
  PutNotificationRulesRequest,
  RelayError,
  RulesAppliedResponse,
  RulesProposal,
} from '../../../shared/relay/relay-contract'
import { DeskError } from '../errors/desk-error'
import { call, refusal, type Asking } from '../inbound/relay-business'
import type { RelayDevice } from '../inbound/relay-device-store'

async function refused(res: Response, asking?: Asking): Promise<DeskError> {
  const text = await res.text()
  let code: RelayError['code'] | undefined
  try {
    code = (JSON.parse(text) as Partial<RelayError>).code
  } catch {
    // not JSON: the shared refusal words it by status
  }
  if (code === 'CONFLICT')
    return new DeskError('RULES_CHANGED', 'The rules changed meanwhile: read them again')
  if (code === 'PROPOSAL_SUPERSEDED')
    return new DeskError('PROPOSAL_SUPERSEDED', 'The rules changed since this proposal was made')
  if (code === 'PROPOSAL_DECIDED')
    return new DeskError('PROPOSAL_DECIDED', 'This proposal was already decided')
  return refusal(new Response(text, { status: res.status, headers: res.headers }), asking)
}

async function answer<T>(res: Response, asking?: Asking): Promise<T> {
  if (!res.ok) throw await refused(res, asking)
  return (await res.json()) as T
}

export async function fetchRules(device: RelayDevice): Promise<NotificationRulesResponse> {
  return answer(await call(device, 'GET', '/v1/business/notification-rules'))
}

export async function putRules(
  device: RelayDevice,
  request: PutNotificationRulesRequest,
  asking: Asking,
): Promise<RulesAppliedResponse | RulesProposal> {
  return answer(await call(device, 'PUT', '/v1/business/notification-rules', request), asking)
}

export async function fetchProposals(device: RelayDevice): Promise<ProposalsResponse> {
  return answer(await call(device, 'GET', '/v1/business/notification-rules/proposals'))
}

export async function decideProposal(
  device: RelayDevice,
  id: string,
  decision: 'approve' | 'reject',
  actor: { personId: string; pin: string },
  asking: Asking,
): Promise<DecideProposalResponse> {
  const path = `/v1/business/notification-rules/proposals/${encodeURIComponent(id)}/${decision}`
  return answer(await call(device, 'POST', path, { actor }), asking)
}

export async function fetchHistory(
  device: RelayDevice,
  limit: number,
): Promise<NotificationHistoryResponse> {
  return answer(await call(device, 'GET', `/v1/business/notifications/history?limit=${limit}`))
}

export async function setDesktop(
  device: RelayDevice,
  request: DesktopSubscriptionRequest,
  asking: Asking,
): Promise<DesktopSubscriptionResponse> {
  return answer(await call(device, 'PUT', '/v1/notifications/desktop', request), asking)
}

/** `GET /v1/notifications` after `after`, held up to `waitSeconds` until one arrives. */
export async function pollDesktop(
  device: RelayDevice,
  after: number,
  waitSeconds: number,
  signal: AbortSignal,
): Promise<NotificationsResponse> {
  let res: Response
  try {
    res = await fetch(
      `${device.relayUrl}/v1/notifications?after=${after}&limit=100&wait=${waitSeconds}`,
      {
        headers: { authorization: `Bearer ${device.deviceToken}` },
        // The relay holds the request up to `wait`; a relay that holds it longer is gone.
        signal: AbortSignal.any([signal, AbortSignal.timeout((waitSeconds + 15) * 1000)]),
      },
    )
  } catch (err) {
    throw new DeskError(
      'RELAY_UNAVAILABLE',
      `The relay could not be reached: ${(err as Error).message}`,
    )
  }
  return answer(res)
}
