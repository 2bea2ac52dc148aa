import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../server/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { buildReliabilityApp, type ReliabilityApp } from './support/fixture';
import { runBadInput } from './r5-bad-input';

describe('R5 bad input, API part (reduced: 300 inputs; full: npm run reliability:r5)', () => {
  let t: TestDatabase<ServerDatabase>;
  let r: ReliabilityApp;
  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>({ max: 12 });
    r = await buildReliabilityApp(t.db);
  });
  afterAll(async () => {
    await r.app.close();
    await t.destroy();
  });

  it('should answer hostile inputs on every route without 5xx, crash or prototype pollution', async () => {
    // when
    const { figure } = await runBadInput(r, { inputs: 300, seed: 11 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.inputs).toBe(300);
  }, 300_000);
});
