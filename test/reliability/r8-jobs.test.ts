import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { runJobs } from './r8-jobs';

describe('R8 jobs (reduced: 1 kill, 24 jobs; full: npm run reliability:r8)', () => {
  let t: TestDatabase<unknown>;
  beforeAll(async () => {
    t = await createTestDatabase<unknown>();
  });
  afterAll(() => t.destroy());

  it('should apply each job’s effect once after a worker dies holding leases', async () => {
    // when
    const figure = await runJobs(t.db, t.url, { rounds: 1, jobsPerRound: 24, lockMs: 1_500 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.leasesHeldByDead).toBeGreaterThan(0);
  }, 240_000);
});
