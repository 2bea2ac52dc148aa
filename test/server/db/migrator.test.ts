import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDatabase } from '../../../server/db/database';
import { migrateToLatest, migrateToNone } from '../../../server/db/migrator';
import { allMigrations } from '../../../server/db/migrations/index';
import { createEmptyTestDatabase } from '../../support/database';

describe('migrations', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('should migrate an empty database up, all the way down, and up again', async () => {
    // given
    const target = await createEmptyTestDatabase();
    cleanups.push(target.destroy);
    const db = createDatabase<unknown>({ url: target.url, max: 2 });
    cleanups.push(() => db.destroy());
    const tableCount = async () =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'`.execute(db)
      ).rows[0].n;

    // when
    const first = await migrateToLatest(db);
    const tablesAfterUp = await tableCount();
    await migrateToNone(db);
    const tablesAfterDown = await tableCount();
    await migrateToLatest(db);

    // then
    expect(first.results?.map((r) => r.migrationName)).toEqual(Object.keys(allMigrations()).sort());
    expect(tablesAfterUp).toBeGreaterThan(0);
    expect(tablesAfterDown).toBe(0);
    expect(await tableCount()).toBe(tablesAfterUp);
  });

  it('should number every migration with a four-digit prefix', () => {
    for (const name of Object.keys(allMigrations())) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });
});
