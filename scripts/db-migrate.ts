// `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded server).
import path from 'node:path';
import { loadConfig } from '../server/config/config';
import { createDatabase } from '../server/db/database';
import { startEmbeddedPostgres } from '../server/db/embedded-postgres';
import { migrateToLatest } from '../server/db/migrator';

const config = loadConfig();
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPostgresPort });
const db = createDatabase<unknown>({ url: config.databaseUrl ?? embedded!.url, max: 2 });
try {
  const result = await migrateToLatest(db);
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} catch (error) {
  console.error(`quy-trinh: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
  await embedded?.stop();
}
