// `/v2/teams` and `/v2/teams/{teamId}/memberships` (no cal-api-version: REFERENCE.md §1.1). The
// memberships are where Cal.com names a team's members by id, username, name and email at once
// (`TeamMembershipOutput`); the spec's `GetTeamMembershipsOutput` says `data` is one membership,
// but the operation lists them ("Get all memberships", take/skip paging), so the sandbox answers
// an array (conformance.test.ts names the exception).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { forbidden } from '../../domain/errors.js'
import type { Membership, Team } from '../../domain/model.js'
import { requireCaller } from '../../plugins/auth.js'

const teams: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.sandbox
  const membershipsOf = (userId: number) =>
    [...store.memberships.values()].filter((m) => m.userId === userId && m.accepted)

  app.get('/teams', async (request) => {
    const caller = requireCaller(request)
    const mine = membershipsOf(caller.userId)
      .map((m) => store.teams.get(m.teamId))
      .filter((t): t is Team => t !== undefined)
    return { status: 'success', data: mine.map(renderTeam) }
  })

  app.get(
    '/teams/:teamId/memberships',
    {
      schema: {
        params: Type.Object({ teamId: Type.Integer() }),
        querystring: Type.Object({
          take: Type.Integer({ minimum: 1, maximum: 250, default: 250 }),
          skip: Type.Integer({ minimum: 0, default: 0 }),
          emails: Type.Optional(Type.Array(Type.String())),
        }),
      },
    },
    async (request) => {
      const caller = requireCaller(request)
      const { teamId } = request.params
      // Only a team's own members may read it (an unknown team is no different to a caller).
      if (!membershipsOf(caller.userId).some((m) => m.teamId === teamId))
        throw forbidden(`User with id=${caller.userId} is not a member of team with id=${teamId}`)
      const { take, skip, emails } = request.query
      const wanted = emails?.map((e) => e.toLowerCase())
      const list = [...store.memberships.values()]
        .filter((m) => m.teamId === teamId)
        .sort((a, b) => a.id - b.id)
        .map((m) => renderMembership(m))
        .filter((m) => !wanted || wanted.includes(m.user.email.toLowerCase()))
      return { status: 'success', data: list.slice(skip, skip + take) }
    },
  )

  function renderMembership(m: Membership) {
    const user = store.userById(m.userId)
    return {
      id: m.id,
      userId: m.userId,
      teamId: m.teamId,
      accepted: m.accepted,
      role: m.role,
      disableImpersonation: false,
      user: {
        username: user?.username ?? '',
        name: user?.name ?? '',
        email: user?.email ?? '',
      },
    }
  }
}

/** `TeamOutputDto`, the fields a team made in Cal.com's UI has. */
function renderTeam(team: Team) {
  return {
    id: team.id,
    name: team.name,
    slug: team.slug,
    isOrganization: false,
    isPrivate: false,
    hideBranding: false,
    hideBookATeamMember: false,
    timeZone: team.timeZone,
    weekStart: team.weekStart,
    metadata: {},
  }
}

export default teams
