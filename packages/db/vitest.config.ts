import { defineConfig } from 'vitest/config';

const deep = Number(process.env.FAST_CHECK_RUNS ?? 0) > 2000;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file opens its own database (PGlite loads a migrated dump; PostgreSQL creates one).
    testTimeout: deep ? 900_000 : 60_000,
    hookTimeout: 60_000,
  },
});
