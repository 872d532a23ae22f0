import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ConnectAttempt } from '../../../../shared/api/connect-attempt'
import { ApiError, Branch, ConnectBody, ConnectResult } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const connect: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.post(
    '/api/branch/connect',
    {
      config: { access: 'branch.connect' },
      schema: {
        summary: 'Connect the branch to Cal.com: with an API key at once, or start OAuth with {}',
        body: ConnectBody,
        response: {
          200: ConnectResult,
          400: ApiError,
          409: ApiError,
          502: ApiError,
          503: ApiError,
        },
      },
    },
    async (request) => {
      const { apiKey } = request.body ?? {}
      if (apiKey !== undefined) {
        return { branch: await services.connection.connectWithApiKey(apiKey.trim()) }
      }
      return await services.connection.beginOAuth()
    },
  )

  app.get(
    '/api/branch/connect/attempt',
    {
      config: { access: 'branch.connect' },
      schema: {
        summary:
          'How the open browser sign-in ends: waits until Cal.com sends the person back, it times out or is cancelled',
        response: { 200: ConnectAttempt },
      },
    },
    async (): Promise<ConnectAttempt> => {
      const pending = services.connection.pendingOAuth()
      if (!pending) return { state: 'none' }
      const result = await pending
      return result.connected
        ? { state: 'connected', branch: result.branch }
        : { state: 'failed', code: result.code, reason: result.reason }
    },
  )

  app.post(
    '/api/branch/connect/cancel',
    {
      config: { access: 'branch.connect' },
      schema: {
        summary: 'Give up the open browser sign-in; a later redirect from Cal.com is refused',
        response: { 200: Branch },
      },
    },
    async () => {
      await services.connection.cancelOAuth()
      return services.branches.current()
    },
  )

  app.post(
    '/api/branch/disconnect',
    {
      config: { access: 'branch.disconnect' },
      schema: {
        summary: 'Forget the Cal.com credential and stop syncing; appointments and logs stay',
        response: { 200: Branch },
      },
    },
    async () => services.connection.disconnect(),
  )
}
export default connect
