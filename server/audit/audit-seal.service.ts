import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { GENESIS_HASH, hashAuditRow, type AuditRowForHash } from './audit.service';

/** Transaction-level advisory lock key: one sealer at a time across every server process. */
export const AUDIT_SEAL_LOCK_KEY = 72_620_001;

export interface ChainHead {
  seq: number;
  id: number;
  hash: string;
}

export interface SealResult {
  sealed: number;
  /** false when another process held the sealing lock (it seals instead). */
  acquired: boolean;
  head: ChainHead | null;
}

interface UnsealedRow extends AuditRowForHash {
  id: number;
}

/** The last sealed row of the chain, or null for an empty chain. */
export async function chainHead(db: Kysely<ServerDatabase>): Promise<ChainHead | null> {
  const { rows } = await sql<{ seq: string; id: string; hash: string }>`
    SELECT chain_seq AS seq, id, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`.execute(db);
  return rows[0] ? { seq: Number(rows[0].seq), id: Number(rows[0].id), hash: rows[0].hash } : null;
}

/**
 * Chains committed, unsealed audit rows (id order among those visible) after the current head, one
 * transaction per batch, under a try-lock so concurrent sealers never fork the chain: whoever holds the
 * lock seals; the others return at once. A row whose insert commits late (lower id, later commit) simply
 * gets a later place in the chain — the chain order is chain_seq, not id.
 */
export async function sealAuditLog(db: Kysely<ServerDatabase>, options: { batch?: number; maxBatches?: number } = {}): Promise<SealResult> {
  const batch = options.batch ?? 500;
  let sealed = 0;
  let head: ChainHead | null = null;
  for (let round = 0; round < (options.maxBatches ?? 1_000); round++) {
    const result = await db.transaction().execute(async (tx) => {
      const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK_KEY}) AS ok`.execute(tx);
      if (!lock.rows[0].ok) return null;
      let current = await chainHead(tx);
      const { rows } = await sql<UnsealedRow>`
        SELECT id, at, actor_id, action, resource_type, resource_id, scope, detail
        FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT ${batch}`.execute(tx);
      if (!rows.length) return { count: 0, head: current };
      const values = [];
      let prev = current?.hash ?? GENESIS_HASH;
      let seq = current?.seq ?? 0;
      for (const row of rows) {
        seq += 1;
        const hash = hashAuditRow(prev, { ...row, id: Number(row.id) });
        values.push(sql`(${Number(row.id)}::bigint, ${seq}::bigint, ${prev}, ${hash})`);
        current = { seq, id: Number(row.id), hash };
        prev = hash;
      }
      await sql`UPDATE audit_log a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
        FROM (VALUES ${sql.join(values)}) AS v(id, seq, prev, hash) WHERE a.id = v.id AND a.chain_seq IS NULL`.execute(tx);
      return { count: rows.length, head: current };
    });
    if (!result) return { sealed, acquired: round > 0, head };
    sealed += result.count;
    head = result.head;
    if (result.count < batch) break;
  }
  return { sealed, acquired: true, head };
}
