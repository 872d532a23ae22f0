import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { unauthorized } from '../domain/errors.js'
import type { Caller } from './context.js'
import { bearerToken } from './rate-limit.js'

export const NO_AUTH_MESSAGE =
  "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers"

/** The signed-in account, or a 401 envelope. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthorized(NO_AUTH_MESSAGE)
  return request.caller
}

/** Resolves `Authorization: Bearer` (API key `cal_…` or OAuth access token) to `request.caller`. */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      const token = bearerToken(request.headers.authorization)
      if (!token) return
      const { store, oauth } = app.sandbox
      if (token.startsWith('cal_')) {
        const account = store.accountByApiKey(token)
        if (!account) throw unauthorized('CustomThrottlerGuard - Invalid API Key')
        request.caller = { userId: account.userId, email: account.email, kind: 'apiKey' }
        return
      }
      const claims = oauth.verify(token, 'Access Token')
      const account = claims ? store.accounts.get(claims.userId) : undefined
      if (!claims || !account) throw unauthorized('ApiAuthStrategy - Invalid Access Token')
      request.caller = {
        userId: account.userId,
        email: account.email,
        kind: 'oauth',
        clientId: claims.clientId,
      }
    })
  },
  { name: 'auth', dependencies: ['sandbox-context'] },
)
