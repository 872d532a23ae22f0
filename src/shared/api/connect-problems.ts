// What can go wrong while connecting a branch to Cal.com, as codes the renderer words from its
// catalogs (English and Spanish): the API key field's own checks, the browser sign-in's endings,
// and the browser that would not open. Refusals of the local API keep their DeskErrorCode.
import type { DeskErrorCode } from './error-codes'

/** The API key field, checked before the desk asks Cal.com (renderer, settings/connect). */
export const API_KEY_PROBLEMS = [
  'API_KEY_EMPTY',
  'API_KEY_HAS_SPACES',
  'API_KEY_NOT_CALCOM',
  'API_KEY_TOO_LONG',
  'API_KEY_TOO_SHORT',
] as const
export type ApiKeyProblem = (typeof API_KEY_PROBLEMS)[number]

/** How a browser sign-in ended without a connection (`GET /api/branch/connect/attempt`). */
export const SIGN_IN_FAILURES = [
  /** The person pressed Deny in Cal.com. */
  'SIGN_IN_DENIED',
  /** Cal.com sent the person back without a usable authorization (its reason is logged). */
  'SIGN_IN_INCOMPLETE',
  'SIGN_IN_TIMED_OUT',
  'SIGN_IN_CANCELLED',
] as const
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number]

/** A sign-in that Cal.com allowed can still fail while the desk reads the account. */
export type ConnectAttemptFailure = SignInFailure | DeskErrorCode

export const CONNECT_PROBLEMS = [
  ...API_KEY_PROBLEMS,
  ...SIGN_IN_FAILURES,
  'BROWSER_DID_NOT_OPEN',
] as const
export type ConnectProblemCode = (typeof CONNECT_PROBLEMS)[number]

/** The API key form allows at most this many characters. */
export const API_KEY_MAX_LENGTH = 512
