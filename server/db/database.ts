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
}

export function createPool(options: DatabaseOptions): pg.Pool {
  return new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'quy-trinh',
    connectionTimeoutMillis: 5_000,
  });
}

export function createDatabase<DB>(options: DatabaseOptions): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(options) }) });
}
