// How the app behaves on this computer: start at login (DESIGN.md §8), on by default. The
// headless desk keeps the choice too, and says that no app applies it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ComputerSettings, ComputerSettingsView } from '../../../../shared/api/notifications'
import { ApiError } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const computerSettings: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/settings/computer',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Whether Frontdesk starts when someone logs in to this computer',
        response: { 200: ComputerSettingsView, 401: ApiError },
      },
    },
    async () => services.computer.view(),
  )

  app.put(
    '/api/settings/computer',
    {
      config: { access: 'branch.settings' },
      schema: {
        summary: 'Start Frontdesk at login, or not (owners and admins)',
        body: ComputerSettings,
        response: { 200: ComputerSettingsView, 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      const view = services.computer.setStartAtLogin(request.body.startAtLogin)
      services.audit.record({
        action: 'settings.computer',
        target: 'computer',
        detail: { startAtLogin: request.body.startAtLogin },
      })
      return view
    },
  )
}
export default computerSettings
