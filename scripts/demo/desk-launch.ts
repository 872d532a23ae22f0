// How the demo runs the desk: the Electron app where Electron's binary is installed, otherwise
// the headless desk (`FRONTDESK_DEMO_DESK=headless` forces it). Both run the built code in out/,
// rebuilt first when the sources are newer (as `npm run desk` does).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export type DeskKind = 'electron' | 'headless'

function newest(dir: string): number {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return t
}

/** Builds main, preload and renderer unless out/ is newer than src/. */
export function ensureDeskBuilt(root: string, log: (line: string) => void): void {
  const built = [join(root, 'out/main/headless.js'), join(root, 'out/renderer/index.html')]
  const oldest = Math.min(...built.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)))
  if (oldest > newest(join(root, 'src'))) return
  log('building the desk (electron-vite build)…')
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  )
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error('the desk did not build (see the errors above)')
}

/**
 * Electron's binary, or null where it is not installed (CI and offline machines skip its
 * download). Looked up by hand: since Electron 45, require('electron') downloads a missing one.
 */
export function electronBinary(): string | null {
  let packageDir: string
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist')
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export function chooseDesk(): {
  kind: DeskKind
  command: string
  args: (root: string) => string[]
} {
  const wanted = process.env.FRONTDESK_DEMO_DESK
  const electron = wanted === 'headless' ? null : electronBinary()
  if (wanted === 'electron' && !electron) {
    throw new Error(
      "FRONTDESK_DEMO_DESK=electron, but Electron's binary is not installed on this machine",
    )
  }
  if (electron) return { kind: 'electron', command: electron, args: (root) => [root] }
  return {
    kind: 'headless',
    command: process.execPath,
    args: (root) => [join(root, 'out/main/headless.js')],
  }
}
