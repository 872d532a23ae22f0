// A real app holding branches (the branch host) on a fresh temporary data directory, for tests.
import { rmSync } from 'node:fs'
import {
  startBranchHost,
  type BranchHost,
  type BranchHostOptions,
} from '../../src/main/core/branches/branch-host'
import { loadDeskConfig } from '../../src/main/core/config/desk-config'
import { makeDataDir } from './temp-desk'

export interface TempBranchHost {
  host: BranchHost
  dataDir: string
  /** Closes the host and deletes its data directory. */
  dispose(): Promise<void>
}

export async function startTempBranchHost(
  opts: { env?: Record<string, string>; options?: BranchHostOptions } = {},
): Promise<TempBranchHost> {
  const dataDir = makeDataDir()
  try {
    const host = await startBranchHost(
      loadDeskConfig({
        FRONTDESK_DATA_DIR: dataDir,
        FRONTDESK_PORT: '0',
        FRONTDESK_LOG_LEVEL: 'silent',
        ...opts.env,
      }),
      opts.options,
    )
    return {
      host,
      dataDir,
      async dispose() {
        await host.close()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true })
    throw err
  }
}
