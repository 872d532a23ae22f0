// The headless desk as its own process (as the app runs it), the relay as its own process, and
// small helpers the sync benchmarks share: the desk's API and live stream, percentiles.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startRelayProcess, type RelayProcess } from '../../cloud-relay/test/relay-process'
import { freePort } from '../../test/support/free-port'

const ROOT = join(import.meta.dirname, '..', '..')
export const DESK_TOKEN = 'bench-sync-token-0123456789abcdef'

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export interface DeskProcess {
  url: string
  child: ChildProcess
  api(path: string, init?: RequestInit): Promise<Response>
  stop(): Promise<void>
}

/**
 * The built desk (`npm run bench` builds it first) or, when out/ is missing or BENCH_DESK=source,
 * the source through tsx.
 */
function deskCommand(): string[] {
  const built = join(ROOT, 'out', 'main', 'headless.js')
  return existsSync(built) && process.env.BENCH_DESK !== 'source'
    ? [built]
    : ['--import', 'tsx', join(ROOT, 'src', 'main', 'headless.ts')]
}

export async function startDeskProcess(env: Record<string, string>): Promise<DeskProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const output: string[] = []
  // BENCH_DESK_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": to profile the desk.
  const nodeArgs = process.env.BENCH_DESK_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, ...deskCommand()], {
    cwd: ROOT,
    env: {
      ...process.env,
      FRONTDESK_PORT: String(port),
      FRONTDESK_API_TOKEN: DESK_TOKEN,
      FRONTDESK_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${DESK_TOKEN}`, ...init.headers },
    })
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`desk exited:\n${output.join('')}`)
    try {
      if ((await api('/api/health')).status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`desk did not start:\n${output.join('')}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return {
    url,
    child,
    api,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export async function connectDesk(desk: DeskProcess, apiKey: string): Promise<void> {
  const res = await desk.api('/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey }),
  })
  if (res.status !== 200) throw new Error(`connect answered ${res.status}: ${await res.text()}`)
}

/** The relay process on a port chosen here, so RELAY_PUBLIC_URL (what Cal.com calls) is right. */
export async function startRelay(
  env: Record<string, string>,
  port?: number,
): Promise<RelayProcess & { port: number; stop(): Promise<void> }> {
  const p = port ?? (await freePort())
  const relay = await startRelayProcess({
    RELAY_PORT: String(p),
    RELAY_PUBLIC_URL: `http://127.0.0.1:${p}`,
    RELAY_INTAKE_RATE_LIMIT: '100000000',
    RELAY_ENROLL_RATE_LIMIT: '1000',
    ...env,
  })
  return {
    ...relay,
    port: p,
    async stop() {
      if (relay.child.exitCode === null) relay.child.kill('SIGTERM')
      await relay.exited
    },
  }
}

/** A second device on the branch's relay channel, for a bare client to read with. */
export async function enrollBareDevice(relayUrl: string, apiKey: string): Promise<string> {
  const res = await fetch(`${relayUrl}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ calcom: { apiKey }, deviceName: 'bench bare client' }),
  })
  if (res.status !== 200) throw new Error(`enroll answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { deviceToken: string }).deviceToken
}

export async function machine(): Promise<string> {
  const os = await import('node:os')
  return `load average before the run: ${(os.loadavg()[0] ?? 0).toFixed(2)} on ${os.cpus().length} cores (shared machine)`
}
