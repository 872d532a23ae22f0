import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { notFound } from '../../domain/errors.js'
import { OAuthError } from '../../domain/oauth.js'
import { requireCaller } from '../../plugins/auth.js'

// Which fields each request shape may carry (whitelist + forbidNonWhitelisted, REFERENCE.md §5.2).
const ALLOWED = {
  authorization_code: {
    confidential: ['grant_type', 'client_id', 'client_secret', 'code', 'redirect_uri'],
    public: ['grant_type', 'client_id', 'code', 'redirect_uri', 'code_verifier'],
  },
  refresh_token: {
    confidential: ['grant_type', 'client_id', 'client_secret', 'refresh_token'],
    public: ['grant_type', 'client_id', 'refresh_token'],
  },
} as const
const REQUIRED = {
  authorization_code: ['code', 'redirect_uri'],
  refresh_token: ['refresh_token'],
} as const

const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description)

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw invalidRequest(`${name} must be a string`)
  return value
}

/** POST /v2/auth/oauth2/token: RFC 6749 bodies and errors, never the API envelope. */
const token: FastifyPluginAsyncTypebox = async (app) => {
  const { oauth } = app.sandbox

  app.post('/auth/oauth2/token', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
    try {
      const body = request.body
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw invalidRequest('client_id is required')
      const b = body as Record<string, unknown>
      const clientId = field(b, 'client_id')
      if (!clientId) throw invalidRequest('client_id is required')
      const grantType = field(b, 'grant_type')
      if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
        throw invalidRequest("grant_type must be 'authorization_code' or 'refresh_token'")
      }
      const clientSecret = field(b, 'client_secret')
      const allowed: readonly string[] =
        ALLOWED[grantType][clientSecret !== undefined ? 'confidential' : 'public']
      const extra = Object.keys(b).filter((k) => !allowed.includes(k))
      if (extra.length > 0)
        throw invalidRequest(extra.map((k) => `property ${k} should not exist`).join(', '))
      const missing = REQUIRED[grantType].filter((k) => !field(b, k))
      if (missing.length > 0)
        throw invalidRequest(missing.map((k) => `${k} should not be empty`).join(', '))
      const client = oauth.authenticateClient(clientId, clientSecret)
      const tokens =
        grantType === 'authorization_code'
          ? oauth.exchangeCode(
              client,
              field(b, 'code')!,
              field(b, 'redirect_uri')!,
              field(b, 'code_verifier'),
            )
          : oauth.refresh(client, field(b, 'refresh_token')!)
      return reply.code(200).send(tokens)
    } catch (err) {
      if (err instanceof OAuthError) {
        return reply
          .code(err.statusCode)
          .send({ error: err.error, error_description: err.description })
      }
      throw err
    }
  })

  app.get(
    '/auth/oauth2/clients/:clientId',
    { schema: { params: Type.Object({ clientId: Type.String() }) } },
    async (request) => {
      requireCaller(request)
      const client = oauth.client(request.params.clientId)
      if (!client) throw notFound(`OAuth client with id ${request.params.clientId} not found`)
      return {
        status: 'success',
        data: {
          client_id: client.clientId,
          redirect_uri: client.redirectUri,
          name: client.name,
          logo: null,
          is_trusted: false,
          client_type: client.clientType,
        },
      }
    },
  )
}

export default token
