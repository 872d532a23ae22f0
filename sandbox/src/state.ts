import type { Sandbox } from './domain/sandbox.js'

/** The JSON of `GET /_sandbox/state`: what tests and the demo need to drive the sandbox. */
export interface SandboxState {
  now: string
  url: string
  oauthClient: { clientId: string; redirectUri: string; clientType: 'PUBLIC' }
  confidentialClient: { clientId: string; clientSecret: string; redirectUri: string }
  accounts: Array<{
    userId: number
    username: string
    email: string
    name: string
    timeZone: string
    apiKey: string
    password: string
    branchName: string
    defaultScheduleId: number
    eventTypes: Array<{
      id: number
      slug: string
      title: string
      lengthInMinutes: number
      requiresConfirmation: boolean
      price: number
      currency: string
      hostIds: number[]
    }>
    staff: Array<{ id: number; name: string; email: string; username: string; scheduleId: number }>
  }>
}

export function sandboxState(
  sandbox: Sandbox,
  confidential: { clientId: string; secret: string },
): SandboxState {
  const { store } = sandbox
  const pub = [...store.oauthClients.values()].find((c) => c.clientType === 'PUBLIC')
  const conf = store.oauthClients.get(confidential.clientId)
  return {
    now: sandbox.clock.now().toISOString(),
    url: sandbox.config.appUrl,
    oauthClient: {
      clientId: pub?.clientId ?? '',
      redirectUri: pub?.redirectUri ?? '',
      clientType: 'PUBLIC',
    },
    confidentialClient: {
      clientId: confidential.clientId,
      clientSecret: confidential.secret,
      redirectUri: conf?.redirectUri ?? '',
    },
    accounts: [...store.accounts.values()].map((a) => ({
      userId: a.userId,
      username: a.username,
      email: a.email,
      name: a.name,
      timeZone: a.timeZone,
      apiKey: a.apiKey,
      password: a.password,
      branchName: a.branchName,
      defaultScheduleId: a.defaultScheduleId,
      eventTypes: store.eventTypesOf(a.userId).map((e) => ({
        id: e.id,
        slug: e.slug,
        title: e.title,
        lengthInMinutes: e.lengthInMinutes,
        requiresConfirmation: e.requiresConfirmation,
        price: e.price,
        currency: e.currency,
        hostIds: e.hostIds,
      })),
      staff: store.staffOf(a.userId).map((s) => ({
        id: s.id,
        name: s.name,
        email: s.email,
        username: s.username,
        scheduleId: s.scheduleId,
      })),
    })),
  }
}
