// The desk's local API (DESIGN.md §4.3): guards first, then the OpenAPI collector, then routes,
// then the built renderer at `/`.
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyError, type FastifyPluginAsync, type FastifyReply } from 'fastify'
import { existsSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Logger } from 'pino'
import { scrubUrl } from '../logging/desk-logger'
import type { DeskServices } from './desk-services'
import errorHandler from './plugins/error-handler'
import loopbackGuard from './plugins/loopback-guard'
import sessionAuth from './plugins/session-auth'
import strictInput from './plugins/strict-input'
import routeAccess, { type DeclaredRoute } from './plugins/route-access'
import peopleRoutes from './routes/people'
import businessRoutes from './routes/business'
import auditRoutes from './routes/audit'
import cancellationPolicyRoutes from './routes/cancellation-policies'
import teamRoutes from './routes/team'
import notificationRulesRoutes from './routes/notification-rules'
import desktopNotificationsRoutes from './routes/desktop-notifications'
import computerSettingsRoutes from './routes/computer-settings'
import appointmentsRoutes from './routes/appointments'
import branchRoutes from './routes/branch'
import connectRoutes from './routes/connect'
import referenceDataRoutes from './routes/reference-data'
import healthRoutes from './routes/health'
import deskInfoRoutes from './routes/desk-info'
import liveRoutes from './routes/live'
import actionsRoutes from './routes/actions'
import outboxRoutes from './routes/outbox'
import slotsRoutes from './routes/slots'
import syncRoutes from './routes/sync'
import appointmentDetailRoutes from './routes/appointment-detail'
import openingHoursRoutes from './routes/opening-hours'
import clientSuggestionsRoutes from './routes/client-suggestions'
import clientsRoutes from './routes/clients'
import pendingConfirmationsRoutes from './routes/pending-confirmations'
import { lazySchemaController } from './lazy-schema-compilers'

/** Fastify's default; the longest id in a path (a local booking's uid) is under half of it. */
const MAX_PARAM_LENGTH = 100

function pathError(error: FastifyError, reply: FastifyReply): void {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `A part of the path is longer than ${MAX_PARAM_LENGTH} characters`
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The path is not valid percent-encoded text'
        : error.message
  void reply
    .code(error.statusCode ?? 400)
    .send({ error: { code: error.code, message, field: 'path' } })
}

export interface LocalApiOptions {
  services: DeskServices
  token: string
  logger: Logger
  /** The built renderer (out/renderer); null serves the API alone. */
  rendererDir: string | null
  /** Routes the branch host adds (several branches in one app); registered after the core's. */
  hostRoutes?: FastifyPluginAsync | undefined
}

export async function buildLocalApi(opts: LocalApiOptions) {
  const app = Fastify({
    loggerInstance: opts.logger.child(
      {},
      {
        serializers: {
          req: (req: { method: string; url: string }) => ({
            method: req.method,
            url: scrubUrl(req.url),
          }),
        },
      },
    ),
    forceCloseConnections: true,
    // A path the router cannot read is answered before any route or hook: in the desk's error
    // shape too, not Fastify's own (whose `error` is a string the UI cannot read a code from).
    frameworkErrors: (error, _request, reply) => pathError(error, reply as unknown as FastifyReply),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    schemaController: lazySchemaController,
    // Fastify's Ajv drops unknown fields by default, so a misspelt one (`staffid`) was ignored and
    // the booking made anyway; with this off, `additionalProperties: false` refuses it by name.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  await app.register(errorHandler)
  await app.register(loopbackGuard)
  await app.register(sessionAuth, { token: opts.token })
  await app.register(strictInput)
  const declaredRoutes: DeclaredRoute[] = []
  await app.register(routeAccess, {
    signIn: opts.services.signIn,
    deviceId: () => opts.services.sync.relayIdentity().deviceId,
    routes: declaredRoutes,
  })
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Frontdesk local API', version: opts.services.version },
      components: {
        securitySchemes: { session: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ session: [] }],
    },
  })

  const services = opts.services
  await app.register(healthRoutes, { services })
  await app.register(deskInfoRoutes, { services })
  await app.register(branchRoutes, { services })
  await app.register(connectRoutes, { services })
  await app.register(referenceDataRoutes, { services })
  await app.register(appointmentsRoutes, { services })
  await app.register(liveRoutes, { services })
  await app.register(actionsRoutes, { services })
  await app.register(outboxRoutes, { services })
  await app.register(slotsRoutes, { services })
  await app.register(syncRoutes, { services })
  await app.register(appointmentDetailRoutes, { services })
  await app.register(openingHoursRoutes, { services })
  await app.register(clientSuggestionsRoutes, { services })
  await app.register(clientsRoutes, { services })
  await app.register(pendingConfirmationsRoutes, { services })
  await app.register(peopleRoutes, { services })
  await app.register(businessRoutes, { services })
  await app.register(auditRoutes, { services })
  await app.register(teamRoutes, { services })
  await app.register(cancellationPolicyRoutes, { services })
  await app.register(notificationRulesRoutes, { services })
  await app.register(desktopNotificationsRoutes, { services })
  await app.register(computerSettingsRoutes, { services })
  if (opts.hostRoutes) await app.register(opts.hostRoutes)
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'open' } }, async () =>
    app.swagger(),
  )

  const rendererDir = opts.rendererDir
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    // Its own context, so the hook marks only the static routes public (§4.3: the page and its
    // assets are the only things served without the session token).
    await app.register(async (assets) => {
      assets.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true }
      })
      await assets.register(fastifyStatic, {
        root: rendererDir,
        index: 'index.html',
        // Scripts and styles carry a hash of their content in their names, so they never change
        // under one; the page itself is asked again each time (an update brings new names).
        // The icon: Chromium asks for it on every move between days.
        setHeaders: (res, path) => {
          const file = relative(rendererDir, path)
          if (file.startsWith(`assets${sep}`))
            res.header('cache-control', 'public, max-age=31536000, immutable')
          else if (file === 'favicon.png') res.header('cache-control', 'public, max-age=86400')
        },
      })
    })
  } else {
    app.get('/', { schema: { hide: true }, config: { public: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The desk UI is not built yet: run `npm run build`, then start the desk again.'),
    )
  }
  return Object.assign(app, { declaredRoutes: declaredRoutes as readonly DeclaredRoute[] })
}

export type LocalApi = Awaited<ReturnType<typeof buildLocalApi>>
