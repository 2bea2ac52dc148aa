import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../server/db/embedded-postgres';
import type { Outage } from '../r3-db-outage';

/** Connections cut: every backend of the database is terminated every 50 ms while "down". */
export async function terminatingOutage(url: string): Promise<Outage & { close(): Promise<void> }> {
  const control = new pg.Client({ connectionString: url });
  await control.connect();
  let timer: NodeJS.Timeout | undefined;
  const cut = () => control.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return {
    describe: 'every connection terminated repeatedly (pg_terminate_backend)',
    async down() {
      await cut();
      timer = setInterval(() => void cut().catch(() => undefined), 50);
    },
    async up() {
      clearInterval(timer);
    },
    async activity() {
      const { rows } = await control.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return rows[0].n;
    },
    close: () => control.end(),
  };
}

/** PostgreSQL itself stopped and started again: an embedded server this script owns (never the machine's). */
export async function restartingOutage(dataDir: string, port: number): Promise<Outage & { server(): EmbeddedServer; close(): Promise<void> }> {
  let server = await startEmbeddedPostgres({ dataDir, port });
  const activity = async () => {
    const client = new pg.Client({ connectionString: server.url.replace(/\/postgres$/, '/qt_r3') });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return rows[0].n;
    } finally {
      await client.end();
    }
  };
  return {
    describe: `embedded PostgreSQL on port ${port} stopped and started`,
    down: () => server.stop(),
    async up() {
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    activity,
    server: () => server,
    close: () => server.stop(),
  };
}
