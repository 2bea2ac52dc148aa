import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { allMigrations } from './migrations/index';

export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations() },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `migration ${failed?.migrationName ?? '?'} failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`,
    );
  }
  return result;
}

export async function migrateDown(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => allMigrations() } });
  return migrator.migrateDown();
}

export async function migrateToNone(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => allMigrations() } });
  const { NO_MIGRATIONS } = await import('kysely');
  const result = await migrator.migrateTo(NO_MIGRATIONS);
  if (result.error) throw result.error;
}
