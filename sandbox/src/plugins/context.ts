import fp from 'fastify-plugin'
import type { Sandbox } from '../domain/sandbox.js'

export interface Caller {
  userId: number
  email: string
  kind: 'apiKey' | 'oauth'
  clientId?: string
}

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: Sandbox
  }
  interface FastifyRequest {
    caller: Caller | null
  }
}

/** Makes the sandbox's services reachable from every route as `app.sandbox`. */
export default fp<{ sandbox: Sandbox }>(
  async (app, opts) => {
    app.decorate('sandbox', opts.sandbox)
    app.decorateRequest('caller', null)
  },
  { name: 'sandbox-context' },
)
