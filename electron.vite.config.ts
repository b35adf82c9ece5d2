import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { scriptDigest } from './electron/integrity/script-digest';

// The main process refuses to start a PowerShell host script other than the one built with it.
const pepHostSha256 = scriptDigest(readFileSync(resolve(import.meta.dirname, 'resources/pep-host.ps1')));

// Three bundles: main (ESM, Node; the Azure SDKs and practice-only modules are dynamic imports in
// electron/compose.ts, so rollup puts them in chunks read only when first needed), preload
// (CommonJS: sandboxed preloads cannot be ESM), renderer.
export default defineConfig({
  main: {
    define: { __PEP_HOST_SHA256__: JSON.stringify(pepHostSha256) },
    build: {
      // zod is bundled: read from node_modules it is ~60 ESM files to resolve and compile at every
      // start (the main-bundle load took twice the CPU time, measured by `npm run bench`).
      externalizeDeps: { exclude: ['zod'] },
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      // Minified (electron-vite leaves it off by default); the bench prints the gzipped size.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // Two pages: the app, and the printable record of a hand-off (main prints it in a hidden window).
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html'), record: resolve(import.meta.dirname, 'renderer/record.html') } },
    },
  },
});
