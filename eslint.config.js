// Lint rules double as the house's import rules (see README, "Layering").
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ban = (paths, group) => ({
  'no-restricted-imports': ['error', { paths, patterns: [{ group }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // electron-builder loads build/sign.cjs with require(): CommonJS is its format.
  { files: ['build/**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // Questions are in-app dialogs (components/confirm-dialog.tsx), never window.confirm, alert or prompt.
    rules: { ...reactHooks.configs.recommended.rules, 'no-alert': 'error' },
  },
  // shared/ and renderer/ never reach Node, Electron, the main process or the tests.
  { files: ['shared/**'], rules: ban(['electron', ...builtins], ['**/electron/**', '**/test/**', '**/renderer/**']) },
  // The renderer takes run-time values from the contract's zod-free or zod/mini modules only (choices, fields,
  // events, names, problems): the index and the request schemas would bring all of classic zod into the window.
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...builtins, { name: 'zod', message: 'The renderer uses zod/mini (see shared/contract/fields.ts).' }],
        patterns: [
          { group: ['**/electron/**', '**/test/**'] },
          {
            regex: 'shared/contract(/index|/schemas|/channels)?$',
            allowTypeImports: true,
            message: 'The contract index, schemas and channels bring classic zod into the renderer: import values from shared/contract/choices, fields or events.',
          },
        ],
      }],
    },
  },
  // Services are plain Node: only electron/main and electron/preload import Electron.
  {
    files: ['electron/**'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: ban(['electron'], ['**/renderer/**', '**/test/**']),
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: ban([], ['**/renderer/**', '**/test/**']),
  },
  // Only electron/main/ipc.ts registers IPC handlers.
  {
    files: ['electron/main/**'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Only electron/main/ipc.ts registers IPC handlers.' }],
        patterns: [{ group: ['**/renderer/**', '**/test/**'] }],
      }],
    },
  },
);
