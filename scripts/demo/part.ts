// One part of the demo (sandbox, relay, desk) as a child process: its output prefixed with its
// name, a way to wait for a line it prints, and a stop that asks first (SIGTERM) and insists
// (SIGKILL) only if it does not close in time.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface PartExit {
  code: number | null
  signal: NodeJS.Signals | null
}

const STOP_GRACE_MS = 10_000

export class Part {
  readonly child: ChildProcess
  /** Settles when the process has exited, whatever the reason. */
  readonly exited: Promise<PartExit>
  #lineListeners = new Set<(line: string) => void>()
  #exit: PartExit | null = null

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: Record<string, string>,
    cwd: string,
  ) {
    this.child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C in the terminal reaches the demo only, which then stops
      // the parts in order (desk first, so nothing it still sends finds the relay gone).
      detached: true,
    })
    const label = `[${name}]`.padEnd(10)
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        process.stdout.write(`${label}${line}\n`)
        for (const listener of this.#lineListeners) listener(line)
      })
    }
    this.exited = new Promise((resolve) => {
      this.child.once('error', (err) => {
        process.stdout.write(`${label}could not start: ${err.message}\n`)
        this.#exit = { code: 127, signal: null }
        resolve(this.#exit)
      })
      this.child.once('exit', (code, signal) => {
        this.#exit = { code, signal }
        resolve(this.#exit)
      })
    })
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  get running(): boolean {
    return this.#exit === null
  }

  /** Resolves with the first match of `pattern` in a line this part prints. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        this.#lineListeners.delete(listener)
      }
      const listener = (line: string) => {
        const match = pattern.exec(line)
        if (match) {
          done()
          resolve(match)
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`the ${this.name} did not get ready within ${timeoutMs / 1000} s`))
      }, timeoutMs)
      this.#lineListeners.add(listener)
      void this.exited.then((e) => {
        done()
        reject(new Error(`the ${this.name} exited while starting (${describeExit(e)})`))
      })
    })
  }

  /** Stops the process (SIGTERM, then SIGKILL after a grace period) and waits for its exit. */
  async stop(): Promise<PartExit> {
    if (!this.running || this.child.pid === undefined) return this.exited
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => {
      process.stdout.write(`[demo]    the ${this.name} did not stop in time; killing it\n`)
      this.child.kill('SIGKILL')
    }, STOP_GRACE_MS)
    const exit = await this.exited
    clearTimeout(timer)
    return exit
  }
}

export function describeExit(exit: PartExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`
}
