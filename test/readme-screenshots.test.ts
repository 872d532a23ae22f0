// The README's pictures stay current: every image it shows is a file under docs/screenshots, and
// the files there are exactly the shots `npm run screenshots` takes (scripts/screenshots/shots.ts),
// so a shot added, renamed or dropped in the script shows up here until the pictures are re-taken.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileOf, SCREENSHOT_DIR, SHOTS } from '../scripts/screenshots/shots'

const root = join(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const shown = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!)

describe('the README’s screenshots', () => {
  it('shows only images that exist', () => {
    expect(shown.length).toBeGreaterThan(0)
    for (const path of shown) expect(existsSync(join(root, path)), path).toBe(true)
  })

  it('are exactly the files the screenshot script writes, and the README shows each', () => {
    const files = readdirSync(join(root, SCREENSHOT_DIR))
      .filter((f) => f.endsWith('.png'))
      .map((f) => `${SCREENSHOT_DIR}/${f}`)
      .sort()
    const shots = SHOTS.map(fileOf).sort()
    expect(files).toEqual(shots)
    expect([...new Set(shown.filter((p) => p.startsWith(`${SCREENSHOT_DIR}/`)))].sort()).toEqual(
      shots,
    )
  })

  it('are small enough to keep in the repository', () => {
    for (const shot of SHOTS) {
      const bytes = readFileSync(join(root, fileOf(shot))).length
      expect(bytes, fileOf(shot)).toBeLessThan(400_000)
    }
  })
})
