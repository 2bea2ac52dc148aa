import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrator';
import type { ServerDatabase } from '../../../server/db/schema';

/** A fresh migrated database for a reliability script (the vitest versions use createTestDatabase). */
export interface ScriptDatabase {
  db: Kysely<ServerDatabase>;
  url: string;
  name: string;
  destroy(): Promise<void>;
}

/** The PostgreSQL a script creates its own database on: RELIABILITY_DATABASE_URL, else TEST_DATABASE_URL, else local 5432. */
export function adminUrl(): string {
  return process.env.RELIABILITY_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createScriptDatabase(options: { admin?: string; max?: number } = {}): Promise<ScriptDatabase> {
  const admin = options.admin ?? adminUrl();
  const name = `qt_rel_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  const url = withDatabase(admin, name);
  const db = createDatabase<ServerDatabase>({ url, max: options.max ?? 20 });
  await migrateToLatest(db as Kysely<unknown>);
  return {
    db,
    url,
    name,
    async destroy() {
      await db.destroy();
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
