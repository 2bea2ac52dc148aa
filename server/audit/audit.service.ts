import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);
/** Transaction-level advisory lock serialising appends, so the chain never forks. */
const AUDIT_LOCK_KEY = 72_620_001;

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  scope?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRowForHash {
  id: number;
  at: Date;
  actor_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  scope: string | null;
  detail: unknown;
}

/** sha256 over the previous hash and the canonical JSON of the row (without its own hashes). */
export function hashAuditRow(prevHash: string, row: AuditRowForHash): string {
  const body = canonicalJson({
    id: Number(row.id),
    at: row.at.toISOString(),
    actor_id: row.actor_id,
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    scope: row.scope,
    detail: row.detail ?? {},
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one row to the hash chain. Call it inside the command's transaction so the audit row
 * commits (or rolls back) with the change; outside a transaction it opens its own.
 */
export async function appendAudit(db: Kysely<ServerDatabase>, entry: AuditEntry): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((tx) => appendAudit(tx, entry));
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(db);
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const { rows } = await sql<{ id: number }>`SELECT nextval('audit_log_id_seq')::int AS id`.execute(db);
  const detail = JSON.parse(JSON.stringify(entry.detail ?? {})) as unknown;
  const row: AuditRowForHash = {
    id: rows[0].id,
    at: entry.at,
    actor_id: entry.actorId,
    action: entry.action,
    resource_type: entry.resourceType ?? null,
    resource_id: entry.resourceId ?? null,
    scope: entry.scope ?? null,
    detail,
  };
  const hash = hashAuditRow(prevHash, row);
  await db
    .insertInto('audit_log')
    .values({ ...row, detail: JSON.stringify(detail), prev_hash: prevHash, hash })
    .execute();
  return row.id;
}

export interface ChainVerdict {
  ok: boolean;
  rows: number;
  firstBad?: { id: number; reason: 'prev_hash' | 'hash'; expected: string; actual: string };
}

/** Recomputes the whole chain in id order; reports the first row that does not match. */
export async function verifyAuditChain(db: Kysely<ServerDatabase>, batch = 1000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (!rows.length) return { ok: true, rows: count };
    for (const row of rows) {
      count++;
      if (row.prev_hash !== prev) {
        return { ok: false, rows: count, firstBad: { id: Number(row.id), reason: 'prev_hash', expected: prev, actual: row.prev_hash } };
      }
      const expected = hashAuditRow(prev, { ...row, id: Number(row.id) });
      if (expected !== row.hash) {
        return { ok: false, rows: count, firstBad: { id: Number(row.id), reason: 'hash', expected, actual: row.hash } };
      }
      prev = row.hash;
      afterId = Number(row.id);
    }
  }
}
