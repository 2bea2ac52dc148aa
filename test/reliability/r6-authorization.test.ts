import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../server/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { buildReliabilityApp, type ReliabilityApp } from './support/fixture';
import { runAuthorization } from './r6-authorization';

describe('R6 authorization (reduced: 2 persons per commune; full: npm run reliability:r6)', () => {
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

  it('should leak no row or medical field, log each denial, refuse fixation, CSRF and expired sessions', async () => {
    // when
    const figure = await runAuthorization(r, t.db, { personsPerCommune: 2 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.forbiddenResponses).toBeGreaterThan(0);
    expect(figure.counters.medicalSeenByReaders).toBeGreaterThan(0);
  }, 300_000);
});
