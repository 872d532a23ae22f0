// Signing in at the desk (DESIGN.md §7): who may sign in here, the session, signing out, and
// the idle sign-out setting. Names and roles only: a PIN hash never leaves the core.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { PeopleList, SessionState, SignInBody, SignInSettings } from '../../../../shared/api/people'
import { ApiError, EmptyBody } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const people: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  const { signIn, business } = services
  const businessRef = () => {
    const b = business.current()
    return b ? { id: b.id, name: b.name } : null
  }
  const session = (): SessionState => ({
    signInRequired: signIn.required(),
    business: businessRef(),
    person: signIn.current(),
    idleSignOutMinutes: signIn.idleMinutes(),
  })

  app.get(
    '/api/people',
    {
      config: { access: 'open' },
      schema: {
        summary: 'Who may sign in at this desk (names and roles)',
        response: { 200: PeopleList },
      },
    },
    async () => ({
      business: businessRef(),
      people: signIn.people().map((p) => ({ id: p.id, name: p.name, role: p.role })),
    }),
  )

  app.get(
    '/api/session',
    {
      config: { access: 'open' },
      schema: { summary: 'Who is signed in at this desk', response: { 200: SessionState } },
    },
    async () => session(),
  )

  app.post(
    '/api/session',
    {
      config: { access: 'open' },
      schema: {
        summary:
          'Sign in with a PIN (checked offline against the copied hash; five wrong lock the ' +
          'person at this desk for five minutes)',
        body: SignInBody,
        response: { 200: SessionState, 400: ApiError, 401: ApiError, 423: ApiError },
      },
    },
    async (request) => {
      await signIn.signIn(request.body.personId, request.body.pin)
      return session()
    },
  )

  app.delete(
    '/api/session',
    {
      config: { access: 'open' },
      schema: { summary: 'Sign out', response: { 200: SessionState } },
    },
    async () => {
      signIn.signOut('user')
      return session()
    },
  )

  app.post(
    '/api/session/activity',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Someone is using the desk (keys, pointer): the idle sign-out clock restarts',
        body: Type.Optional(EmptyBody),
        response: { 200: SessionState, 401: ApiError },
      },
    },
    async () => session(),
  )

  app.get(
    '/api/settings/sign-in',
    {
      config: { access: 'signedIn' },
      schema: { summary: 'Sign-in settings', response: { 200: SignInSettings } },
    },
    async () => ({ idleSignOutMinutes: signIn.idleMinutes() }),
  )

  app.put(
    '/api/settings/sign-in',
    {
      config: { access: 'branch.settings' },
      schema: {
        summary: 'Change the idle sign-out minutes (recorded in the audit log)',
        body: SignInSettings,
        response: { 200: SignInSettings, 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      signIn.setIdleMinutes(request.body.idleSignOutMinutes)
      return { idleSignOutMinutes: signIn.idleMinutes() }
    },
  )
}
export default people
