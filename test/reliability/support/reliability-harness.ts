import { afterAll, beforeAll } from 'vitest';
import type { ServerDatabase } from '../../../server/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildReliabilityApp, type ReliabilityApp } from './fixture';

export interface ReliabilityHarness {
  /** the suite's own migrated database */
  t: TestDatabase<ServerDatabase>;
  /** the real app on it (seeded, rate limits lifted) */
  r: ReliabilityApp;
}

/**
 * Registers the suite's beforeAll/afterAll: a test database with a pool of `max` connections and
 * the reliability app on it, closed after the suite. The returned objects are filled before the
 * first test runs (destructure them once: `const { t, r } = useReliabilityApp({ max: 12 })`).
 */
export function useReliabilityApp(options: { max: number }): ReliabilityHarness {
  const t = {} as TestDatabase<ServerDatabase>;
  const r = {} as ReliabilityApp;
  beforeAll(async () => {
    Object.assign(t, await createTestDatabase<ServerDatabase>({ max: options.max }));
    Object.assign(r, await buildReliabilityApp(t.db));
  });
  afterAll(async () => {
    await r.app?.close();
    await t.destroy?.();
  });
  return { t, r };
}
