// Every screen after the day is its own chunk, loaded with only the CSS its modules import. The
// list styles (.list, .list-row, .list-page) live in attention/lists.css: a screen that uses them
// without importing that file is unstyled when opened before Pending or Needs attention (the
// Clients screen, opened with / from the day, showed a bare bulleted list).
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../src/renderer/src')
const app = readFileSync(join(root, 'app/App.tsx'), 'utf8')
const lazyScreens = [...app.matchAll(/lazy\(\(\) =>\s*import\('\.\.\/([^']+)'\)/g)].map(
  (m) => m[1]!,
)

function source(file: string): string | null {
  for (const ext of ['.tsx', '.ts']) {
    try {
      return readFileSync(file + ext, 'utf8')
    } catch {
      // try the next extension
    }
  }
  return null
}

/** The screen's own modules, followed through relative imports inside the renderer. */
function modulesOf(entry: string): Map<string, string> {
  const seen = new Map<string, string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    const text = source(file)
    if (text === null) return
    seen.set(file, text)
    for (const m of text.matchAll(/from '(\.[^']+)'/g)) visit(resolve(dirname(file), m[1]!))
  }
  visit(join(root, entry))
  return seen
}

const USES_LISTS = /className="(list|list-row|list-page)[ "_]/

describe('lazy screens bring the styles they use', () => {
  it('finds the lazy screens', () => {
    expect(lazyScreens).toContain('features/clients/ClientsPage')
  })

  it.each(lazyScreens)('%s imports lists.css wherever it uses the list styles', (entry) => {
    const modules = [...modulesOf(entry).values()]
    if (!modules.some((text) => USES_LISTS.test(text))) return
    expect(modules.some((text) => /import '[^']*\/?lists\.css'/.test(text))).toBe(true)
  })
})
