// The relay's business routes as the desk calls them (DESIGN.md §7), with the device token. A
// relay refusal becomes the DeskError the local API answers with; its field is named as the desk's
// body names it (`owner.email`, not the relay's `body/owner/email`). Every answer is checked
// against its schema (shared/relay/business-answers.ts) before the desk keeps or shows it.
import {
  BusinessSnapshotSchema,
  CancellationPolicyResponseSchema,
  CreateBusinessResponseSchema,
  JoinCodeResponseSchema,
  PersonChangeResponseSchema,
  RenameBranchResponseSchema,
} from '../../../shared/relay/business-answers'
import type {
  CancellationPolicyResponse,
  RemoveCancellationPolicyRequest,
  SetCancellationPolicyRequest,
  AddPersonRequest,
  BusinessSnapshot,
  JoinCodeRequest,
  RenameBranchRequest,
  RenameBranchResponse,
  JoinCodeResponse,
  PersonChangeResponse,
  UpdatePersonRequest,
  CreateBusinessRequest,
  CreateBusinessResponse,
  JoinBusinessRequest,
} from '../../../shared/relay/relay-contract'
import { DeskError } from '../errors/desk-error'
import { ValidationError } from '../errors/validation-error'
import { refusalBody, understood, type RefusalBody } from './relay-answer'
import type { RelayDevice } from './relay-device-store'

const TIMEOUT_MS = 15_000

export async function call(
  device: RelayDevice,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Response> {
  try {
    return await fetch(`${device.relayUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${device.deviceToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    throw new DeskError(
      'RELAY_UNAVAILABLE',
      `The relay could not be reached: ${(err as Error).message}`,
    )
  }
}

/** Who asked, to word a refusal of theirs. */
export interface Asking {
  role: string
  action: string
}

export async function refusal(res: Response, asking?: Asking): Promise<DeskError> {
  // Not the relay's JSON (a proxy's page): said by status below.
  const body: Partial<RefusalBody> = (await refusalBody(res)) ?? {}
  const message = body.message ?? `The relay answered ${res.status}`
  switch (body.code) {
    case 'BUSINESS_EXISTS':
      return new DeskError('BUSINESS_EXISTS', message)
    case 'JOIN_CODE_INVALID':
      return new DeskError('JOIN_CODE_INVALID', message, 'code')
    case 'VALIDATION_FAILED':
      // The relay names the field but not why in a code of ours: its message stays for the log.
      return new ValidationError(
        body.field?.replace(/^(body|params)\//, '').replaceAll('/', '.') ?? 'body',
        'invalid',
        message,
      )
    case 'PIN_REFUSED':
      return new DeskError('PIN_REFUSED', message, 'pin')
    case 'PIN_LOCKED': {
      const seconds = Number(res.headers.get('retry-after') ?? 300)
      const until = new Date(Date.now() + seconds * 1000).toISOString()
      return new DeskError('PIN_LOCKED', message, 'pin', undefined, { until })
    }
    case 'FORBIDDEN':
      return new DeskError(
        'FORBIDDEN',
        message,
        undefined,
        undefined,
        asking ?? { role: 'unknown', action: 'unknown' },
      )
    case 'NOT_FOUND':
      return new DeskError('NOT_FOUND', message)
    case 'CONFLICT':
      return new DeskError('RELAY_REFUSED', message)
    default:
      return new DeskError('RELAY_UNAVAILABLE', `${message} (${body.code ?? res.status})`)
  }
}

/** `GET /v1/business`: null while the branch belongs to no business. */
export async function fetchBusiness(device: RelayDevice): Promise<BusinessSnapshot | null> {
  const res = await call(device, 'GET', '/v1/business')
  if (res.status === 404) {
    await res.arrayBuffer()
    return null
  }
  if (!res.ok) throw await refusal(res)
  return understood(res, 'GET /v1/business', BusinessSnapshotSchema)
}

export async function createBusiness(
  device: RelayDevice,
  request: CreateBusinessRequest,
): Promise<CreateBusinessResponse> {
  const res = await call(device, 'POST', '/v1/business', request)
  if (!res.ok) throw await refusal(res)
  return understood(res, 'POST /v1/business', CreateBusinessResponseSchema)
}

export async function joinBusiness(
  device: RelayDevice,
  request: JoinBusinessRequest,
): Promise<BusinessSnapshot> {
  const res = await call(device, 'POST', '/v1/business/join', request)
  if (!res.ok) throw await refusal(res)
  return understood(res, 'POST /v1/business/join', BusinessSnapshotSchema)
}

export async function makeJoinCode(
  device: RelayDevice,
  request: JoinCodeRequest,
  asking: Asking,
): Promise<JoinCodeResponse> {
  const res = await call(device, 'POST', '/v1/business/join-codes', request)
  if (!res.ok) throw await refusal(res, asking)
  return understood(res, 'POST /v1/business/join-codes', JoinCodeResponseSchema)
}

export async function addPerson(
  device: RelayDevice,
  request: AddPersonRequest,
  asking: Asking,
): Promise<PersonChangeResponse> {
  const res = await call(device, 'POST', '/v1/business/people', request)
  if (!res.ok) throw await refusal(res, asking)
  return understood(res, 'POST /v1/business/people', PersonChangeResponseSchema)
}

export async function changePerson(
  device: RelayDevice,
  personId: string,
  request: UpdatePersonRequest,
  asking: Asking,
): Promise<PersonChangeResponse> {
  const res = await call(
    device,
    'PATCH',
    `/v1/business/people/${encodeURIComponent(personId)}`,
    request,
  )
  if (!res.ok) throw await refusal(res, asking)
  return understood(res, 'PATCH /v1/business/people/:personId', PersonChangeResponseSchema)
}

/** Sets (or with `null`, removes) one service's cancellation policy at one branch. */
export async function putCancellationPolicy(
  device: RelayDevice,
  where: { branchId: string; calcomEventTypeId: number },
  request: SetCancellationPolicyRequest | RemoveCancellationPolicyRequest,
  asking: Asking,
): Promise<CancellationPolicyResponse> {
  const method = 'windowHours' in request ? 'PUT' : 'DELETE'
  const res = await call(
    device,
    method,
    `/v1/business/cancellation-policies/${encodeURIComponent(where.branchId)}/${where.calcomEventTypeId}`,
    request,
  )
  if (!res.ok) throw await refusal(res, asking)
  return understood(
    res,
    `${method} /v1/business/cancellation-policies/:branchId/:eventTypeId`,
    CancellationPolicyResponseSchema,
  )
}

/** Names one branch of the business (owners any, admins their own; the relay checks the PIN). */
export async function renameBranch(
  device: RelayDevice,
  channelId: string,
  request: RenameBranchRequest,
  asking: Asking,
): Promise<RenameBranchResponse> {
  const res = await call(
    device,
    'PUT',
    `/v1/business/branches/${encodeURIComponent(channelId)}`,
    request,
  )
  if (!res.ok) throw await refusal(res, asking)
  return understood(res, 'PUT /v1/business/branches/:channelId', RenameBranchResponseSchema)
}
