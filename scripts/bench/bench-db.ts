import pg from 'pg';

/** Loopback PostgreSQL server the bench databases live on. */
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `BENCH_DATABASE_URL`, else `qt_bench` on the admin server. */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? withDatabase(ADMIN_URL, 'qt_bench');
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url).replace(/"/g, '');
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}"`);
}

export async function dropDatabase(url: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${databaseName(url).replace(/"/g, '')}" WITH (FORCE)`);
}

/** Parses `--name value` / `--name=value` flags. */
export function flag(name: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return fallback;
}

/**
 * Steady state before a load: the deadline scan of a running system has already notified every open
 * task that is overdue or due within a day. A freshly seeded database has ~45 000 such tasks, and
 * each server start would work off 1 000 of them (a transaction and mails per task) while the first
 * endpoint is measured — the scan's CPU would be charged to that endpoint.
 */
export async function settleDeadlineNotifications(client: pg.Client): Promise<number> {
  const result = await client.query(`
    INSERT INTO task_notification (task_id, kind, at)
    SELECT t.id::text, k.kind, now() FROM task t
    CROSS JOIN (VALUES ('overdue'), ('deadline_near')) AS k(kind)
    WHERE t.state = 'created' AND t.due_at < now() + interval '2 days'
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}
