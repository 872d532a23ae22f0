// The relay's notification routes as the desk calls them (DESIGN.md §8), with the device token:
// the rules and their proposals, the owner's history, "notify me on this computer", and the
// desktop notifications of the people who chose this device. A relay refusal becomes the
// DeskError the local API answers with; the refusals only these routes make get codes of their own.
// Every answer is checked against its schema (shared/relay/notification-answers.ts) first.
import type { TSchema, Static } from '@sinclair/typebox'
import {
  DecideProposalResponseSchema,
  DesktopPollAnswerSchema,
  DesktopSubscriptionResponseSchema,
  NotificationHistoryResponseSchema,
  NotificationRulesResponseSchema,
  ProposalsResponseSchema,
  RulesAppliedResponseSchema,
  RulesProposalSchema,
} from '../../../shared/relay/notification-answers'
import type {
  DecideProposalResponse,
  DesktopSubscriptionRequest,
  DesktopSubscriptionResponse,
  NotificationHistoryResponse,
  NotificationRulesResponse,
  ProposalsResponse,
  PutNotificationRulesRequest,
  RulesAppliedResponse,
  RulesProposal,
} from '../../../shared/relay/relay-contract'
import { DeskError } from '../errors/desk-error'
import { refusalBody, understood } from '../inbound/relay-answer'
import { call, refusal, type Asking } from '../inbound/relay-business'
import type { RelayDevice } from '../inbound/relay-device-store'
import { showablePage, type DesktopPage } from './newer-kinds'

async function refused(res: Response, asking?: Asking): Promise<DeskError> {
  const text = await res.text()
  // Not the relay's JSON: the shared refusal words it by status.
  const code = (await refusalBody(new Response(text)))?.code
  if (code === 'CONFLICT')
    return new DeskError('RULES_CHANGED', 'The rules changed meanwhile: read them again')
  if (code === 'PROPOSAL_SUPERSEDED')
    return new DeskError('PROPOSAL_SUPERSEDED', 'The rules changed since this proposal was made')
  if (code === 'PROPOSAL_DECIDED')
    return new DeskError('PROPOSAL_DECIDED', 'This proposal was already decided')
  return refusal(new Response(text, { status: res.status, headers: res.headers }), asking)
}

async function answer<T extends TSchema>(
  res: Response,
  what: { call: string; schema: T },
  asking?: Asking,
): Promise<Static<T>> {
  if (!res.ok) throw await refused(res, asking)
  return understood(res, what.call, what.schema)
}

export async function fetchRules(device: RelayDevice): Promise<NotificationRulesResponse> {
  const path = '/v1/business/notification-rules'
  return answer(await call(device, 'GET', path), {
    call: `GET ${path}`,
    schema: NotificationRulesResponseSchema,
  })
}

export async function putRules(
  device: RelayDevice,
  request: PutNotificationRulesRequest,
  asking: Asking,
): Promise<RulesAppliedResponse | RulesProposal> {
  const path = '/v1/business/notification-rules'
  const res = await call(device, 'PUT', path, request)
  // 200: the owner's change applied; 202: an admin's, a proposal for the owner.
  const schema = res.status === 202 ? RulesProposalSchema : RulesAppliedResponseSchema
  return answer(res, { call: `PUT ${path}`, schema }, asking)
}

export async function fetchProposals(device: RelayDevice): Promise<ProposalsResponse> {
  const path = '/v1/business/notification-rules/proposals'
  return answer(await call(device, 'GET', path), {
    call: `GET ${path}`,
    schema: ProposalsResponseSchema,
  })
}

export async function decideProposal(
  device: RelayDevice,
  id: string,
  decision: 'approve' | 'reject',
  actor: { personId: string; pin: string },
  asking: Asking,
): Promise<DecideProposalResponse> {
  const path = `/v1/business/notification-rules/proposals/${encodeURIComponent(id)}/${decision}`
  return answer(
    await call(device, 'POST', path, { actor }),
    {
      call: `POST /v1/business/notification-rules/proposals/:id/${decision}`,
      schema: DecideProposalResponseSchema,
    },
    asking,
  )
}

export async function fetchHistory(
  device: RelayDevice,
  limit: number,
): Promise<NotificationHistoryResponse> {
  return answer(await call(device, 'GET', `/v1/business/notifications/history?limit=${limit}`), {
    call: 'GET /v1/business/notifications/history',
    schema: NotificationHistoryResponseSchema,
  })
}

export async function setDesktop(
  device: RelayDevice,
  request: DesktopSubscriptionRequest,
  asking: Asking,
): Promise<DesktopSubscriptionResponse> {
  return answer(
    await call(device, 'PUT', '/v1/notifications/desktop', request),
    { call: 'PUT /v1/notifications/desktop', schema: DesktopSubscriptionResponseSchema },
    asking,
  )
}

/**
 * `GET /v1/notifications` after `after`, held up to `waitSeconds` until one arrives: those this
 * desk can show, and past every one of the page (a newer relay's kinds are skipped).
 */
export async function pollDesktop(
  device: RelayDevice,
  after: number,
  waitSeconds: number,
  signal: AbortSignal,
): Promise<DesktopPage> {
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
  return showablePage(
    await answer(res, { call: 'GET /v1/notifications', schema: DesktopPollAnswerSchema }),
  )
}
