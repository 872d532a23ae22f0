// Cal.com "OAuth for apps" (REFERENCE.md §5.2) for a public client: the authorize URL, the code
// exchange and the refresh at POST /v2/auth/oauth2/token.
//
// The protocol work (PKCE S256 verifier/challenge, state, the token requests and the checks on
// their answers) is done by oauth4webapi: a small, dependency-free, certified OAuth 2 client
// library by the author of `jose`/`openid-client`. Hand-written OAuth is where subtle security
// bugs live; this library has none of our code in its checks. Its requests go through our
// transport (customFetch), so they are rate-governed and logged in api_log like every other call.
import * as oauth from 'oauth4webapi'
import { CalcomError, fail, ok, type CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'

export const TOKEN_PATH = '/v2/auth/oauth2/token'

/** What Cal.com's granular scopes call the access the desk needs (REFERENCE.md §5.2). */
export const FRONTDESK_SCOPES = [
  'PROFILE_READ',
  'BOOKING_READ',
  'BOOKING_WRITE',
  'EVENT_TYPE_READ',
  'SCHEDULE_READ',
  'WEBHOOK_READ',
  'WEBHOOK_WRITE',
]

export interface OAuthTokens {
  accessToken: string
  refreshToken: string
  /** Epoch ms at which the access token stops working. */
  expiresAt: number
}

export interface OAuthClientConfig {
  clientId: string
  redirectUri: string
  /** Where the consent page lives (https://app.cal.com). */
  appUrl: string
}

export interface PkceRequest {
  state: string
  codeVerifier: string
  authorizeUrl: string
}

export function oauthApi(transport: CalcomTransport, config: OAuthClientConfig, now = Date.now) {
  const as: oauth.AuthorizationServer = {
    issuer: transport.baseUrl,
    token_endpoint: transport.baseUrl + TOKEN_PATH,
  }
  const client: oauth.Client = { client_id: config.clientId }
  const options = {
    // Cal.com's own hosts are https; http is for the sandbox and self-hosted test instances.
    [oauth.allowInsecureRequests]: transport.baseUrl.startsWith('http:'),
    [oauth.customFetch]: async (
      url: string,
      init: oauth.CustomFetchOptions<'POST', URLSearchParams>,
    ) => {
      const path = url.startsWith(transport.baseUrl) ? url.slice(transport.baseUrl.length) : url
      const sent = await transport.send(
        init.method,
        path,
        { headers: init.headers, body: init.body, signal: init.signal },
        undefined,
      )
      if (!sent.ok) throw sent.error
      const { response, text } = sent.value
      return new Response(text, { status: response.status, headers: response.headers })
    },
  }

  const tokensFrom = async (
    request: () => Promise<Response>,
    process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
  ): Promise<CalcomResult<OAuthTokens>> => {
    try {
      const response = await request()
      if (response.status === 429 || response.status >= 500) {
        return fail(
          new CalcomError(
            'transient',
            response.status === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR',
            `Cal.com's token endpoint answered ${response.status}`,
            { status: response.status, method: 'POST', path: TOKEN_PATH },
          ),
        )
      }
      const body = await process(response)
      if (!body.refresh_token) {
        return fail(
          new CalcomError('permanent', 'UNEXPECTED_RESPONSE', 'Cal.com issued no refresh token', {
            method: 'POST',
            path: TOKEN_PATH,
          }),
        )
      }
      return ok({
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: now() + (body.expires_in ?? 1800) * 1000,
      })
    } catch (err) {
      return fail(tokenError(err))
    }
  }

  return {
    /** A fresh state + PKCE verifier and the consent URL to open in the system browser. */
    async prepareAuthorization(scopes = FRONTDESK_SCOPES): Promise<PkceRequest> {
      const codeVerifier = oauth.generateRandomCodeVerifier()
      const state = oauth.generateRandomState()
      const url = new URL(`${config.appUrl.replace(/\/+$/, '')}/auth/oauth2/authorize`)
      url.searchParams.set('client_id', config.clientId)
      url.searchParams.set('redirect_uri', config.redirectUri)
      url.searchParams.set('state', state)
      url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier))
      url.searchParams.set('code_challenge_method', 'S256')
      // Cal.com's consent page splits the scope list on commas.
      url.searchParams.set('scope', scopes.join(','))
      return { state, codeVerifier, authorizeUrl: url.toString() }
    },

    /**
     * Checks the redirect's parameters against the state we sent and trades the code for tokens.
     * A Deny in the browser arrives here as `error=access_denied` (permanent, ACCESS_DENIED text).
     */
    exchangeCode(
      callback: URLSearchParams,
      expected: { state: string; codeVerifier: string },
    ): Promise<CalcomResult<OAuthTokens>> {
      let params: URLSearchParams
      try {
        params = oauth.validateAuthResponse(as, client, callback, expected.state)
      } catch (err) {
        return Promise.resolve(fail(tokenError(err)))
      }
      return tokensFrom(
        () =>
          oauth.authorizationCodeGrantRequest(
            as,
            client,
            oauth.None(),
            params,
            config.redirectUri,
            expected.codeVerifier,
            options,
          ),
        (response) => oauth.processAuthorizationCodeResponse(as, client, response),
      )
    },

    refresh(refreshToken: string): Promise<CalcomResult<OAuthTokens>> {
      return tokensFrom(
        () => oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, options),
        (response) => oauth.processRefreshTokenResponse(as, client, response),
      )
    },
  }
}

export type OAuthApi = ReturnType<typeof oauthApi>

function tokenError(err: unknown): CalcomError {
  const where = { method: 'POST', path: TOKEN_PATH }
  if (err instanceof CalcomError) return err
  if (err instanceof oauth.ResponseBodyError) {
    const detail = err.error_description ? `${err.error}: ${err.error_description}` : err.error
    const base = { ...where, status: err.status, calcomCode: err.error }
    if (err.error === 'invalid_grant') return new CalcomError('auth', 'INVALID_GRANT', detail, base)
    if (err.status === 401) return new CalcomError('auth', 'UNAUTHORIZED', detail, base)
    return new CalcomError('permanent', 'REJECTED', detail, base)
  }
  if (err instanceof oauth.AuthorizationResponseError) {
    const detail = err.error_description ? `${err.error}: ${err.error_description}` : err.error
    return new CalcomError('permanent', 'REJECTED', detail, { calcomCode: err.error })
  }
  return new CalcomError(
    'permanent',
    'UNEXPECTED_RESPONSE',
    `Cal.com's token answer was not usable: ${(err as Error).message}`,
    where,
  )
}
