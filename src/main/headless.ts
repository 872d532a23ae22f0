// The desk without Electron (`npm run desk`): the same core, the local API and the built UI on
// 127.0.0.1, for any browser. Prints one ready line; SIGINT/SIGTERM close everything cleanly.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, loadDeskConfig } from './core/config/desk-config'
import { DeskStartError } from './core/data-dir/desk-errors'
import { startBranchHost } from './core/branches/branch-host'

function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  // Built: out/main/headless.js → out/renderer. From source: src/main → out/renderer.
  for (const candidate of [resolve(here, '../renderer'), resolve(here, '../../out/renderer')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate
  }
  return null
}

async function main(): Promise<void> {
  const config = loadDeskConfig(process.env, process.argv.slice(2))
  // Every branch this app holds (branches.json), the first one in the data folder itself.
  const desk = await startBranchHost(config, { rendererDir: findRendererDir() })
  console.log(`Frontdesk desk ready at ${desk.url}/?token=${desk.token}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.error(`Frontdesk desk stopping (${signal})…`)
    desk.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Frontdesk desk did not close cleanly: ${(err as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DeskStartError) {
    console.error(err.message)
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
