import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { runSmtpOutage } from './r4-smtp-outage';

describe('R4 SMTP outage (reduced: 16 mails, 1 kill; full: npm run reliability:r4)', () => {
  let t: TestDatabase<unknown>;
  beforeAll(async () => {
    t = await createTestDatabase<unknown>();
  });
  afterAll(() => t.destroy());

  it('should deliver every queued mail after the outage; duplicates only from a kill between send and mark', async () => {
    // when
    const figure = await runSmtpOutage(t.db, t.url, { mails: 16, refuseMs: 2_000, kills: 1 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.lost).toBe(0);
  }, 300_000);
});
