import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { OAuthClient } from '../../domain/model.js'
import { clientRefusal } from '../../domain/oauth.js'
import { consentPage, errorPage, loginPage } from './pages.js'

const SESSION_COOKIE = 'sandbox_session'

const AuthorizeQuery = Type.Object({
  client_id: Type.Optional(Type.String()),
  redirect_uri: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  scope: Type.Optional(Type.String()),
  code_challenge: Type.Optional(Type.String()),
  code_challenge_method: Type.Optional(Type.String()),
})
type AuthorizeParams = { [K in keyof typeof AuthorizeQuery.properties]?: string }

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

/**
 * Cal.com's "OAuth for apps" consent flow on the web host (REFERENCE.md §5.2): sign in, then
 * Allow / Deny; redirects only ever go to the client's exactly-registered redirect URI.
 */
const authorize: FastifyPluginAsyncTypebox = async (app) => {
  const { store, oauth } = app.sandbox
  // browser sessions of the sandbox's web app: session id → user id + CSRF token
  const sessions = new Map<string, { userId: number; csrf: string }>()

  const html = (reply: FastifyReply, code: number, body: string) =>
    reply
      .code(code)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body)

  /** Client and redirect URI checks that must pass before anything is sent to the redirect URI. */
  function checkClient(reply: FastifyReply, q: AuthorizeParams): OAuthClient | undefined {
    const client = q.client_id ? oauth.client(q.client_id) : undefined
    if (!client) {
      void html(
        reply,
        400,
        errorPage('Unknown application', `No OAuth client with id "${q.client_id ?? ''}".`),
      )
      return undefined
    }
    if (q.redirect_uri !== client.redirectUri) {
      void html(
        reply,
        400,
        errorPage(
          'Invalid redirect URI',
          `redirect_uri must exactly equal the URI registered for ${client.name}.`,
        ),
      )
      return undefined
    }
    return client
  }

  app.get('/authorize', { schema: { querystring: AuthorizeQuery } }, async (request, reply) => {
    const q = request.query
    const client = checkClient(reply, q)
    if (!client) return reply
    const redirectUri = client.redirectUri
    const refusal = clientRefusal(client)
    if (refusal) {
      return reply.redirect(
        redirectWith(redirectUri, {
          error: refusal.error,
          error_description: refusal.description,
          state: q.state,
        }),
      )
    }
    if (
      client.clientType === 'PUBLIC' &&
      (!q.code_challenge || q.code_challenge_method !== 'S256')
    ) {
      return reply.redirect(
        redirectWith(redirectUri, {
          error: 'invalid_request',
          error_description:
            'code_challenge and code_challenge_method=S256 are required for this client',
          state: q.state,
        }),
      )
    }
    const sessionId = cookie(request, SESSION_COOKIE)
    const session = sessionId ? sessions.get(sessionId) : undefined
    const account = session ? store.accounts.get(session.userId) : undefined
    if (!session || !account) {
      const next = new URLSearchParams(q as Record<string, string>).toString()
      const accounts = [...store.accounts.values()].map((a) => ({ email: a.email, name: a.name }))
      return html(reply, 200, loginPage({ next, accounts }))
    }
    const fields: Record<string, string> = { csrf: session.csrf }
    for (const [k, v] of Object.entries(q)) if (typeof v === 'string') fields[k] = v
    return html(
      reply,
      200,
      consentPage({
        clientName: client.name,
        accountName: account.name,
        accountEmail: account.email,
        scopes: q.scope
          ? q.scope
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
        fields,
      }),
    )
  })

  app.post(
    '/login',
    {
      schema: {
        body: Type.Object({
          email: Type.String(),
          password: Type.String(),
          next: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const { email, password, next = '' } = request.body
      const account = store.accountByEmail(email)
      if (!account || account.password !== password) {
        const accounts = [...store.accounts.values()].map((a) => ({ email: a.email, name: a.name }))
        return html(
          reply,
          401,
          loginPage({ next, accounts, error: 'Email or password is incorrect.' }),
        )
      }
      const sessionId = randomBytes(24).toString('base64url')
      sessions.set(sessionId, {
        userId: account.userId,
        csrf: randomBytes(16).toString('base64url'),
      })
      reply.header('set-cookie', `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`)
      return reply.redirect(`/auth/oauth2/authorize?${next}`, 303)
    },
  )

  app.post(
    '/authorize',
    {
      schema: {
        body: Type.Composite([
          AuthorizeQuery,
          Type.Object({ csrf: Type.String(), decision: Type.String() }),
        ]),
      },
    },
    async (request, reply) => {
      const body = request.body
      const client = checkClient(reply, body)
      if (!client) return reply
      const sessionId = cookie(request, SESSION_COOKIE)
      const session = sessionId ? sessions.get(sessionId) : undefined
      if (!session || session.csrf !== body.csrf) {
        return html(
          reply,
          403,
          errorPage('Session expired', 'Sign in again and retry from the application.'),
        )
      }
      if (body.decision !== 'allow') {
        return reply.redirect(
          redirectWith(client.redirectUri, { error: 'access_denied', state: body.state }),
          303,
        )
      }
      const code = oauth.issueCode({
        clientId: client.clientId,
        userId: session.userId,
        redirectUri: client.redirectUri,
        scope: body.scope
          ? body.scope
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
        codeChallenge: body.code_challenge ?? null,
        codeChallengeMethod: body.code_challenge_method ?? null,
      })
      return reply.redirect(redirectWith(client.redirectUri, { code, state: body.state }), 303)
    },
  )
}

export default authorize
