import { type ChildProcess, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { auth } from './helpers.js'

// `npm run sandbox` as an operator runs it: its own process, its banner, Ctrl-C.
const children: ChildProcess[] = []

function runServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/src/server.ts'], {
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return {
    child,
    exited,
    out: () => stdout,
    err: () => stderr,
    async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
      for (let i = 0; i < 300; i++) {
        const match = pattern.exec(stdout)
        if (match) return match
        if (child.exitCode !== null) break
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`no ${pattern} in the output:\n${stdout}\n${stderr}`)
    },
  }
}

/** The exit code, or 'still running' if the process did not end well within a test's patience. */
async function exitOrHang(
  exited: Promise<number | null>,
): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'still running'>(
    (r) => (timer = setTimeout(() => r('still running'), 8000)),
  )
  const result = await Promise.race([exited, hang])
  clearTimeout(timer)
  return result
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
})

describe('npm run sandbox', () => {
  it('prints where it listens and each branch’s key facts, which work as printed', async () => {
    const server = runServer({ SANDBOX_NOW: '2026-03-10T14:00:00Z', SANDBOX_LOG: '1' })
    const [, url] = await server.waitFor(
      /^Cal\.com sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m,
    )
    await server.waitFor(/bridal-trial.*\n[\s\S]*bridal-trial/)
    const out = server.out()
    expect(out).toContain(
      `OAuth client   frontdesk-desk (public, PKCE S256)   redirect URI http://127.0.0.1:53682/callback`,
    )
    expect(out).toContain('sandbox clock  2026-03-10T14:00')
    expect(out).toMatch(/America\/Toronto/)
    expect(out).toMatch(/Europe\/Berlin/)
    expect(out).toMatch(/full-colour #\d+ \(120 min, needs confirmation\)/)
    expect(out).toMatch(/bridal-trial #\d+ \(90 min, paid 85\.00 CAD\)/)
    expect(out).not.toContain('sandbox-confidential-secret')
    const keys = [...out.matchAll(/API key\s+(cal_\S+)/g)].map((m) => m[1]!)
    expect(keys).toHaveLength(2)
    const me = await fetch(`${url}/v2/me`, { headers: auth(keys[0]!) })
    expect(me.status).toBe(200)
    const login = /sign in\s+(\S+) \/ (\S+)/.exec(out)!
    expect(((await me.json()) as { data: { email: string } }).data.email).toBe(login[1])
    // with SANDBOX_LOG=1 requests are logged, but the key sent with them is not
    await server.waitFor(/"url":"\/v2\/me"/)
    expect(server.out().split(keys[0]!).length - 1).toBe(1) // the banner's line only
  })

  it('stops cleanly on Ctrl-C (SIGINT) even with a hung call and an idle socket open', async () => {
    const server = runServer({})
    const [, url, port] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:(\d+))/)
    const key = (await server.waitFor(/API key\s+(cal_\S+)/))[1]!
    await fetch(`${url}/_sandbox/faults/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'hang', count: 1 }),
    })
    const hung = fetch(`${url}/v2/me`, { headers: auth(key) }).then(
      () => 'answered',
      () => 'cut',
    )
    const idle = connect(Number(port), '127.0.0.1')
    idle.on('error', () => undefined)
    idle.resume()
    await new Promise((r) => idle.once('connect', r))
    // The sandbox holds the call once it has taken the fault for it.
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${url}/_sandbox/faults`)).json()) as { api: unknown[] }).api,
      )
      .toEqual([])
    server.child.kill('SIGINT')
    expect(await exitOrHang(server.exited)).toBe(0)
    expect(server.out()).toContain('sandbox: stopped (SIGINT)')
    expect(await hung).toBe('cut')
    idle.destroy()
  })

  it('refuses bad settings with a message naming each variable', async () => {
    const server = runServer({ SANDBOX_PORT: 'eighty', SANDBOX_TRAFFIC_PER_MINUTE: '-3' })
    expect(await exitOrHang(server.exited)).toBe(2)
    expect(server.err()).toContain(
      'SANDBOX_PORT must be a whole number from 0 to 65535, got "eighty"',
    )
    expect(server.err()).toContain('SANDBOX_TRAFFIC_PER_MINUTE must be a whole number')
    expect(server.out()).toBe('')
  })
})
