// `npm start`: the desk as the Electron app (build, then run). Electron's binary is a separate
// download that machines without internet (and CI, with ELECTRON_SKIP_BINARY_DOWNLOAD=1) do not
// have; then say so in one sentence and point at the headless desk instead.
//
// We look for the binary ourselves rather than `require('electron')`: since Electron 45 that
// require tries to download a missing binary, which here would hang on the network and fail.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronBinary() {
  let packageDir
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist')
  const binary = join(distDir, relative)
  return existsSync(binary) ? binary : null
}

if (!electronBinary()) {
  console.error(
    "Electron's binary is not installed on this machine, so the desktop app cannot start: run the same desk in a browser with `npm run desk` instead.",
  )
  process.exit(1)
}

// `electron-vite preview` builds main, preload and renderer, then starts Electron on the output.
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
