// Setting up the business from this desk, or joining one with a code (DESIGN.md §7): forwarded
// to the relay, which is the authority; the desk keeps the snapshot it answers with.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateBusinessBody, JoinBusinessBody, PeopleList } from '../../../../shared/api/people'
import { ApiError } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const business: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  const answer = () => {
    const b = services.business.current()
    return {
      business: b ? { id: b.id, name: b.name } : null,
      people: services.signIn.people().map((p) => ({ id: p.id, name: p.name, role: p.role })),
    }
  }
  const refusals = { 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError, 503: ApiError }

  app.post(
    '/api/business',
    {
      config: { access: 'business.edit' },
      schema: {
        summary: 'Set up the business from this connected desk, with its owner and PIN',
        body: CreateBusinessBody,
        response: { 200: PeopleList, ...refusals },
      },
    },
    async (request) => {
      await services.businessCopy.create(request.body)
      services.audit.record({
        action: 'business.create',
        target: `business:${services.business.current()?.id}`,
        detail: { name: request.body.name },
      })
      return answer()
    },
  )

  app.post(
    '/api/business/join',
    {
      config: { access: 'business.edit' },
      schema: {
        summary: "Join this desk's branch to a business with the owner's join code",
        body: JoinBusinessBody,
        response: { 200: PeopleList, ...refusals },
      },
    },
    async (request) => {
      await services.businessCopy.join(request.body.code)
      services.audit.record({
        action: 'business.join',
        target: `business:${services.business.current()?.id}`,
        detail: {},
      })
      return answer()
    },
  )
}
export default business
