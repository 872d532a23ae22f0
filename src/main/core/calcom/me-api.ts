import type { CalcomCredential } from './calcom-credential'
import type { CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import { Me } from './response-schemas'

/** `/v2/me`: who the credential belongs to. Takes no `cal-api-version`. */
export function meApi(transport: CalcomTransport, credential: CalcomCredential) {
  return {
    /** `closing`: aborted, the read is dropped or cut off (a closing desk waits for no answer). */
    get(closing?: AbortSignal): Promise<CalcomResult<Me>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/me',
        schema: Me,
        signal: closing,
        cutOff: closing,
      })
    },
  }
}
