import { defineConfig } from 'vitest/config';

// The hardening suite (test/hardening): tenancy sweep, auth abuse, fuzzing, crash safety, races,
// Slack verification and rate-limit bypasses. Sizes come from HARDENING_* variables
// (test/hardening/support/sizes.ts); HARDENING_DEEP=1 runs the long version.
export default defineConfig({
  test: {
    include: ['test/hardening/**/*.test.ts'],
    // Files start real servers and child API processes; two at a time keeps a 2-core CI runner
    // responsive enough for the time-sensitive parts (kill -9 during a burst, races).
    maxWorkers: Number(process.env.HARDENING_WORKERS ?? 2),
    // Deep runs (HARDENING_DEEP=1 or large HARDENING_* sizes) send tens of thousands of requests.
    testTimeout: process.env.HARDENING_DEEP === '1' ? 3_600_000 : 480_000,
    hookTimeout: 240_000,
    // Each part prints what it tried; keep that output visible.
    silent: false,
  },
});
