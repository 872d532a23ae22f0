// The app's routes beyond one branch (DESIGN.md §9): the branches it holds, the owner's
// overview, and every branch route for a chosen branch under `/b/<key>/…`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  AddBranchBody,
  BRANCH_KEY_PATTERN,
  BranchKeyParams,
  BranchList,
  BranchSummary,
} from '../../../shared/api/branches'
import { Overview, OverviewQuery, type OverviewRange } from '../../../shared/api/overview'
import { ApiError } from '../../../shared/api/schemas'
import { DeskError } from '../errors/desk-error'
import type { BranchHost } from './branch-host'
import { branchPath, forward } from './branch-forward'

const KEY = new RegExp(BRANCH_KEY_PATTERN)

const branchRoutes: FastifyPluginAsyncTypebox<{ host: BranchHost }> = async (app, { host }) => {
  app.get(
    '/api/branches',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'The branches this app holds, with their offline and waiting marks',
        response: { 200: BranchList },
      },
    },
    async () => host.summaries(),
  )

  app.post(
    '/api/branches',
    {
      config: { access: 'branches.manage' },
      schema: {
        summary: 'Adds a branch: its own folder and desk core, to connect next',
        body: AddBranchBody,
        response: { 201: BranchSummary, 400: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const added = await host.add(request.body.key, request.body.name)
      request.log.info({ branch: added.key }, 'branch added')
      return reply.code(201).send(added)
    },
  )

  app.delete(
    '/api/branches/:key',
    {
      config: { access: 'branches.manage' },
      schema: {
        summary: 'Stops and forgets a branch; its folder and history stay on disk',
        params: BranchKeyParams,
        response: { 204: Type.Null(), 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      await host.remove(request.params.key)
      request.log.info({ branch: request.params.key }, 'branch removed')
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/overview',
    {
      config: { access: 'overview.read' },
      schema: {
        summary: "All branches: today's or this week's numbers per branch and in total",
        querystring: OverviewQuery,
        response: { 200: Overview, 400: ApiError },
      },
    },
    async (request) => host.overview(request.query.range as OverviewRange),
  )

  // Forwarded bodies stay the bytes the caller sent: the branch's core parses and validates them.
  await app.register(async (branchScope) => {
    branchScope.removeAllContentTypeParsers()
    branchScope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    )
    const handler = async (
      request: import('fastify').FastifyRequest<{ Params: { key: string; '*'?: string } }>,
      reply: import('fastify').FastifyReply,
    ) => {
      const { key } = request.params
      const branch = KEY.test(key) ? host.branch(key) : undefined
      if (!branch) throw new DeskError('NOT_FOUND', `This app holds no branch "${key}"`, 'key')
      const rest = request.params['*'] ?? 'api/live'
      return forward(request, reply, branch.desk, branchPath(rest, request.url))
    }
    branchScope.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/b/:key/*',
      schema: { hide: true },
      handler,
    })
    // EventSource cannot send headers: this route alone takes the app's token as `?token=`.
    branchScope.get(
      '/b/:key/api/live',
      { schema: { hide: true }, config: { tokenInQuery: true } },
      handler,
    )
  })
}
export default branchRoutes
