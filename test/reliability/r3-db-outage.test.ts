import { describe, expect, it } from 'vitest';
import { useReliabilityApp } from './support/reliability-harness';
import { terminatingOutage } from './support/outages';
import { runDbOutage } from './r3-db-outage';

describe('R3 database outage (reduced: connections cut twice; full with a PostgreSQL restart: npm run reliability:r3)', () => {
  const { t, r } = useReliabilityApp({ max: 10 });

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
