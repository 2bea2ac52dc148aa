/**
 * R1: `npm run reliability:r1 -- --instances=2000 --clients=32 --kills=5 [--pg-restarts=2]` — with
 * --pg-restarts the run uses an embedded PostgreSQL this script owns (.data/reliability-pg-r1, port
 * 54392) and stops/starts it mid-run; prints the figure last, exit 1 when broken.
 */
import type { Kysely } from 'kysely';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrator';
import type { ServerDatabase } from '../../server/db/schema';
import { restartingOutage } from '../../test/reliability/support/outages';
import { adminQuery, createScriptDatabase, withDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runCrash } from '../../test/reliability/r1-crash';

const options = { instances: intArg('instances', 2000), clients: intArg('clients', 32), kills: intArg('kills', 5) };
const pgRestarts = process.argv.some((a) => a.startsWith('--pg-restarts=')) ? intArg('pg-restarts', 1) : 0;

runScript(async () => {
  if (!pgRestarts) {
    const t = await createScriptDatabase({ max: 10 });
    try {
      return await runCrash(t.db, t.url, options);
    } finally {
      await t.destroy();
    }
  }
  const pgServer = await restartingOutage('.data/reliability-pg-r1', intArg('pg-port', 54392));
  const admin = pgServer.server().url;
  await adminQuery(admin, 'DROP DATABASE IF EXISTS qt_r1 WITH (FORCE)');
  await adminQuery(admin, 'CREATE DATABASE qt_r1');
  const url = withDatabase(admin, 'qt_r1');
  const db = createDatabase<ServerDatabase>({ url, max: 6, onIdleError: () => undefined });
  try {
    await migrateToLatest(db as Kysely<unknown>);
    return await runCrash(db, url, { ...options, postgres: { stop: () => pgServer.down(), start: () => pgServer.up() }, pgRestarts });
  } finally {
    await db.destroy();
    await pgServer.close();
  }
});
