import Fastify, { LogController, type FastifyBaseLogger, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { RelayConfig } from './config.js'
import authPlugin from './plugins/auth.js'
import deliveryLogPlugin from './plugins/delivery-log.js'
import drainOnClosePlugin from './plugins/drain-on-close.js'
import errorHandlerPlugin from './plugins/error-handler.js'
import metricsPlugin from './plugins/metrics.js'
import notifierPlugin, { type NotifierPluginOptions } from './plugins/notifier.js'
import rateLimitPlugin from './plugins/rate-limit.js'
import refusalsPlugin from './plugins/refusals.js'
import responseSchemasPlugin from './plugins/response-schemas.js'
import retentionPlugin from './plugins/retention.js'
import storagePlugin from './plugins/storage.js'
import strictInputPlugin from './plugins/strict-input.js'
import waitersPlugin from './plugins/waiters.js'
import ackRoutes from './routes/ack.js'
import adminRoutes from './routes/admin.js'
import branchRoutes from './routes/branches.js'
import businessRoutes from './routes/business.js'
import cancellationPolicyRoutes from './routes/cancellation-policies.js'
import deskEventRoutes from './routes/desk-events.js'
import deskStateRoutes from './routes/desk-state.js'
import deviceRoutes from './routes/device.js'
import enrollRoutes from './routes/enroll.js'
import eventsRoutes from './routes/events.js'
import healthRoutes from './routes/health.js'
import hooksRoutes from './routes/hooks.js'
import joinCodeRoutes from './routes/join-codes.js'
import notificationRulesRoutes from './routes/notification-rules.js'
import notificationsRoutes from './routes/notifications.js'
import peopleRoutes from './routes/people.js'
import reportsRoutes from './routes/reports.js'
import branchHoursRoutes from './routes/branch-hours.js'
import streamRoutes from './routes/stream.js'
import type { RelayStorage } from './storage/types.js'

export interface BuildAppOptions {
  config: RelayConfig
  storage: RelayStorage
  /** Close the storage when the app closes (the CLI does; tests sharing one storage may not). */
  closeStorage?: boolean
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger
  /** Overrides the configured heartbeat (tests use sub-second ones). */
  heartbeatMs?: number
  pruneIntervalMs?: number
  /** How long close waits for open connections before cutting them (default 10 s). */
  closeGraceMs?: number
  /** How often refusals are logged, one line per source and reason (default 60 s). */
  refusalLogIntervalMs?: number
  /** The notification loop's clock, pass interval, claim lease or mailer (tests set them). */
  notifier?: Omit<NotifierPluginOptions, 'smtp'>
}

/** Builds the relay: external plugins, then app plugins, then routes (the fastify/demo order). */
export async function buildApp(opts: BuildAppOptions) {
  const { config } = opts
  const logger = opts.logger ?? false
  const app = Fastify({
    ...(typeof logger === 'object' && 'child' in logger ? { loggerInstance: logger } : { logger }),
    // Request logs would cost more than the intake itself; outcomes are in /metrics and the
    // admin delivery log instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>()

  // First, so that every route after it is held to declaring what it answers.
  await app.register(responseSchemasPlugin)
  await app.register(strictInputPlugin)
  await app.register(rateLimitPlugin)
  await app.register(drainOnClosePlugin, { graceMs: opts.closeGraceMs ?? 10_000 })

  await app.register(storagePlugin, {
    storage: opts.storage,
    closeStorage: opts.closeStorage ?? false,
  })
  await app.register(metricsPlugin)
  await app.register(deliveryLogPlugin)
  await app.register(refusalsPlugin, {
    perMinute: config.refusalRateLimitPerMinute,
    logIntervalMs: opts.refusalLogIntervalMs ?? 60_000,
  })
  await app.register(errorHandlerPlugin)
  await app.register(authPlugin, { adminToken: config.adminToken })
  await app.register(waitersPlugin)
  await app.register(retentionPlugin, {
    retentionDays: config.retentionDays,
    minRetentionHours: config.minRetentionHours,
    intervalMs: opts.pruneIntervalMs ?? 10 * 60_000,
  })
  await app.register(notifierPlugin, {
    smtp: config.smtp,
    leaseMs: config.notifyClaimMs,
    stallMs: config.deliveryProblemMs,
    summaryHour: config.dailySummaryHour,
    ...opts.notifier,
  })

  await app.register(healthRoutes)
  await app.register(hooksRoutes, {
    maxBodyBytes: config.maxBodyBytes,
    intakeRateLimitPerMinute: config.intakeRateLimitPerMinute,
  })
  await app.register(enrollRoutes, {
    calcomApiUrl: config.calcomApiUrl,
    publicUrl: config.publicUrl,
    allowedAccounts: config.allowedAccounts,
    rateLimitPerMinute: config.enrollRateLimitPerMinute,
  })
  await app.register(eventsRoutes, { recheckMs: config.pollRecheckMs })
  await app.register(streamRoutes, { heartbeatMs: opts.heartbeatMs ?? config.streamHeartbeatMs })
  await app.register(ackRoutes)
  await app.register(deviceRoutes)
  await app.register(deskEventRoutes)
  await app.register(deskStateRoutes)
  await app.register(businessRoutes)
  await app.register(joinCodeRoutes, { joinRateLimitPerMinute: config.joinRateLimitPerMinute })
  await app.register(peopleRoutes)
  await app.register(cancellationPolicyRoutes)
  await app.register(branchRoutes)
  await app.register(notificationRulesRoutes, { emailEnabled: app.notifier.emailEnabled })
  await app.register(reportsRoutes)
  await app.register(branchHoursRoutes)
  await app.register(notificationsRoutes, { recheckMs: config.pollRecheckMs })
  // Without an admin token the operator routes (and /metrics, whose labels name channels) are off.
  if (config.adminToken) await app.register(adminRoutes)

  return app
}

export type RelayApp = Awaited<ReturnType<typeof buildApp>>
