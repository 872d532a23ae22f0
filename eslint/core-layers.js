// @ts-check
// The layers of the desk core (src/main/core), bottom first, VS Code style: a module may import
// its own layer and the layers below it, never one above. This list is the one place they are
// named; eslint.config.js enforces it and test/import-boundaries.test.ts proves it bites.
//
// An entry `name/` is a folder, `*-suffix` any file whose name ends so (in any folder), anything
// else one file; paths are relative to src/main/core, without extension. A file takes the first
// layer with an entry matching it, so `appointments/appointment-store` is a store, not domain.
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CORE_LAYERS = [
  {
    name: 'foundation (Cal.com client, database, logging, configuration, data folder)',
    entries: [
      'calcom/',
      'db/',
      'logging/',
      'config/',
      'data-dir/',
      'errors/',
      'events/',
      'live/',
      'time/',
      'updates/',
      'app-version',
    ],
  },
  {
    name: 'stores',
    // outbox-payloads: the JSON a desk action stores in an outbox row, i.e. the outbox table's shape.
    entries: [
      '*-store',
      'auth/',
      'secrets/',
      'branch/',
      'staff/',
      'event-types/',
      'settings/',
      'audit/',
      'outbound/outbox-payloads',
      // overview-numbers: the overview's counting rules, pure; its store spells them into SQL.
      'overview/overview-numbers',
    ],
  },
  {
    name: 'domain',
    // shared-state/: desk-owned state shared by the branch's desks (desk events, DESIGN.md §9).
    entries: [
      'appointments/',
      'clients/',
      'slots/',
      'actions/',
      'connect/',
      'people/',
      'shared-state/',
      // overview/: the owner's numbers, read from a branch's own store (DESIGN.md §9).
      'overview/',
    ],
  },
  // notify/: desktop notifications pulled from the relay, like inbound's events.
  { name: 'inbound and outbound', entries: ['inbound/', 'outbound/', 'notify/'] },
  { name: 'local API', entries: ['server/', 'desk'] },
  // branches/: the app's branches, one desk core (the layer below) per branch, behind one API.
  { name: 'branch host', entries: ['branches/'] },
]

export const CORE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'main',
  'core',
)

/** @param {string} entry @param {string} path */
function matches(entry, path) {
  if (entry.endsWith('/')) return path.startsWith(entry)
  if (entry.startsWith('*')) return path.endsWith(entry.slice(1))
  return path === entry
}

/**
 * The index in CORE_LAYERS of a file of the core, or undefined for a file outside the core or
 * in no layer. @param {string} absolutePath
 */
export function coreLayerOf(absolutePath) {
  const path = relative(CORE_DIR, absolutePath)
    .split(sep)
    .join('/')
    .replace(/\.(tsx?|jsx?|mjs|cjs)$/, '')
  if (path.startsWith('..') || path === '') return undefined
  const index = CORE_LAYERS.findIndex((layer) => layer.entries.some((e) => matches(e, path)))
  return index === -1 ? undefined : index
}

/** @type {import('eslint').Rule.RuleModule} */
export const noUpwardCoreImport = {
  meta: {
    type: 'problem',
    docs: { description: 'The desk core imports only its own layer and the layers below.' },
    schema: [],
  },
  create(context) {
    const from = coreLayerOf(context.filename)
    if (from === undefined) return {}
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const to = coreLayerOf(resolve(dirname(context.filename), source))
      if (to === undefined || to <= from) return
      context.report({
        node,
        message:
          `Upward import in the desk core: ${CORE_LAYERS[from]?.name} must not import ${source} ` +
          `(${CORE_LAYERS[to]?.name}). Move the shared piece down (eslint/core-layers.js).`,
      })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    }
  },
}
