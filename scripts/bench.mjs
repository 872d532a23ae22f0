// `npm run bench [name-filter]`: builds the desk, then runs every bench/*.ts in turn. Each script
// prints its own numbers and ratios against a baseline measured in the same run.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const filter = process.argv[2] ?? ''
const build = spawnSync('npx', ['electron-vite', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
})
if (build.status !== 0) process.exit(build.status ?? 1)

let failed = 0
for (const file of readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && f.includes(filter))
  .sort()) {
  console.log(`\n### bench/${file}`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file)], {
    cwd: root,
    stdio: 'inherit',
  })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
