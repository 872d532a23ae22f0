// `npm run sandbox`: the Cal.com sandbox with the demo seed, until SIGINT/SIGTERM.
import { banner } from './cli/banner.js'
import { EnvError, optionsFromEnv } from './cli/env-options.js'
import { startSandbox } from './index.js'
import { CONFIDENTIAL_CLIENT } from './seed/demo.js'
import { sandboxState } from './state.js'

let options
try {
  options = optionsFromEnv(process.env)
} catch (err) {
  if (!(err instanceof EnvError)) throw err
  console.error(`sandbox: not started.\n${err.message}`)
  process.exit(2)
}

const running = await startSandbox(options).catch((err: NodeJS.ErrnoException) => {
  const where = `${options.host}:${options.port}`
  console.error(
    err.code === 'EADDRINUSE'
      ? `sandbox: ${where} is in use; set SANDBOX_PORT to another port (0 = any free one)`
      : `sandbox: could not listen on ${where}: ${err.message}`,
  )
  process.exit(1)
})

const perMinute = options.traffic ? options.traffic.perMinute : 0
console.log(banner(running.url, sandboxState(running.sandbox, CONFIDENTIAL_CLIENT), perMinute))

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // close() finishes within about half a second whatever is hung (plugins/graceful-close.ts);
    // a second signal is absorbed by the same close.
    running.close().then(
      () => {
        console.log(`sandbox: stopped (${signal})`)
        process.exit(0)
      },
      (err: unknown) => {
        console.error('sandbox: close failed', err)
        process.exit(1)
      },
    )
  })
}
