import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../server/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { runCrash } from './r1-crash';

describe('R1 crash (reduced: 1 kill, 4 clients, 16 instances; full: npm run reliability:r1)', () => {
  let t: TestDatabase<ServerDatabase>;
  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
  });
  afterAll(() => t.destroy());

  it('should lose no acknowledged completion, duplicate no effect and leave only explainable states after SIGKILL', async () => {
    // when
    const figure = await runCrash(t.db, t.url, { instances: 16, clients: 4, kills: 1 });
    // then
    console.info(figure.counters);
    expect(figure.counters.kills).toBe(1);
    expect(figure.counters.acknowledgedLost).toBe(0);
    expect(figure.counters.duplicatedCompletions).toBe(0);
    expect(figure.counters.duplicateStarts).toBe(0);
    expect(figure.counters.unexplainedStates).toBe(0);
    expect(figure.counters.instancesDriven).toBe(16);
  }, 600_000);
});
