import { defineConfig } from 'vitest/config';

// `npm run bench` (after a build): every figure of issue 12 next to its goal, in one run. Files run
// one after another so they do not compete for the CPU. Kept out of `npm test`: numbers are
// reported, never asserted against the clock.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    testTimeout: 300_000,
    fileParallelism: false,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
