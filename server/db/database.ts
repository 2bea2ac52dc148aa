import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

// int8 (bigint, count(*)) as JS number: our counts and ids stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric as number; keep `date` as 'YYYY-MM-DD' string so no timezone shifts a legal date.
pg.types.setTypeParser(1700, (value) => Number(value));
pg.types.setTypeParser(1082, (value) => value);

export interface DatabaseOptions {
  url: string;
  max?: number;
  applicationName?: string;
  /** how long a query may wait for a free or new connection (default 5 s; benchmarks on a loaded machine wait longer) */
  connectionTimeoutMs?: number;
  onIdleError?: (error: Error) => void;
}

export function createPool(options: DatabaseOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'quy-trinh',
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
  });
  // An idle client whose server went away (restart, Ctrl-C, network cut) must not crash the
  // process: the pool drops it and the next query reconnects or fails with a clean 503.
  pool.on('error', (error) => options.onIdleError?.(error));
  // A client checked out (e.g. inside a transaction, between two statements) has no pool listener:
  // without one, its 'error' on a cut connection is an uncaught exception that kills the process.
  // The failed query still rejects (→ 503); the pool discards the broken client on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onIdleError?.(error));
  });
  return pool;
}

/** The node-postgres pool behind each database made here (kysely does not expose its dialect's pool). */
const pools = new WeakMap<object, pg.Pool>();

export function createDatabase<DB>(options: DatabaseOptions): Kysely<DB> {
  const pool = createPool(options);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/**
 * The pool of a database made by `createDatabase` (undefined for others, e.g. tests' own kysely):
 * the engine sends a command outside a caller's transaction on a raw client of it in 2 round trips.
 */
export function poolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}
