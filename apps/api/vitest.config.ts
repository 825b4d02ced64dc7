import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The hardening suite has its own command (npm run test:hardening, vitest.hardening.config.ts).
    exclude: ['test/hardening/**', '**/node_modules/**'],
    // Every file starts its own database and server; PGlite needs a few seconds to load.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
