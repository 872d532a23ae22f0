import fp from 'fastify-plugin'
import type { Channel, RelayStorage } from '../storage/types.js'

declare module 'fastify' {
  interface FastifyInstance {
    storage: RelayStorage
    /** Channel lookup for intake; channels are never deleted and their secret never changes. */
    channelById(channelId: string): Promise<Channel | undefined>
  }
}

export default fp<{ storage: RelayStorage; closeStorage: boolean }>(
  async (app, opts) => {
    const cache = new Map<string, Channel>()
    app.decorate('storage', opts.storage)
    app.decorate('channelById', async (channelId: string) => {
      const hit = cache.get(channelId)
      if (hit) return hit
      const ch = await opts.storage.findChannel(channelId)
      if (ch && cache.size < 100_000) cache.set(channelId, ch)
      return ch
    })
    // Runs after in-flight requests finished: their commits are flushed by storage.close().
    if (opts.closeStorage) app.addHook('onClose', async () => opts.storage.close())
  },
  { name: 'storage' },
)
