import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { resolveConfig, type SandboxOptions } from './config.js'
import { Sandbox } from './domain/sandbox.js'
import { seedDemo, seedOAuthClients } from './seed/demo.js'

export type { SandboxOptions } from './config.js'
export { DEFAULT_OAUTH_CLIENT_ID, DEFAULT_OAUTH_REDIRECT_URI } from './config.js'
export type { SandboxState } from './state.js'
export type { DeliveryRecord } from './domain/webhooks/dispatcher.js'
export { signBody } from './domain/webhooks/signer.js'

export interface RunningSandbox {
  url: string
  port: number
  app: FastifyInstance
  sandbox: Sandbox
  /**
   * Stops the traffic generator, drops webhooks not yet sent (delayed, held, scheduled), cuts
   * hung requests and open connections after a short grace. Safe to call more than once.
   */
  close(): Promise<void>
}

/** Builds a sandbox (seeded unless `seed: false`) without listening: for app.inject() tests. */
export async function createSandbox(opts: SandboxOptions = {}) {
  const sandbox = new Sandbox(resolveConfig(opts))
  seedOAuthClients(sandbox)
  if (sandbox.config.seed) seedDemo(sandbox)
  const app = await buildApp(sandbox)
  return { app, sandbox }
}

/** Starts the sandbox on host:port (port 0 = any free port) and returns where it listens. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const { app, sandbox } = await createSandbox(opts)
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0)
  const host = opts.host === '0.0.0.0' || !opts.host ? '127.0.0.1' : opts.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  sandbox.config.appUrl = url
  let closing: Promise<void> | undefined
  return {
    url,
    port,
    app,
    sandbox,
    // Finishes within about CLOSE_GRACE_MS whatever is hung (plugins/graceful-close.ts).
    close: () => (closing ??= app.close()),
  }
}
