// The demo's business, set up as its owner would (DESIGN.md §7, §8): the owner at the desk, an
// admin and a receptionist added with the owner's PIN, a 48-hour cancellation policy on every
// service of the branch, and notification rules for a demo — no quiet hours, late cancellations
// emailed at once rather than grouped — so a late cancellation becomes the owner's email within
// seconds, whatever the hour. The PINs are printed at start.
import type { EventTypeInfo } from '../../src/shared/api/schemas'
import type {
  EnrollResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract'
import type { DeskAddress } from './connect-branch'

export interface DemoPerson {
  name: string
  role: 'owner' | 'admin' | 'receptionist'
  email: string
  pin: string
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: 'Olivia Owner', role: 'owner', email: 'olivia@maple-vine.test', pin: '2580' },
  { name: 'Adam Admin', role: 'admin', email: 'adam@maple-vine.test', pin: '1357' },
  { name: 'Rosa Reception', role: 'receptionist', email: 'rosa@maple-vine.test', pin: '2468' },
]

export const DEMO_POLICY = {
  windowHours: 48,
  text: 'Please cancel at least 48 hours ahead: later cancellations are charged half the price.',
}

async function deskCall<T>(desk: DeskAddress, method: string, path: string, body?: unknown) {
  const res = await fetch(`${desk.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${desk.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`the desk answered ${res.status} to ${method} ${path}: ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

async function relayCall<T>(url: string, method: string, token: string | null, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`the relay answered ${res.status} to ${method} ${url}: ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

export async function setUpDemoBusiness(o: {
  desk: DeskAddress
  relayUrl: string
  apiKey: string
  branchName: string
  channelId: string
}): Promise<void> {
  const [owner, ...others] = DEMO_PEOPLE as [DemoPerson, ...DemoPerson[]]
  const created = await deskCall<{ people: { id: string }[] }>(o.desk, 'POST', '/api/business', {
    name: 'Maple & Vine Salons',
    owner: { name: owner.name, email: owner.email, language: 'en', pin: owner.pin },
  })
  const ownerId = created.people[0]!.id
  await deskCall(o.desk, 'POST', '/api/session', { personId: ownerId, pin: owner.pin })
  for (const p of others) {
    await deskCall(o.desk, 'POST', '/api/business/people', {
      pin: owner.pin,
      person: { name: p.name, email: p.email, language: 'en', pin: p.pin, role: p.role },
    })
  }
  const services = await deskCall<EventTypeInfo[]>(o.desk, 'GET', '/api/event-types')
  for (const s of services) {
    await deskCall(o.desk, 'PUT', `/api/cancellation-policies/${s.id}`, {
      pin: owner.pin,
      ...DEMO_POLICY,
    })
  }

  // The rules for a demo, as the owner would set them on the notification settings screen: the
  // demo enrolls a second device of the branch for it (any desk of the business may), then
  // gives it up so it holds back nothing.
  const device = await relayCall<EnrollResponse>(`${o.relayUrl}/v1/enroll`, 'POST', null, {
    calcom: { apiKey: o.apiKey },
    deviceName: 'demo set-up',
  })
  const rulesUrl = `${o.relayUrl}/v1/business/notification-rules`
  const now = await relayCall<NotificationRulesResponse>(rulesUrl, 'GET', device.deviceToken)
  const rules = structuredClone(now.rules)
  rules.quietHours = null
  rules.kinds['booking.late_cancellation'].coalesceMinutes = 0
  rules.branchNames = { ...rules.branchNames, [o.channelId]: o.branchName }
  await relayCall(rulesUrl, 'PUT', device.deviceToken, {
    actor: { personId: ownerId, pin: owner.pin },
    baseVersion: now.version,
    rules,
    reason: 'The demo: every notification at once, whatever the hour',
  })
  await relayCall(`${o.relayUrl}/v1/device/revoke`, 'POST', device.deviceToken)
  await deskCall(o.desk, 'DELETE', '/api/session')
}

/** The block printed at start: who can sign in at the desk, with which PIN. */
export function peopleBlock(): string[] {
  const width = Math.max(...DEMO_PEOPLE.map((p) => p.name.length))
  return [
    'Sign in at the desk as one of these people (pick the name, type the PIN):',
    ...DEMO_PEOPLE.map(
      (p) => `  ${p.name.padEnd(width)}  ${p.role.padEnd(12)}  PIN ${p.pin}   ${p.email}`,
    ),
    `Every service has a ${DEMO_POLICY.windowHours}-hour cancellation policy: cancel an appointment that starts sooner and its late-cancellation email reaches the owner’s mailbox.`,
  ]
}
