import { Type } from '@sinclair/typebox'
import type { CalcomApiVersions } from './api-versions'
import type { CalcomCredential } from './calcom-credential'
import type { CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import { Schedule } from './response-schemas'

/** `/v2/schedules` (cal-api-version 2024-06-11). */
export function schedulesApi(
  transport: CalcomTransport,
  credential: CalcomCredential,
  versions: CalcomApiVersions,
) {
  const version = versions.schedules
  return {
    /** `closing`: aborted, the read is dropped or cut off. */
    list(closing?: AbortSignal): Promise<CalcomResult<Schedule[]>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/schedules',
        version,
        schema: Type.Array(Schedule),
        signal: closing,
        cutOff: closing,
      })
    },
    getDefault(): Promise<CalcomResult<Schedule>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/schedules/default',
        version,
        schema: Schedule,
      })
    },
  }
}
