// The Cal.com API v2 client: one object per connected credential, grouping the areas the desk
// uses. Every method answers a CalcomResult (calcom-errors.ts) and never throws for Cal.com's
// sake. Build it with createCalcomClient(); share one CalcomTransport (and so one rate governor
// and api_log) across all clients of a desk.
import { resolveApiVersions, type CalcomApiVersions } from './api-versions'
import { bookingsApi } from './bookings-api'
import type { CalcomCredential } from './calcom-credential'
import { eventTypesApi } from './event-types-api'
import type { CalcomTransport } from './http-transport'
import { meApi } from './me-api'
import { schedulesApi } from './schedules-api'
import { slotsApi } from './slots-api'
import { teamsApi } from './teams-api'
import { webhooksApi } from './webhooks-api'

export interface CalcomClientOptions {
  transport: CalcomTransport
  credential: CalcomCredential
  versions?: Partial<CalcomApiVersions>
}

export function createCalcomClient(opts: CalcomClientOptions) {
  const versions = resolveApiVersions(opts.versions)
  const { transport, credential } = opts
  return {
    credential,
    versions,
    me: meApi(transport, credential),
    eventTypes: eventTypesApi(transport, credential, versions),
    schedules: schedulesApi(transport, credential, versions),
    slots: slotsApi(transport, credential, versions),
    bookings: bookingsApi(transport, credential, versions),
    webhooks: webhooksApi(transport, credential),
    teams: teamsApi(transport, credential),
  }
}

export type CalcomClient = ReturnType<typeof createCalcomClient>
