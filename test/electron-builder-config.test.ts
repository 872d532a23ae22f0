// The installer configuration, checked the way electron-builder itself would read it, plus the
// parts that matter for a working, updatable desk.
import { Ajv } from 'ajv'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  // The schema check below is what types this; the assertions read it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  any
>

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as object
    const ajv = new Ajv({ allErrors: true, strict: false })
    const validate = ajv.compile(schema)
    const valid = validate(config)
    expect(ajv.errorsText(validate.errors, { separator: '\n' })).toBe('No errors')
    expect(valid).toBe(true)
  })

  it('names the app and writes installers to dist/', () => {
    expect(config.productName).toBe('Frontdesk')
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
    expect(config.directories.output).toBe('dist')
  })

  it('keeps better-sqlite3 outside app.asar so its native addon loads', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**')
    expect(config.npmRebuild).not.toBe(false)
  })

  it('ships the built app and the migrations, and no sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'drizzle/**', 'package.json']))
    expect(config.files.some((pattern: string) => /^src\b|\*\*\/\*\.ts$/.test(pattern))).toBe(false)
    // src/main/index.ts reads them from process.resourcesPath/drizzle when packaged.
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: 'drizzle', to: 'drizzle' }),
    )
  })

  it('updates from a generic feed', () => {
    expect(config.publish).toMatchObject({ provider: 'generic' })
    expect(config.publish.url).toMatch(/^\$\{env\.[A-Z_]+\}$|^https:\/\//)
  })

  it('builds the installers the desks use, with a real icon', () => {
    expect(config.win.target).toContain('nsis')
    expect(config.mac.target).toContain('dmg')
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.linux.maintainer).toMatch(/<.+@.+>/)
    expect(config.linux.category).toBeTruthy()
    const icon = readFileSync(join(root, config.icon as string))
    // PNG signature, then IHDR width and height: electron-builder wants at least 512x512.
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512])
  })

  it('points only at paths that exist in the repository', () => {
    expect(existsSync(join(root, config.directories.buildResources as string))).toBe(true)
    expect(existsSync(join(root, 'drizzle'))).toBe(true)
  })
})
