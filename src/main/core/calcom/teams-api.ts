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
    /**
     * Every membership of team `teamId`, page by page. The operation lists them (take/skip), but
     * the OpenAPI document's `GetTeamMembershipsOutput` says `data` is one membership: either
     * shape is taken, one membership read as a page of one.
     */
    async memberships(
      teamId: number,
      closing?: AbortSignal,
    ): Promise<CalcomResult<TeamMembership[]>> {
      const all: TeamMembership[] = []
      for (let n = 0; n < MAX_PAGES; n++) {
        const got = await transport.call(credential, {
          method: 'GET',
          path: `/v2/teams/${teamId}/memberships`,
          query: { take: PAGE, skip: n * PAGE },
          schema: Type.Union([Type.Array(TeamMembership), TeamMembership]),
          signal: closing,
          cutOff: closing,
        })
        if (!got.ok) return got
        const page = Array.isArray(got.value) ? got.value : [got.value]
        all.push(...page)
        if (page.length < PAGE) break
      }
      return ok(all)
    },
  }
}
