import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Branch } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const branch: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  app.get(
    '/api/branch',
    {
      // The sign-in screen names the branch before anyone is signed in.
      config: { access: 'open' },
      schema: { summary: 'The branch this desk serves', response: { 200: Branch } },
    },
    async () => services.branches.current(),
  )
}
export default branch
