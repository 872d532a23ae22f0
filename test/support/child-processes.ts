// The Cal.com sandbox and the headless desk as real child processes (node + tsx loader, so a
// signal reaches the server itself), each resolved once it prints the line that says it is ready.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')

export interface ChildServer {
  url: string
  child: ChildProcess
  /** Everything it wrote, for the failure message. */
  output(): string
  /** SIGTERM (or `signal`), then resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

function spawnServer(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  what: string,
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString()
      const m = ready.exec(output)
      if (m)
        resolve({
          url: m[1]!,
          child,
          output: () => output,
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal)
            return exited
          },
        })
    })
    void exited.then((code) =>
      reject(new Error(`${what} exited (${code}) before ready:\n${output}`)),
    )
  })
}

/** `npm run sandbox` on a free port, with the demo seed. */
export function spawnSandbox(env: Record<string, string> = {}): Promise<ChildServer> {
  return spawnServer(
    'sandbox/src/server.ts',
    { SANDBOX_PORT: '0', ...env },
    /Cal\.com sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/,
    'sandbox',
  )
}

/** `npm run desk` (the headless desk) on a free port. */
export function spawnHeadlessDesk(env: Record<string, string>): Promise<ChildServer> {
  return spawnServer(
    'src/main/headless.ts',
    { FRONTDESK_PORT: '0', FRONTDESK_LOG_LEVEL: 'warn', ...env },
    /ready at (http:\/\/127\.0\.0\.1:\d+)/,
    'desk',
  )
}
