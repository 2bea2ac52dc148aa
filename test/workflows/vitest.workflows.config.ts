import { defineConfig } from 'vitest/config';

/** Runs only the structural workflow tests (no database needed): npx vitest run -c test/workflows/vitest.workflows.config.ts */
export default defineConfig({
  test: { include: ['test/workflows/**/*.test.ts'], pool: 'forks', maxWorkers: 2, testTimeout: 30_000 },
});
