import { defineConfig } from 'vitest/config';

// `npm run bench`: one practice run of the disconnected flow, printing counts and ratios.
// Kept out of `npm test`: numbers are reported, never asserted against the clock.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
