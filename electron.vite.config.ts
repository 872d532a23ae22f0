import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// One build for the three Electron sides. The main build also emits the headless desk
// (`out/main/headless.js`), which runs the same core under plain Node.
export default defineConfig({
  main: {
    build: {
      // Pure-JS dependencies are bundled: resolving hundreds of files in node_modules is most of
      // a cold start. Native (better-sqlite3) and Electron-only ones stay external.
      externalizeDeps: {
        exclude: [
          'fastify',
          'fastify-plugin',
          '@fastify/ajv-compiler',
          '@fastify/fast-json-stringify-compiler',
          '@fastify/static',
          '@fastify/swagger',
          '@fastify/type-provider-typebox',
          '@sinclair/typebox',
          'drizzle-orm',
          'luxon',
        ],
      },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          headless: resolve(__dirname, 'src/main/headless.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified: minified, the scripts the window loads and
      // compiles at every start are 1.1 MB instead of 2.4 MB.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
