// The import direction of DESIGN.md §5 is enforced by eslint.config.js; these cases prove the
// rule bites, so a config edit that silently disables it fails here.
import { ESLint } from 'eslint'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORE_DIR, coreLayerOf } from '../eslint/core-layers.js'

const ROOT = join(__dirname, '..')
const eslint = new ESLint({ cwd: ROOT })

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', file) })
  return result!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)
}

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return result!.messages.filter((m) => m.ruleId === 'frontdesk/core-layers').map((m) => m.message)
}

describe('import boundaries', () => {
  it.each([
    ['src/main/core/anything.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src/main/core/anything.ts', "import { x } from '../../renderer/src/x'\nexport const a = x\n"],
    [
      'src/renderer/src/anything.ts',
      "import { startDesk } from '../../main/core/desk'\nexport const a = startDesk\n",
    ],
    [
      'src/renderer/src/anything.ts',
      "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n",
    ],
    [
      'src/shared/anything.ts',
      "import { readFileSync } from 'fs'\nexport const a = readFileSync\n",
    ],
    ['src/shared/anything.ts', "import { x } from '../main/core/x'\nexport const a = x\n"],
    ['src/shared/anything.ts', 'export const a = document.title\n'],
    ['src/preload/anything.ts', "import { x } from '../main/core/x'\nexport const a = x\n"],
    [
      'cloud-relay/src/anything.ts',
      "import { x } from '../../src/main/core/x'\nexport const a = x\n",
    ],
    // The desk and the relay are separate programs: they meet only in src/shared.
    [
      'src/main/core/inbound/anything.ts',
      "import type { RelayEvent } from '../../../../cloud-relay/src/contract'\nexport type A = RelayEvent\n",
    ],
    [
      'src/main/core/anything.ts',
      "import { startSandbox } from '../../../sandbox/src/index'\nexport const a = startSandbox\n",
    ],
    [
      'src/main/electron/anything.ts',
      "import { buildApp } from '../../../cloud-relay/src/app'\nexport const a = buildApp\n",
    ],
    [
      'src/preload/anything.ts',
      "import { buildApp } from '../../cloud-relay/src/app'\nexport const a = buildApp\n",
    ],
    [
      'src/renderer/src/anything.ts',
      "import { startSandbox } from '../../../sandbox/src/index'\nexport const a = startSandbox\n",
    ],
    [
      'cloud-relay/src/anything.ts',
      "import { startSandbox } from '../../sandbox/src/index.js'\nexport const a = startSandbox\n",
    ],
  ])('refuses what %s must not use: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([])
  })

  it.each([
    [
      'src/main/core/anything.ts',
      "import { Appointment } from '../../shared/api/schemas'\nexport const a = Appointment\n",
    ],
    [
      'src/renderer/src/anything.ts',
      "import { Appointment } from '../../shared/api/schemas'\nexport const a = Appointment\n",
    ],
    ['src/main/index.ts', "import { app } from 'electron'\nexport const a = app\n"],
    [
      'src/main/core/anything.ts',
      "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n",
    ],
    [
      'cloud-relay/src/anything.ts',
      "import type { RelayEvent } from '../../src/shared/relay/relay-contract.js'\nexport type A = RelayEvent\n",
    ],
    // Tests start the relay and the sandbox to talk to them over HTTP.
    [
      'src/main/core/inbound/anything.test.ts',
      "import { startSandbox } from '../../../../sandbox/src/index'\nexport const a = startSandbox\n",
    ],
  ])('allows %s to use: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([])
  })
})

// The layers of the desk core (eslint/core-layers.js), bottom first: an import of a layer above
// is refused, one of the same layer or below is allowed.
describe('desk core layers', () => {
  it.each([
    ['src/main/core/db/anything.ts', '../appointments/appointment-store'],
    ['src/main/core/calcom/anything.ts', '../staff/staff-store'],
    ['src/main/core/branch/branch-store.ts', '../slots/slots-cache'],
    ['src/main/core/appointments/anything.ts', '../inbound/apply-event'],
    ['src/main/core/actions/anything.ts', '../outbound/outbox-worker'],
    ['src/main/core/slots/anything.ts', '../inbound/inbox'],
    ['src/main/core/appointments/anything.ts', '../outbound/outbox-worker'],
    ['src/main/core/inbound/anything.ts', '../server/desk-services'],
    ['src/main/core/outbound/anything.ts', '../desk'],
    ['src/main/core/live/anything.ts', '../server/plugins/error-handler'],
  ])('refuses %s importing %s', async (file, source) => {
    const errors = await layerErrors(file, `import { x } from '${source}'\nexport const a = x\n`)
    expect(errors).toEqual([expect.stringContaining('Upward import in the desk core')])
    expect(
      await layerErrors(file, `export { x } from '${source}'\n`),
      're-exports are imports too',
    ).not.toEqual([])
  })

  it.each([
    ['src/main/core/appointments/appointment-store.ts', '../db/schema'],
    ['src/main/core/actions/anything.ts', '../outbound/outbox-store'],
    ['src/main/core/slots/anything.ts', '../connect/branch-connection'],
    ['src/main/core/outbound/anything.ts', '../inbound/apply-event'],
    ['src/main/core/server/routes/anything.ts', '../../outbound/outbox-store'],
    ['src/main/core/desk.ts', './server/local-api'],
    ['src/main/core/db/anything.ts', './schema'],
    // Tests assemble whole desks: the layers bind the code under test, not its tests.
    ['src/main/core/db/anything.test.ts', '../server/local-api'],
  ])('allows %s to import %s', async (file, source) => {
    expect(await layerErrors(file, `import { x } from '${source}'\nexport const a = x\n`)).toEqual(
      [],
    )
  })

  it('places every folder and file of the core in a layer', () => {
    const unplaced = readdirSync(CORE_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() || /^(?!.*\.test(-support)?\.ts$).*\.ts$/.test(e.name))
      .map((e) => (e.isDirectory() ? `${e.name}/probe.ts` : e.name))
      .filter((name) => coreLayerOf(join(CORE_DIR, name)) === undefined)
    expect(unplaced, 'add these to CORE_LAYERS in eslint/core-layers.js').toEqual([])
  })

  it('fails lint on an upward import planted in a real file of the core', async () => {
    const file = 'src/main/core/staff/staff-store.ts'
    const code = readFileSync(join(ROOT, file), 'utf8')
    expect(await layerErrors(file, code)).toEqual([])
    const planted = `import { startDesk } from '../desk'\nexport const planted = startDesk\n${code}`
    expect(await layerErrors(file, planted)).toEqual([
      expect.stringContaining('stores must not import ../desk (local API)'),
    ])
  })
})
