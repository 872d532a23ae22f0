import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { OAuthClient } from './model.js'

/** The refusal for a client Cal.com's review has not approved, or undefined when it may be used. */
export function clientRefusal(client: OAuthClient): OAuthError | undefined {
  if (client.status === 'REJECTED')
    return new OAuthError(401, 'unauthorized_client', 'client_rejected')
  if (client.status === 'PENDING')
    return new OAuthError(401, 'unauthorized_client', 'client_not_approved')
  return undefined
}
import type { SandboxStore } from './store.js'

// "OAuth for apps" (REFERENCE.md §5.2): 10-minute single-use codes, HS256 JWT access tokens
// (1800 s) and refresh tokens (30 days, a new one on every refresh; old ones are not revoked).

export const ACCESS_TOKEN_SECONDS = 1800
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600
const CODE_TTL_MS = 10 * 60_000

export class OAuthError extends Error {
  constructor(
    readonly statusCode: 400 | 401,
    readonly error: string,
    readonly description: string,
  ) {
    super(description)
  }
}

interface AccessCode {
  clientId: string
  userId: number
  redirectUri: string
  scope: string[]
  codeChallenge: string | null
  codeChallengeMethod: string | null
  expiresAt: number
}

export interface TokenClaims {
  userId: number
  scope: string[]
  token_type: 'Access Token' | 'Refresh Token'
  clientId: string
  iat: number
  exp: number
  jti: string
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

export class OAuthService {
  private readonly codes = new Map<string, AccessCode>()
  private readonly key = randomBytes(32)

  constructor(
    private readonly store: SandboxStore,
    private readonly now: () => number,
  ) {}

  client(clientId: string): OAuthClient | undefined {
    return this.store.oauthClients.get(clientId)
  }

  issueCode(input: Omit<AccessCode, 'expiresAt'>): string {
    const code = randomBytes(40).toString('base64url')
    this.codes.set(code, { ...input, expiresAt: this.now() + CODE_TTL_MS })
    return code
  }

  /** Checks the client's credentials against its type. */
  authenticateClient(clientId: string, clientSecret: string | undefined): OAuthClient {
    const client = this.client(clientId)
    if (!client) throw new OAuthError(401, 'invalid_client', 'client_not_found')
    if (clientSecret !== undefined) {
      const ok =
        client.secretHash !== null &&
        timingSafeEqual(
          Buffer.from(client.secretHash),
          Buffer.from(createHash('sha256').update(clientSecret).digest('hex')),
        )
      if (!ok) throw new OAuthError(401, 'invalid_client', 'invalid_client_credentials')
    } else if (client.clientType === 'CONFIDENTIAL') {
      throw new OAuthError(401, 'invalid_client', 'invalid_client_credentials')
    }
    const refusal = clientRefusal(client)
    if (refusal) throw refusal
    return client
  }

  exchangeCode(
    client: OAuthClient,
    code: string,
    redirectUri: string,
    codeVerifier: string | undefined,
  ) {
    const grant = this.codes.get(code)
    // Single use: a code is gone after its first exchange attempt, right or wrong.
    this.codes.delete(code)
    if (!grant || grant.expiresAt < this.now())
      throw new OAuthError(400, 'invalid_grant', 'code_invalid_or_expired')
    if (grant.clientId !== client.clientId)
      throw new OAuthError(400, 'invalid_grant', 'client_id_mismatch')
    if (grant.redirectUri !== redirectUri)
      throw new OAuthError(400, 'invalid_grant', 'redirect_uri_mismatch')
    if (client.clientType === 'PUBLIC' || grant.codeChallenge) {
      if (!codeVerifier || !grant.codeChallenge || grant.codeChallengeMethod !== 'S256') {
        throw new OAuthError(400, 'invalid_request', 'pkce_missing_parameters_or_invalid_method')
      }
      const computed = b64url(createHash('sha256').update(codeVerifier).digest())
      if (computed !== grant.codeChallenge)
        throw new OAuthError(400, 'invalid_grant', 'pkce_verification_failed')
    }
    return this.tokens(client.clientId, grant.userId, grant.scope)
  }

  refresh(client: OAuthClient, refreshToken: string) {
    const claims = this.verify(refreshToken, 'Refresh Token')
    if (!claims) throw new OAuthError(400, 'invalid_grant', 'invalid_refresh_token')
    if (claims.clientId !== client.clientId)
      throw new OAuthError(400, 'invalid_grant', 'client_id_mismatch')
    return this.tokens(client.clientId, claims.userId, claims.scope)
  }

  private tokens(clientId: string, userId: number, scope: string[]) {
    return {
      access_token: this.sign(
        { userId, scope, token_type: 'Access Token', clientId },
        ACCESS_TOKEN_SECONDS,
      ),
      token_type: 'bearer',
      refresh_token: this.sign(
        { userId, scope, token_type: 'Refresh Token', clientId },
        REFRESH_TOKEN_SECONDS,
      ),
      expires_in: ACCESS_TOKEN_SECONDS,
    }
  }

  private sign(claims: Omit<TokenClaims, 'iat' | 'exp' | 'jti'>, ttlSeconds: number): string {
    const iat = Math.floor(this.now() / 1000)
    const body: TokenClaims = {
      ...claims,
      iat,
      exp: iat + ttlSeconds,
      jti: randomBytes(8).toString('hex'),
    }
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
    const payload = b64url(JSON.stringify(body))
    const sig = b64url(createHmac('sha256', this.key).update(`${head}.${payload}`).digest())
    return `${head}.${payload}.${sig}`
  }

  /** The claims of a valid, unexpired token of the given type; undefined otherwise. */
  verify(token: string, type: TokenClaims['token_type']): TokenClaims | undefined {
    const [head, payload, sig] = token.split('.')
    if (!head || !payload || !sig) return undefined
    const expected = createHmac('sha256', this.key).update(`${head}.${payload}`).digest()
    const given = Buffer.from(sig, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims
      if (claims.token_type !== type || claims.exp * 1000 <= this.now()) return undefined
      return claims
    } catch {
      return undefined
    }
  }
}
