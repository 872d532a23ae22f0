// The desk's version, from the package.json above wherever this module runs (sources, the
// out/ bundle, or the packaged app's asar). Read at run time because not every loader we run
// under (Playwright's, plain Node ESM) imports JSON without an import attribute.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function appVersion(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'frontdesk' && pkg.version) return pkg.version
    }
    if (dirname(dir) === dir) return '0.0.0-unknown'
  }
}
