// `npm run audit:verify`: recomputes the audit log hash chain; exits 1 and prints the first bad row.
// Uses DATABASE_URL, else the embedded PostgreSQL of `npm start` (running, or started here).
import path from 'node:path';
import { sql } from 'kysely';
import { verifyAuditChain } from '../server/audit/audit.service';
import { loadConfig } from '../server/config/config';
import { createDatabase } from '../server/db/database';
import { startEmbeddedPostgres, type EmbeddedServer } from '../server/db/embedded-postgres';
import type { ServerDatabase } from '../server/db/schema';

const config = loadConfig();
let embedded: EmbeddedServer | undefined;
let exitCode = 0;
let url = config.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/postgres`;
let db = createDatabase<ServerDatabase>({ url, max: 2 });
try {
  if (!config.databaseUrl) {
    const reachable = await sql`SELECT 1`.execute(db).then(() => true, () => false);
    if (!reachable) {
      await db.destroy();
      embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPostgresPort });
      url = embedded.url;
      db = createDatabase<ServerDatabase>({ url, max: 2 });
    }
  }
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    console.log(`audit log OK: ${verdict.rows} rows, chain intact`);
  } else {
    const bad = verdict.firstBad!;
    const row = await db.selectFrom('audit_log').selectAll().where('id', '=', bad.id).executeTakeFirst();
    console.error(`audit log BROKEN at row ${bad.id} (${bad.reason} mismatch): expected ${bad.expected}, found ${bad.actual}`);
    console.error(JSON.stringify(row, null, 2));
    exitCode = 1;
  }
} catch (error) {
  console.error(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 2;
} finally {
  await db.destroy();
  await embedded?.stop();
}
process.exit(exitCode);
