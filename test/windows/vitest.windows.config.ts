import { defineConfig } from 'vitest/config';

// The Windows JEA harness (README.md): real PowerShell, real WinRM. Never part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/windows/**/*.win.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 10 * 60_000,
    hookTimeout: 60_000,
  },
});
