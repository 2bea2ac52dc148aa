import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrator';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../server/db/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string; prefix: string };
  }
}

let embedded: EmbeddedServer | undefined;
let adminUrl = '';
let prefix = '';

/**
 * Migrates one template database per run; every test file clones it (CREATE DATABASE … TEMPLATE),
 * so files run in parallel without seeing each other's rows.
 */
export async function setup(project: TestProject): Promise<void> {
  adminUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: '.data/test-pg', port: 54329 });
    adminUrl = embedded.url;
  }
  prefix = `qt_${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_tpl`;
  await dropStaleDatabases();
  await adminQuery(`CREATE DATABASE "${template}"`);
  const db = createDatabase<unknown>({ url: withDatabase(adminUrl, template), max: 2 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('testDatabase', { adminUrl, template, prefix });
}

export async function teardown(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${prefix}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await embedded?.stop();
}

/** Databases left by a run that was killed (older than an hour) would pile up on a dev machine. */
async function dropStaleDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^qt_[0-9]+_[0-9a-z]+_'`,
    );
    const hourAgo = Date.now() - 3_600_000;
    for (const { datname } of rows) {
      const stamp = parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(stamp) && stamp < hourAgo) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
