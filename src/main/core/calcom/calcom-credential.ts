import type { CalcomError, CalcomResult } from './calcom-errors'

/**
 * What the client needs from whoever holds the token (an API key, or OAuth tokens that refresh).
 * The client never sees where tokens are stored.
 */
export interface CalcomCredential {
  /** A stable, non-secret name for this credential's rate budget (a hash, never the token). */
  readonly rateKey: string
  /** The token to send as `Authorization: Bearer`, valid now (refreshed first when due). */
  bearer(): Promise<CalcomResult<string>>
  /**
   * Cal.com answered 401 to `token`. The holder may renew it (true: try the call once more) or
   * conclude that the branch must reconnect (false).
   */
  rejected(token: string, error: CalcomError): Promise<boolean>
}
