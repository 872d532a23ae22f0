// `npm run build` also compiles the relay and the sandbox to plain JavaScript (out/servers), which
// is what a server runs in production (no TypeScript loader). Build it, start each with node,
// and check it answers and stops cleanly.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')

beforeAll(() => {
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.servers.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0)
}, 120_000)

async function runBuilt(script: string, env: Record<string, string>, ready: RegExp, probe: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'frontdesk-built-'))
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  let output = ''
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString()
        const m = ready.exec(output)
        if (m) resolve(m[1]!)
      })
      void exited.then((code) => reject(new Error(`${script} exited ${code}:\n${output}`)))
    })
    expect((await fetch(url + probe)).status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  } finally {
    child.kill('SIGKILL')
    rmSync(cwd, { recursive: true, force: true })
  }
}

it('the built relay starts with node, answers /healthz and stops on SIGTERM', async () => {
  await runBuilt(
    'out/servers/cloud-relay/src/server.js',
    { RELAY_HOST: '127.0.0.1', RELAY_PORT: '0' },
    /"url":"(http:\/\/127\.0\.0\.1:\d+)"/,
    '/healthz',
  )
}, 60_000)

it('the built sandbox starts with node, serves its state and stops on SIGTERM', async () => {
  await runBuilt(
    'out/servers/sandbox/src/server.js',
    { SANDBOX_PORT: '0' },
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    '/_sandbox/state',
  )
}, 60_000)
