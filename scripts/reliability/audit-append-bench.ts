/**
 * `npx tsx scripts/reliability/audit-append-bench.ts -- --clients=16 --seconds=10`: what the audit chain
 * costs a command. Each client runs command-shaped transactions (lock its own row, write an effect row,
 * append one audit row, write once more, commit) for N seconds with
 *   locked — the former append: pg_advisory_xact_lock, read the head, hash, insert (held until commit);
 *   sealed — the current append (one INSERT) with the server's sealer chaining rows every second.
 * Prints transactions/s and latency p50/p95/p99 for each, the sealer's largest backlog and the chain
 * verdict; exits 1 when the sealed chain does not verify or lags more than 10 s. Timing, not a test.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendAudit, GENESIS_HASH, hashAuditRow, type AuditEntry } from '../../server/audit/audit.service';
import { sealAuditLog } from '../../server/audit/audit-seal.service';
import { verifyAuditChain } from '../../server/audit/audit-verify.service';
import type { ServerDatabase } from '../../server/db/schema';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';

type Db = Kysely<ServerDatabase>;

/** The append as it was before migration 0060: one global lock per command, held to commit. */
async function lockedAppend(db: Db, entry: AuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(72620099)`.execute(db);
  const last = await sql<{ hash: string }>`SELECT hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1`.execute(db);
  const { rows } = await sql<{ id: string }>`SELECT nextval('audit_log_id_seq') AS id`.execute(db);
  const prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const row = { id: Number(rows[0].id), at: entry.at, actor_id: null, action: entry.action, resource_type: entry.resourceType ?? null, resource_id: entry.resourceId ?? null, scope: null, detail: entry.detail ?? {} };
  await sql`INSERT INTO audit_log (id, at, action, resource_type, resource_id, detail, prev_hash, hash)
    VALUES (${row.id}, ${row.at}, ${row.action}, ${row.resource_type}, ${row.resource_id}, ${JSON.stringify(row.detail)}::jsonb, ${prev}, ${hashAuditRow(prev, row)})`.execute(db);
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);
const round = (n: number) => Math.round(n * 100) / 100;

async function drive(db: Db, clients: number, seconds: number, append: (tx: Db, entry: AuditEntry) => Promise<unknown>): Promise<{ tps: number; p50: number; p95: number; p99: number; n: number }> {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; Date.now() < until; i++) {
      const t0 = performance.now();
      await db.transaction().execute(async (tx) => {
        await sql`SELECT n FROM bench_counter WHERE id = ${c} FOR UPDATE`.execute(tx);
        await sql`UPDATE bench_counter SET n = n + 1 WHERE id = ${c}`.execute(tx);
        await append(tx, { at: new Date(), actorId: null, action: 'bench.command', resourceType: 'Task', resourceId: `${c}-${i}`, detail: { c, i, digest: createHash('sha1').update(`${c}${i}`).digest('hex') } });
        await sql`INSERT INTO bench_effect (client, i) VALUES (${c}, ${i})`.execute(tx);
      });
      latencies.push(performance.now() - t0);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { tps: round(latencies.length / seconds), p50: round(pct(latencies, 50)), p95: round(pct(latencies, 95)), p99: round(pct(latencies, 99)), n: latencies.length };
}

runScript(async () => {
  const clients = intArg('clients', 16);
  const seconds = intArg('seconds', 10);
  const t = await createScriptDatabase({ max: clients + 4 });
  try {
    await sql`CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0)`.execute(t.db);
    await sql`CREATE TABLE bench_effect (client int NOT NULL, i int NOT NULL)`.execute(t.db);
    await sql`INSERT INTO bench_counter (id) SELECT generate_series(0, ${clients - 1})`.execute(t.db);
    const locked = await drive(t.db, clients, seconds, lockedAppend);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.db);
    await sql`DELETE FROM audit_log`.execute(t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.db);
    // the sealer as `npm start` runs it (every AUDIT_SEAL_INTERVAL_MS = 1 s), sampling the backlog
    let maxBacklog = 0;
    let sealing = true;
    const sealer = (async () => {
      while (sealing) {
        await new Promise((r) => setTimeout(r, 1000));
        const backlog = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL`.execute(t.db)).rows[0].n;
        maxBacklog = Math.max(maxBacklog, backlog);
        await sealAuditLog(t.db);
      }
    })();
    const sealed = await drive(t.db, clients, seconds, appendAudit);
    sealing = false;
    await sealer;
    const t0 = performance.now();
    const tail = await sealAuditLog(t.db);
    const tailMs = performance.now() - t0;
    const verdict = await verifyAuditChain(t.db, { unsealedGraceSeconds: 10 });
    const violations: string[] = [];
    if (!verdict.ok) violations.push(`sealed chain does not verify: ${JSON.stringify(verdict)}`);
    if (verdict.rows !== sealed.n) violations.push(`${sealed.n} commands, ${verdict.rows} sealed rows`);
    return {
      name: 'Audit append cost',
      scale: `${clients} clients × ${seconds} s per variant, command-shaped transactions`,
      counters: {
        lockedTps: locked.tps, lockedP50Ms: locked.p50, lockedP95Ms: locked.p95, lockedP99Ms: locked.p99,
        sealedTps: sealed.tps, sealedP50Ms: sealed.p50, sealedP95Ms: sealed.p95, sealedP99Ms: sealed.p99,
        sealerMaxBacklogRows: maxBacklog, finalSealRows: tail.sealed, finalSealMs: round(tailMs), chainRows: verdict.rows,
      },
      violations,
    };
  } finally {
    await t.destroy();
  }
});
