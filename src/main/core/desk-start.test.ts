import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeDataDir, startTempDesk } from '../../../test/support/temp-desk'
import { DeskStartError } from './data-dir/desk-errors'
import { DATABASE_FILE } from './desk'

const dirs: string[] = []
const freshDir = () => {
  const d = makeDataDir()
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function startError(dataDir: string): Promise<DeskStartError> {
  try {
    const desk = await startTempDesk({ dataDir })
    await desk.close()
  } catch (err) {
    if (err instanceof DeskStartError) return err
    throw err
  }
  throw new Error('the desk started')
}

describe('starting the desk on a data directory', () => {
  it('refuses a second desk on the same directory, and allows it once the first has closed', async () => {
    const dataDir = freshDir()
    const first = await startTempDesk({ dataDir })
    const err = await startError(dataDir)
    expect(err.code).toBe('DATA_DIR_IN_USE')
    expect(err.message).toContain(dataDir)
    expect(err.message).toMatch(/already running/)
    await first.close()
    const again = await startTempDesk({ dataDir })
    await again.close()
  })

  it('keeps what it stored across restarts (migrations run once)', async () => {
    const dataDir = freshDir()
    const a = await startTempDesk({ dataDir })
    a.services.branches.update(a.services.branches.current().id, {
      name: 'Harbour',
      timeZone: 'Europe/Lisbon',
    })
    await a.close()
    const b = await startTempDesk({ dataDir })
    expect(b.services.branches.current()).toMatchObject({
      name: 'Harbour',
      timeZone: 'Europe/Lisbon',
    })
    await b.close()
  })

  it('never overwrites a database file that is not a database', async () => {
    const dataDir = freshDir()
    const file = join(dataDir, DATABASE_FILE)
    const garbage = Buffer.from(
      'these are not the bytes of a SQLite database, but they are precious\n',
    )
    writeFileSync(file, garbage)
    const err = await startError(dataDir)
    expect(err.code).toBe('DATABASE_UNREADABLE')
    expect(err.message).toContain(file)
    expect(err.message).toMatch(/left untouched/)
    expect(readFileSync(file)).toEqual(garbage)
  })

  it('refuses a database written by a newer Frontdesk', async () => {
    const dataDir = freshDir()
    const desk = await startTempDesk({ dataDir })
    await desk.close()
    const db = new Database(join(dataDir, DATABASE_FILE))
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(
      'future',
      9e15,
    )
    db.close()
    const before = readFileSync(join(dataDir, DATABASE_FILE))
    const err = await startError(dataDir)
    expect(err.code).toBe('DATABASE_TOO_NEW')
    expect(readFileSync(join(dataDir, DATABASE_FILE))).toEqual(before)
  })
})

describe('the headless desk process', () => {
  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/headless.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (err += c))
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const m = /Frontdesk desk ready at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out)
        if (m) resolve(m[0])
      })
      child.on('exit', () => reject(new Error(`exited before ready: ${err}`)))
    })
    ready.catch(() => undefined) // only awaited by the tests that expect a ready desk
    return { child, ready, exited, output: () => ({ out, err }) }
  }

  it('prints one ready line, serves, and closes cleanly on SIGTERM', async () => {
    const dataDir = freshDir()
    const desk = run({ FRONTDESK_DATA_DIR: dataDir, FRONTDESK_PORT: '0' })
    const line = await desk.ready
    const [, base, token] = /(http:\/\/\S+)\/\?token=(\S+)/.exec(line)!
    const health = await fetch(`${base}/api/health`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(health.status).toBe(200)

    // A second desk on the same directory refuses with a clear message.
    const second = run({ FRONTDESK_DATA_DIR: dataDir, FRONTDESK_PORT: '0' })
    expect(await second.exited).toBe(2)
    expect(second.output().err).toMatch(/Another Frontdesk desk is already running on/)

    desk.child.kill('SIGTERM')
    expect(await desk.exited).toBe(0)
    // A clean close checkpoints the WAL into the database file and removes it.
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('exits non-zero naming a bad variable', async () => {
    const desk = run({ FRONTDESK_DATA_DIR: freshDir(), FRONTDESK_PORT: 'not-a-port' })
    expect(await desk.exited).toBe(2)
    expect(desk.output().err).toMatch(
      /FRONTDESK_PORT must be a port number from 0 to 65535, got "not-a-port"/,
    )
  })

  it('says which port is taken and what to do, instead of a raw EADDRINUSE stack', async () => {
    const taken = createServer()
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r))
    const port = (taken.address() as AddressInfo).port
    try {
      const desk = run({ FRONTDESK_DATA_DIR: freshDir(), FRONTDESK_PORT: String(port) })
      expect(await desk.exited).toBe(2)
      const { err } = desk.output()
      expect(err).toContain(`Port ${port} on 127.0.0.1 is already in use`)
      expect(err).toMatch(/FRONTDESK_PORT or --port/)
      expect(err).not.toMatch(/EADDRINUSE|\n\s+at /)
    } finally {
      taken.close()
    }
  })
})
