// Runs the relay CLI as a real child process (node + tsx loader, so SIGKILL hits the server
// itself) and reads its listening URL from the JSON log line it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = join(import.meta.dirname, '../..')

export interface RelayProcess {
  url: string
  child: ChildProcess
  exited: Promise<number | null>
  output: string[]
}

export function startRelayProcess(
  env: Record<string, string>,
  script = 'cloud-relay/src/server.ts',
): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: {
      ...process.env,
      RELAY_HOST: '127.0.0.1',
      RELAY_PORT: '0',
      RELAY_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.on('line', (line) => {
      output.push(line)
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string }
        if (msg.event === 'listening' && msg.url) resolve({ url: msg.url, child, exited, output })
      } catch {
        // not JSON
      }
    })
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
    void exited.then((code) =>
      reject(new Error(`relay exited (${code}) before listening:\n${output.join('\n')}`)),
    )
  })
}
