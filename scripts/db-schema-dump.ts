// `npm run db:schema`: migrate a scratch database and write server/db/schema.snapshot.sql.
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrator';
import { dumpSchema } from '../server/db/schema-dump';

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `qt_schema_dump_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = createDatabase<unknown>({ url: url.toString(), max: 2 });
try {
  await migrateToLatest(db);
  writeFileSync('server/db/schema.snapshot.sql', await dumpSchema(db));
  console.log('wrote server/db/schema.snapshot.sql');
} finally {
  await db.destroy();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
