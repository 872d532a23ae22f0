// Roles on every route (DESIGN.md §7). Each /api route declares what it needs in its config:
// an action from src/shared/people/roles.ts, checked with `can(role, action)`; `signedIn` for
// reads anyone signed in may make; `open` for what the sign-in screen itself needs. A route that
// declares nothing is refused when it is registered, so no route is open by omission.
//
// Until the desk holds a business, no one signs in and every route works as before. After, a
// request without a session is a 401 SIGN_IN_REQUIRED and a refused action a 403 FORBIDDEN,
// both before the handler runs, so a refusal changes nothing. The handler then runs as the
// signed-in person (acting-person.ts), which the audit log and appointment history record.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify'
import fp from 'fastify-plugin'
import { can, type Action } from '../../../../shared/people/roles'
import { actingAs, type ActingPerson } from '../../audit/acting-person'
import { DeskError } from '../../errors/desk-error'
import type { SignIn } from '../../people/sign-in'

export type RouteAccess = Action | 'signedIn' | 'open'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a signed-in person needs to use this route (every /api route declares it). */
    access?: RouteAccess
  }
  interface FastifyRequest {
    acting: ActingPerson
  }
}

export interface DeclaredRoute {
  method: string
  url: string
  access: RouteAccess
}

/** Requests that count as someone at the desk doing something (the idle sign-out clock). */
const isActivity = (request: FastifyRequest) => request.method !== 'GET'

export default fp(async function routeAccess(
  app: FastifyInstance,
  opts: { signIn: SignIn; deviceId: () => string | null; routes: DeclaredRoute[] },
) {
  app.decorateRequest('acting', null as unknown as ActingPerson)

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.config?.public === true) return
    const access = route.config?.access
    if (access === undefined) {
      throw new Error(
        `${String(route.method)} ${route.url} declares no access: give it config.access ` +
          `(an action from shared/people/roles.ts, 'signedIn' or 'open')`,
      )
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') opts.routes.push({ method, url: route.url, access })
    }
    const handler = route.handler as RouteHandlerMethod
    route.handler = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      return actingAs(request.acting, () => handler.call(this, request, reply))
    } as RouteHandlerMethod
  })

  app.addHook('onRequest', async (request) => {
    request.acting = { person: null, deviceId: opts.deviceId() }
    const access = request.routeOptions.config?.access
    if (request.is404 || access === undefined || access === 'open') return
    if (!opts.signIn.required()) return
    const person = opts.signIn.current()
    if (!person) {
      throw new DeskError('SIGN_IN_REQUIRED', 'Sign in with your PIN first')
    }
    if (access !== 'signedIn' && !can(person.role, access)) {
      request.log.info({ personId: person.id, role: person.role, access }, 'action refused')
      throw new DeskError(
        'FORBIDDEN',
        `A ${person.role} may not do ${access}`,
        undefined,
        undefined,
        { action: access, role: person.role },
      )
    }
    request.acting = { person: { id: person.id, name: person.name }, deviceId: opts.deviceId() }
    if (isActivity(request)) opts.signIn.touch()
  })
})
