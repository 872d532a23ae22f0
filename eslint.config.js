// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import { noUpwardCoreImport } from './eslint/core-layers.js'

// The import direction of DESIGN.md §5, enforced here rather than by review:
//   src/shared  (pure TS: no Node, no DOM, no app code)
//   ← src/main/core (never `electron`), src/renderer (never main/preload/Node), cloud-relay, sandbox
// The desk (main, preload, renderer) never imports the relay or the sandbox, and the relay never
// imports the desk or the sandbox: they are separate programs that meet only in src/shared (tests
// may start the others, to talk to them over HTTP). Inside the desk core, the layers of
// eslint/core-layers.js: a module never imports a layer above its own.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const noNode = nodeBuiltins.map((name) => ({
  name,
  message: 'This layer must not use Node APIs (DESIGN.md §5).',
}))
const noElectron = {
  name: 'electron',
  message:
    'Only src/main/index.ts and src/main/electron/* may import electron; the core runs under plain Node.',
}
const pattern = (group, message) => ({ group, message })
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts']
const noMainInternals = (who) =>
  pattern(['**/renderer/**', '**/preload/**'], `${who} never imports the renderer or the preload.`)
const deskApart = pattern(
  ['**/cloud-relay/**', '**/sandbox/**'],
  'The desk never imports the relay or the sandbox: they are separate programs; share code through src/shared.',
)

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      '.tsbuild/**',
      'dist/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'cloud-relay/dist/**',
      'sandbox/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode,
            noElectron,
            { name: 'react', message: 'src/shared is framework-free.' },
          ],
          patterns: [
            pattern(
              [
                '**/main/**',
                '**/renderer/**',
                '**/preload/**',
                '**/cloud-relay/**',
                '**/sandbox/**',
              ],
              'src/shared imports nothing from the app.',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [noMainInternals('The core'), deskApart] },
      ],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noMainInternals('Main'), deskApart] }],
    },
  },
  {
    // Tests start the relay and the sandbox in-process to talk to them over HTTP.
    files: testFiles.map((t) => `src/main/${t}`),
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [noMainInternals('The core')] },
      ],
    },
  },
  {
    files: testFiles.map((t) => `src/main/electron/${t}`),
    rules: {
      'no-restricted-imports': ['error', { patterns: [noMainInternals('Main')] }],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    ignores: testFiles,
    plugins: { frontdesk: { rules: { 'core-layers': noUpwardCoreImport } } },
    rules: {
      'frontdesk/core-layers': 'error',
      // A refused input says why as a code the UI can word (errors/validation-error.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='DeskError'][arguments.0.value='VALIDATION']",
          message:
            'Refuse an input with new ValidationError(field, reason, message): the UI words the reason, never the message.',
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['**/main/**', '**/renderer/**'], 'The preload depends on src/shared only.'),
            deskApart,
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode,
            {
              ...noElectron,
              message: 'The renderer has no Node and no Electron: it talks to the local API.',
            },
          ],
          patterns: [
            pattern(
              ['**/main/**', '**/preload/**', '**/cloud-relay/**', '**/sandbox/**'],
              'The renderer talks only to the local API and src/shared.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['cloud-relay/**/*.ts', 'sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(
              ['**/src/main/**', '**/src/renderer/**', '**/src/preload/**'],
              'The relay and the sandbox are separate services; share code through src/shared only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['cloud-relay/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(
              ['**/src/main/**', '**/src/renderer/**', '**/src/preload/**', '**/sandbox/**'],
              'The relay is a separate service: it imports only src/shared, never the desk or the sandbox.',
            ),
          ],
        },
      ],
    },
  },
)
