// `GET /api/clients/suggestions?q=`: past clients of the branch for the new booking form.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ClientSuggestion, ClientSuggestionsQuery } from '../../../../shared/api/client-suggestions'
import { ApiError } from '../../../../shared/api/schemas'
import { suggestClients } from '../../clients/client-suggestions'
import { digitsOf, normalise } from '../../clients/client-matching'
import type { DeskServices } from '../desk-services'
import { ValidationError } from '../../errors/validation-error'

const clientSuggestions: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/clients/suggestions',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Past clients of the branch whose name, email or phone contains q, best first',
        querystring: ClientSuggestionsQuery,
        response: { 200: Type.Array(ClientSuggestion), 400: ApiError },
      },
    },
    async (request) => {
      const { q, limit = 8 } = request.query
      if (!/[\p{L}\p{N}]/u.test(normalise(q)) && !digitsOf(q)) {
        throw new ValidationError(
          'q',
          'needs_letter_or_digit',
          'q must contain a letter or a digit',
        )
      }
      return suggestClients(services.appointments, services.branches.current().id, q, limit).map(
        (c) => ({
          ...c,
          lastVisit: new Date(c.lastVisit).toISOString(),
        }),
      )
    },
  )
}
export default clientSuggestions
