import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSchema } from '../../../server/db/schema-dump';
import { createTestDatabase, type TestDatabase } from '../../support/database';

describe('schema snapshot', () => {
  let t: TestDatabase<unknown>;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.destroy());

  it('should match the checked-in dump (run `npm run db:schema` after changing a migration)', async () => {
    // given
    const checkedIn = readFileSync('server/db/schema.snapshot.sql', 'utf8');

    // when
    const actual = await dumpSchema(t.db);

    // then
    expect(actual).toBe(checkedIn);
  });
});
