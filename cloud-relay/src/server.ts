// `npm run relay`: read the environment, open storage, listen, and shut down gracefully.
import pino from 'pino'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, redact } from './config.js'
import { openStorage } from './storage/open-storage.js'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  const log = pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers["x-cal-signature-256"]'],
  })
  const storage = await openStorage(config.databaseUrl)
  const app = await buildApp({ config, storage, closeStorage: true, logger: log })
  if (!config.smtp)
    log.warn('RELAY_SMTP_URL is not set: email notifications are off (desktop ones still work)')
  if (!config.adminToken)
    log.warn('RELAY_ADMIN_TOKEN is not set: /metrics and /v1/admin/* are disabled')

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down: finishing in-flight requests')
    const force = setTimeout(() => {
      log.error('shutdown took longer than 30 s; exiting')
      process.exit(1)
    }, 30_000)
    force.unref()
    app.close().then(
      () => {
        log.info('stopped')
        process.exit(0)
      },
      (err: unknown) => {
        log.error({ err }, 'error while closing')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  const address = await app.listen({ host: config.host, port: config.port })
  const url = address.replace('[::1]', '127.0.0.1')
  log.info(
    { event: 'listening', url, storage: storage.engine, database: redact(config.databaseUrl) },
    'relay listening',
  )
}

main().catch((err: unknown) => {
  process.stderr.write(
    `relay failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  )
  process.exit(1)
})
