import { Type } from '@sinclair/typebox'
import type { CalcomCredential } from './calcom-credential'
import { ok, type CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import { Team, TeamMembership } from './response-schemas'

/** Cal.com's page size limit for memberships (OpenAPI: take 1–250). */
const PAGE = 250
/** A business with more members than this is not a branch's front desk; stop reading there. */
const MAX_PAGES = 8

/** `/v2/teams` and their memberships. Take no `cal-api-version` (REFERENCE.md §1.1). */
export function teamsApi(transport: CalcomTransport, credential: CalcomCredential) {
  return {
    /** The teams the credential's user belongs to. */
    list(closing?: AbortSignal): Promise<CalcomResult<Team[]>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/teams',
        schema: Type.Array(Team),
        signal: closing,
        cutOff: closing,
      })
    },
    /** Every membership of team `teamId`, page by page. */
    async memberships(
      teamId: number,
      closing?: AbortSignal,
    ): Promise<CalcomResult<TeamMembership[]>> {
      const all: TeamMembership[] = []
      for (let page = 0; page < MAX_PAGES; page++) {
        const got = await transport.call(credential, {
          method: 'GET',
          path: `/v2/teams/${teamId}/memberships`,
          query: { take: PAGE, skip: page * PAGE },
          schema: Type.Array(TeamMembership),
          signal: closing,
          cutOff: closing,
        })
        if (!got.ok) return got
        all.push(...got.value)
        if (got.value.length < PAGE) break
      }
      return ok(all)
    },
  }
}
