import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import type { AuditAnchor } from './audit-anchor';
import { GENESIS_HASH, hashAuditRow } from './audit.service';

export interface ChainVerdict {
  /** The sealed chain is intact, every anchor matches it, and no row waits for its seal too long. */
  ok: boolean;
  /** Sealed rows walked. */
  rows: number;
  head?: { seq: number; id: number; hash: string };
  firstBad?: { id: number; seq: number; reason: 'prev_hash' | 'hash' | 'seq_gap'; expected: string; actual: string };
  /** Rows not chained yet; normal for a second or two after their commit. */
  unsealed: number;
  /** Unsealed rows older than `unsealedGraceSeconds`: the sealer is not running, or rows were slipped in. */
  unsealedOverdue: number;
  anchors?: { checked: number; firstBad?: { seq: number; reason: 'truncated' | 'rewritten'; expected: string; actual: string | null; anchoredAt: string } };
}

export interface VerifyOptions {
  batch?: number;
  /** Unsealed rows logged longer ago than this count as overdue (default 60 s). */
  unsealedGraceSeconds?: number;
  /** Chain heads written outside the database earlier (audit-anchor.ts): each must still be in the chain. */
  anchors?: AuditAnchor[];
}

/**
 * Recomputes the sealed chain in chain_seq order and reports the first row that does not match
 * (edited content, edited hash, deleted or inserted row). Tail truncation and a rewrite that recomputes
 * every later hash leave a self-consistent chain: only anchors kept outside the database reveal them.
 */
export async function verifyAuditChain(db: Kysely<ServerDatabase>, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const batch = options.batch ?? 1000;
  const wanted = new Map<number, AuditAnchor>();
  for (const anchor of options.anchors ?? []) wanted.set(anchor.seq, anchor);
  const seen = new Map<number, string>();
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  let count = 0;
  let head: ChainVerdict['head'];
  let firstBad: ChainVerdict['firstBad'];
  walk: for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_seq', '>', String(afterSeq))
      .orderBy('chain_seq')
      .limit(batch)
      .execute();
    if (!rows.length) break;
    for (const row of rows) {
      count++;
      const seq = Number(row.chain_seq);
      const id = Number(row.id);
      if (row.prev_hash !== prev) {
        firstBad = { id, seq, reason: 'prev_hash', expected: prev, actual: String(row.prev_hash) };
        break walk;
      }
      const expected = hashAuditRow(prev, { ...row, id });
      if (expected !== row.hash) {
        firstBad = { id, seq, reason: 'hash', expected, actual: String(row.hash) };
        break walk;
      }
      // Links intact but a place in the chain skipped or renumbered.
      if (seq !== afterSeq + 1) {
        firstBad = { id, seq, reason: 'seq_gap', expected: String(afterSeq + 1), actual: String(seq) };
        break walk;
      }
      if (wanted.has(seq)) seen.set(seq, expected);
      prev = expected;
      afterSeq = seq;
      head = { seq, id, hash: expected };
    }
  }
  const grace = options.unsealedGraceSeconds ?? 60;
  const { rows: waiting } = await sql<{ unsealed: number; overdue: number }>`
    SELECT count(*)::int AS unsealed, count(*) FILTER (WHERE logged_at < now() - make_interval(secs => ${grace}))::int AS overdue
    FROM audit_log WHERE chain_seq IS NULL`.execute(db);
  const verdict: ChainVerdict = { ok: !firstBad, rows: count, unsealed: waiting[0].unsealed, unsealedOverdue: waiting[0].overdue };
  if (head) verdict.head = head;
  if (firstBad) verdict.firstBad = firstBad;
  if (verdict.unsealedOverdue > 0) verdict.ok = false;
  if (options.anchors) {
    verdict.anchors = { checked: options.anchors.length };
    for (const anchor of [...options.anchors].sort((a, b) => a.seq - b.seq)) {
      const actual = seen.get(anchor.seq) ?? null;
      if (actual === anchor.hash) continue;
      // Past the end of an intact chain: rows were cut off. Inside it with another hash: rewritten.
      const truncated = !firstBad && anchor.seq > (head?.seq ?? 0);
      verdict.anchors.firstBad = { seq: anchor.seq, reason: truncated ? 'truncated' : 'rewritten', expected: anchor.hash, actual, anchoredAt: anchor.at };
      verdict.ok = false;
      break;
    }
  }
  return verdict;
}
