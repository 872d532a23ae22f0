// `GET /api/desk`: this desk's version, data folder and addresses, for Settings.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DeskInfo } from '../../../../shared/api/desk-info'
import type { DeskServices } from '../desk-services'

const deskInfo: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/desk',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'This desk: version, data folder, relay and Cal.com addresses',
        response: { 200: DeskInfo },
      },
    },
    async () => ({
      version: services.version,
      dataDir: services.dataDir,
      relayUrl: services.relayUrl,
      calcomApiUrl: services.calcomApiUrl,
    }),
  )
}
export default deskInfo
