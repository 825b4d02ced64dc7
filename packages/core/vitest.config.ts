import { defineConfig } from 'vitest/config';

// Property tests scale with FAST_CHECK_RUNS (`test:deep` sets 20000); give them room then.
const deep = Number(process.env.FAST_CHECK_RUNS ?? 0) > 2000;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: deep ? 600_000 : 60_000,
  },
});
