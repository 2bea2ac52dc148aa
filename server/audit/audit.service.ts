import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

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
 * Inserts one audit row, unchained: one plain INSERT, no lock, so commands on different instances
 * never queue behind each other for the audit log. The sealer (audit-seal.service.ts) chains it
 * shortly after commit. Call it inside the command's transaction so the row commits (or rolls back)
 * with the change; outside a transaction it is its own statement.
 */
export async function appendAudit(db: Kysely<ServerDatabase>, entry: AuditEntry): Promise<number> {
  const detail = JSON.stringify(entry.detail ?? {});
  const { rows } = await sql<{ id: string }>`
    INSERT INTO audit_log (at, actor_id, action, resource_type, resource_id, scope, detail)
    VALUES (${entry.at}, ${entry.actorId}, ${entry.action}, ${entry.resourceType ?? null}, ${entry.resourceId ?? null}, ${entry.scope ?? null}, ${detail}::jsonb)
    RETURNING id`.execute(db);
  return Number(rows[0].id);
}
