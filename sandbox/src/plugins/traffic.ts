import fp from 'fastify-plugin'
import { TrafficGenerator } from '../traffic/generator.js'

declare module 'fastify' {
  interface FastifyInstance {
    traffic: TrafficGenerator | null
  }
}

/** Simulated clients (config `traffic`) while the sandbox listens; they stop when it closes. */
export default fp(
  async (app) => {
    const { traffic } = app.sandbox.config
    const generator = traffic ? new TrafficGenerator(app.sandbox, traffic.perMinute) : null
    app.decorate('traffic', generator)
    app.addHook('onListen', async () => generator?.start())
    app.addHook('preClose', async () => generator?.stop())
  },
  { name: 'traffic', dependencies: ['sandbox-context'] },
)
