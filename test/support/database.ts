import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase } from '../../server/db/database';

export interface TestDatabase<DB> {
  db: Kysely<DB>;
  url: string;
  name: string;
  destroy(): Promise<void>;
}

/**
 * A fresh, fully migrated database of its own (cloned from the run's template).
 * Call once per test file (beforeAll) and destroy in afterAll.
 */
export async function createTestDatabase<DB = any>(options: { max?: number } = {}): Promise<TestDatabase<DB>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- callers pick their schema type
  const { adminUrl, template, prefix } = inject('testDatabase');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = withDatabase(adminUrl, name);
  const db = createDatabase<DB>({ url, max: options.max ?? 10 });
  return {
    db,
    url,
    name,
    async destroy() {
      await db.destroy();
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** An empty database (no migrations) for tests of the migrations themselves. */
export async function createEmptyTestDatabase(): Promise<{ url: string; destroy(): Promise<void> }> {
  const { adminUrl, prefix } = inject('testDatabase');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(adminUrl, name),
    destroy: async () => {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
