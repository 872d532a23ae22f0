// The baseline for bench/relay-intake.ts: a Fastify route that reads the body as bytes and
// answers {ok:true}, doing no work. Prints the same JSON "listening" line as the relay.
import Fastify from 'fastify'

const app = Fastify({ logger: false, bodyLimit: 1_048_576 })
app.removeAllContentTypeParsers()
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
app.post('/hooks/calcom/:channelId', async () => ({ ok: true }))
const url = await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`${JSON.stringify({ event: 'listening', url })}\n`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
