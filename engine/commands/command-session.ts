import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Db, EngineContext } from '../engine-context';
import type { EngineDatabase } from '../schema/engine-db.types';

/** What the engine needs of a node-postgres pool client (structural: no import of `pg`). */
export interface RawClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(error?: boolean | Error): void;
}

/** A node-postgres Pool (or anything that hands out RawClients). */
export interface RawPool {
  connect(): Promise<RawClient>;
}

/**
 * The transaction of one command. `first(statement)` runs the command's first statement (text with
 * inlined literals, no parameters); `finish(diff)` writes the diff and commits.
 * - caller's `tx`: first and apply are plain statements in it;
 * - kysely connection (no pool): BEGIN, first, then apply + COMMIT in one message (3 round trips);
 * - raw pool client: BEGIN + first in one simple-protocol message, apply + COMMIT in another
 *   (2 round trips); a command whose first query is a kysely one sends BEGIN before it.
 */
export interface CommandSession {
  db: Db;
  first<T>(statement: string): Promise<T[]>;
  finish(diff: Record<string, unknown> | null): Promise<void>;
}

type SessionBody<R> = (session: CommandSession) => Promise<R>;

export async function withCommandSession<R>(ctx: EngineContext, tx: Db | undefined, body: SessionBody<R>): Promise<R> {
  if (tx) return body(callerSession(tx));
  if (ctx.pool) return rawSession(ctx.pool, body);
  return kyselySession(ctx.db, body);
}

function callerSession(tx: Db): CommandSession {
  return {
    db: tx,
    first: async <T>(statement: string) => (await sql.raw<T>(statement).execute(tx)).rows,
    finish: async (diff) => {
      if (diff) await sql`SELECT engine_apply(${JSON.stringify(diff)}::jsonb)`.execute(tx);
    },
  };
}

async function kyselySession<R>(db: Db, body: SessionBody<R>): Promise<R> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn);
    let committed = false;
    try {
      return await body({
        db: conn,
        first: async <T>(statement: string) => (await sql.raw<T>(statement).execute(conn)).rows,
        finish: async (diff) => {
          await sql.raw(applyAndCommit(diff)).execute(conn);
          committed = true;
        },
      });
    } catch (error) {
      if (!committed) await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

interface QueryResult {
  rows: unknown[];
}

/** A kysely instance per pooled client (clients are reused by the pool, so this is built once each). */
const boundDbs = new WeakMap<RawClient, { db: Db; state: { begun: boolean } }>();

function bind(client: RawClient): { db: Db; state: { begun: boolean } } {
  let bound = boundDbs.get(client);
  if (!bound) {
    const state = { begun: false };
    // kysely's queries on this client open the transaction first if `first` has not yet
    const proxy: RawClient = {
      query: async (text, values) => {
        if (!state.begun) {
          state.begun = true;
          await client.query('BEGIN');
        }
        return client.query(text, values);
      },
      release: () => undefined,
    };
    const db = new Kysely<EngineDatabase>({ dialect: new PostgresDialect({ pool: { connect: async () => proxy, end: async () => undefined } as never }) });
    bound = { db, state };
    boundDbs.set(client, bound);
  }
  return bound;
}

async function rawSession<R>(pool: RawPool, body: SessionBody<R>): Promise<R> {
  const client = await pool.connect();
  const { db, state } = bind(client);
  state.begun = false;
  let committed = false;
  let broken = false;
  try {
    return await body({
      db,
      first: async <T>(statement: string) => {
        const prefix = state.begun ? '' : 'BEGIN; ';
        state.begun = true;
        const result = (await client.query(`${prefix}${statement}`)) as QueryResult | QueryResult[];
        return (Array.isArray(result) ? result[result.length - 1].rows : result.rows) as T[];
      },
      finish: async (diff) => {
        const prefix = state.begun ? '' : 'BEGIN; ';
        state.begun = true;
        await client.query(`${prefix}${applyAndCommit(diff)}`);
        committed = true;
      },
    });
  } catch (error) {
    if (!committed && state.begun) await client.query('ROLLBACK').catch(() => { broken = true; });
    throw error;
  } finally {
    client.release(broken);
  }
}

function applyAndCommit(diff: Record<string, unknown> | null): string {
  return diff ? `SELECT engine_apply(${dollarQuoted(JSON.stringify(diff))}::jsonb); COMMIT` : 'COMMIT';
}

/** A PostgreSQL dollar-quoted literal with a tag that cannot occur in the text. */
function dollarQuoted(text: string): string {
  let tag = 'e';
  while (text.includes(`$${tag}$`)) tag += Math.random().toString(36).slice(2, 6).replace(/[0-9]/g, 'x');
  return `$${tag}$${text}$${tag}$`;
}

/** A SQL string literal (standard_conforming_strings; backslashes via E''), for `first` statements. */
export function literal(text: string): string {
  if (text.includes('\u0000')) throw new Error('NUL in a SQL literal');
  const quoted = text.replace(/'/g, "''");
  return text.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}
