import { defineConfig } from 'vitest/config';

// Real Chromium and Firefox, the built extension loaded (see tests/browser/). One file at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
