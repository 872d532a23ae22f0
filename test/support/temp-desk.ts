// A real desk on a fresh temporary data directory, for tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDeskConfig } from '../../src/main/core/config/desk-config'
import { startDesk, type Desk, type StartDeskOptions } from '../../src/main/core/desk'

export interface TempDesk extends Desk {
  dataDir: string
  /** Closes the desk and deletes its data directory. */
  dispose(): Promise<void>
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'frontdesk-test-'))
}

export async function startTempDesk(
  opts: StartDeskOptions & { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TempDesk> {
  const dataDir = opts.dataDir ?? makeDataDir()
  const config = loadDeskConfig({
    FRONTDESK_DATA_DIR: dataDir,
    FRONTDESK_PORT: '0',
    FRONTDESK_LOG_LEVEL: 'info',
    ...opts.env,
  })
  const desk = await startDesk(config, opts)
  return {
    ...desk,
    dataDir,
    async dispose() {
      await desk.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A fetch against the desk with its session token. */
export function deskFetch(desk: Desk, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${desk.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${desk.token}`, ...init.headers },
  })
}
