import { defineConfig } from 'vitest/config';

// Tests share one PostgreSQL server per run (embedded, or DATABASE_URL); each test file gets its own
// fresh database (see test/support/db.ts), so files can run in parallel on two cores.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
