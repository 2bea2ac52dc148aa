import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../server/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { buildReliabilityApp, type ReliabilityApp } from './support/fixture';
import { terminatingOutage } from './support/outages';
import { runDbOutage } from './r3-db-outage';

describe('R3 database outage (reduced: connections cut twice; full with a PostgreSQL restart: npm run reliability:r3)', () => {
  let t: TestDatabase<ServerDatabase>;
  let r: ReliabilityApp;
  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>({ max: 10 });
    r = await buildReliabilityApp(t.db);
  });
  afterAll(async () => {
    await r.app.close();
    await t.destroy();
  });

  it('should answer 503 while connections are cut, recover without restart, leak no connection and leave no job lock', async () => {
    // given
    const outage = await terminatingOutage(t.url);
    // when
    const figure = await runDbOutage(r, t.db, outage, { clients: 4, cycles: 2, downMs: 1_000, jobs: 10 });
    await outage.close();
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.recoveredCycles).toBe(2);
  }, 240_000);
});
