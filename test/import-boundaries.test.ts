// The import direction of DESIGN.md §5 is enforced by eslint.config.js; these cases prove the
// rule bites, so a config edit that silently disables it fails here.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: join(__dirname, '..') })

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', file) })
  return result!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)
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
  ])('allows %s to use: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([])
  })
})
