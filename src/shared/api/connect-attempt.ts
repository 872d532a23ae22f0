// `GET /api/branch/connect/attempt`: how the browser sign-in started by `POST /api/branch/connect`
// ended. The request waits while the sign-in is open (at most the listener's 5 minutes), so the
// UI learns of a refusal too: a denied sign-in changes no branch, so the live stream stays quiet.
import { Type, type Static } from '@sinclair/typebox'
import { Branch } from './schemas'

export const ConnectAttempt = Type.Union([
  Type.Object(
    { state: Type.Literal('none') },
    { description: 'No sign-in is open (none started, or its result was already given)' },
  ),
  Type.Object(
    { state: Type.Literal('connected'), branch: Branch },
    { description: 'Cal.com sent the person back and the branch is connected' },
  ),
  Type.Object(
    {
      state: Type.Literal('failed'),
      code: Type.String({
        description:
          'A ConnectAttemptFailure (shared/api/connect-problems.ts): SIGN_IN_DENIED, SIGN_IN_TIMED_OUT, SIGN_IN_CANCELLED, SIGN_IN_INCOMPLETE, or the DeskErrorCode of what failed after Cal.com allowed it',
      }),
      reason: Type.String({
        description: 'The same in one English sentence, for API users and logs',
      }),
    },
    { description: 'The sign-in ended without a connection' },
  ),
])
export type ConnectAttempt = Static<typeof ConnectAttempt>
