// "Notify me on this computer" (DESIGN.md §8), with the PIN the relay checks, and the desktop
// notifications this desk has to show: the page reads what waits and claims each before showing
// it, so two open pages never both show one; the Electron app shows them itself instead.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DesktopOptIn,
  DesktopOptInBody,
  PendingDesktop,
  ShownParams,
  ShownResult,
} from '../../../../shared/api/notifications'
import { ApiError, EmptyBody } from '../../../../shared/api/schemas'
import { enrolledDevice, signedInPerson } from '../../notify/notification-access'
import { setDesktop } from '../../notify/relay-notifications'
import type { DeskServices } from '../desk-services'

const desktopNotifications: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  const { business, signIn, audit, desktopFeed } = services
  const deps = { business, signIn, device: () => services.sync.relayDevice() }
  const shownBy = () => (desktopFeed.shownByApp ? ('app' as const) : ('browser' as const))

  app.get(
    '/api/notifications/desktop',
    {
      config: { access: 'notifications.propose' },
      schema: {
        summary: 'Whether the signed-in person is notified on this computer',
        response: { 200: DesktopOptIn, 401: ApiError, 403: ApiError },
      },
    },
    async () => {
      // No one is signed in only while the desk has no business: no one is notified then.
      const me = signIn.current()
      const deviceId = services.sync.relayIdentity().deviceId
      const enabled = me !== null && desktopFeed.optedIn(deviceId).includes(me.id)
      return { enabled, shownBy: shownBy() }
    },
  )

  app.put(
    '/api/notifications/desktop',
    {
      config: { access: 'notifications.propose' },
      schema: {
        summary: 'Turn "notify me on this computer" on or off for the signed-in person (PIN)',
        body: DesktopOptInBody,
        response: {
          200: DesktopOptIn,
          400: ApiError,
          401: ApiError,
          403: ApiError,
          404: ApiError,
          409: ApiError,
          423: ApiError,
          503: ApiError,
        },
      },
    },
    async (request) => {
      const me = signedInPerson(signIn)
      const device = await enrolledDevice(deps)
      const { enabled, pin } = request.body
      await setDesktop(
        device,
        { actor: { personId: me.id, pin }, enabled },
        { role: me.role, action: 'notifications.desktop' },
      )
      await desktopFeed.optIn(device, me.id, enabled)
      audit.record({
        action: 'notifications.desktop',
        target: `person:${me.id}`,
        detail: { enabled },
      })
      return { enabled, shownBy: shownBy() }
    },
  )

  // Open: a notification for the owner pops up at their computer even while no one is signed in.
  app.get(
    '/api/notifications/desktop/pending',
    {
      config: { access: 'open' },
      schema: {
        summary: 'Desktop notifications this desk has still to show (none when the app shows them)',
        response: { 200: PendingDesktop },
      },
    },
    async () => ({ shownByApp: desktopFeed.shownByApp, notifications: desktopFeed.pending() }),
  )

  app.post(
    '/api/notifications/desktop/:id/shown',
    {
      config: { access: 'open' },
      schema: {
        summary: 'Claim one to show: `first` is true for the first caller only',
        params: ShownParams,
        body: EmptyBody,
        response: { 200: ShownResult, 400: ApiError },
      },
    },
    async (request) => ({ first: desktopFeed.markShown(request.params.id) }),
  )
}
export default desktopNotifications
