import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end files start the real API on a fresh database; PGlite needs a few seconds to load.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
