import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import { appendAudit, hashAuditRow, GENESIS_HASH } from '../../server/audit/audit.service';
import { appendAnchor, readAnchors } from '../../server/audit/audit-anchor';
import { chainHead, sealAuditLog } from '../../server/audit/audit-seal.service';
import { verifyAuditChain } from '../../server/audit/audit-verify.service';
import { testSeed } from '../server/fixtures/identity.fixture';
import type { ReliabilityApp } from './support/fixture';
import type { Figure } from './support/report';

type Db = Kysely<ServerDatabase>;
interface Row { id: number; chain_seq: number; at: Date; actor_id: string | null; action: string; resource_type: string | null; resource_id: string | null; scope: string | null; detail: unknown; prev_hash: string; hash: string; logged_at: Date }
type Tamper = (db: Db, seq: number, rows: Row[]) => Promise<void>;
const bySeq = (rows: Row[], seq: number) => rows.find((r) => r.chain_seq === seq);
const forgedRow = (id: number) => ({ id, at: new Date(), actor_id: null, action: 'person.read', resource_type: 'Person', resource_id: 'forged', scope: '/99/', detail: {} });

/** What an attacker with table-owner rights (triggers disabled) does to the sealed chain; `seq` is a chain position. */
const tampers: Record<string, Tamper> = {
  'update detail': async (db, seq) => void (await sql`UPDATE audit_log SET detail = '{"forged": true}'::jsonb WHERE chain_seq = ${seq}`.execute(db)),
  'update action': async (db, seq) => void (await sql`UPDATE audit_log SET action = 'person.search' WHERE chain_seq = ${seq}`.execute(db)),
  'update actor': async (db, seq) => void (await sql`UPDATE audit_log SET actor_id = CASE WHEN actor_id IS NULL THEN (SELECT id FROM app_user ORDER BY username LIMIT 1) END WHERE chain_seq = ${seq}`.execute(db)),
  'update time': async (db, seq) => void (await sql`UPDATE audit_log SET at = at + interval '1 second' WHERE chain_seq = ${seq}`.execute(db)),
  'update resource': async (db, seq) => void (await sql`UPDATE audit_log SET resource_id = 'other' WHERE chain_seq = ${seq}`.execute(db)),
  'update scope': async (db, seq) => void (await sql`UPDATE audit_log SET scope = '/98/' WHERE chain_seq = ${seq}`.execute(db)),
  'update row and its own hash': async (db, seq, rows) => {
    const row = bySeq(rows, seq)!;
    await sql`UPDATE audit_log SET detail = '{"forged": true}'::jsonb, hash = ${hashAuditRow(row.prev_hash, { ...row, detail: { forged: true } })} WHERE chain_seq = ${seq}`.execute(db);
  },
  'delete a row': async (db, seq) => void (await sql`DELETE FROM audit_log WHERE chain_seq = ${seq}`.execute(db)),
  'reorder: swap two rows’ contents': async (db, seq) => {
    await sql`UPDATE audit_log a SET action = b.action, detail = b.detail, resource_id = b.resource_id, actor_id = b.actor_id, at = b.at
      FROM audit_log b WHERE (a.chain_seq, b.chain_seq) IN ((${seq}::bigint, ${seq + 1}::bigint), (${seq + 1}::bigint, ${seq}::bigint))`.execute(db);
  },
  'reorder: swap two rows’ ids': async (db, seq) => {
    await sql`UPDATE audit_log SET id = -id WHERE chain_seq IN (${seq}, ${seq + 1})`.execute(db);
    await sql`UPDATE audit_log a SET id = -b.id FROM audit_log b WHERE (a.chain_seq, b.chain_seq) IN ((${seq}::bigint, ${seq + 1}::bigint), (${seq + 1}::bigint, ${seq}::bigint))`.execute(db);
  },
  'reorder: swap two rows’ chain positions': async (db, seq) => {
    await sql`UPDATE audit_log SET chain_seq = -chain_seq WHERE chain_seq IN (${seq}, ${seq + 1})`.execute(db);
    await sql`UPDATE audit_log SET chain_seq = CASE WHEN chain_seq = ${-seq}::bigint THEN ${seq + 1}::bigint ELSE ${seq}::bigint END WHERE chain_seq IN (${-seq}::bigint, ${-(seq + 1)}::bigint)`.execute(db);
  },
  'insert a row in the middle (positions shifted)': async (db, seq, rows) => {
    const prev = bySeq(rows, seq - 1)?.hash ?? GENESIS_HASH;
    await sql`UPDATE audit_log SET chain_seq = -(chain_seq + 1) WHERE chain_seq >= ${seq}`.execute(db);
    await sql`UPDATE audit_log SET chain_seq = -chain_seq WHERE chain_seq < 0`.execute(db);
    const forged = forgedRow(1_000_000 + seq);
    await sql`INSERT INTO audit_log (id, chain_seq, at, actor_id, action, resource_type, resource_id, scope, detail, prev_hash, hash)
      VALUES (${forged.id}, ${seq}, ${forged.at}, NULL, 'person.read', 'Person', 'forged', '/99/', '{}'::jsonb, ${prev}, ${hashAuditRow(prev, forged)})`.execute(db);
  },
  'append a row with a wrong link': async (db, _seq, rows) => {
    const last = rows[rows.length - 1];
    const forged = forgedRow(1_000_000 + last.chain_seq);
    await sql`INSERT INTO audit_log (id, chain_seq, at, actor_id, action, resource_type, resource_id, scope, detail, prev_hash, hash)
      VALUES (${forged.id}, ${last.chain_seq + 1}, ${forged.at}, NULL, 'person.read', 'Person', 'forged', '/99/', '{}'::jsonb, ${GENESIS_HASH}, ${hashAuditRow(GENESIS_HASH, forged)})`.execute(db);
  },
};

/** Tampering a keyless hash chain cannot detect on its own: the anchors kept outside the database must. */
const anchorOnly: Record<string, Tamper> = {
  'delete the newest rows (truncate the tail)': async (db, seq) => void (await sql`DELETE FROM audit_log WHERE chain_seq >= ${seq}`.execute(db)),
  'rewrite a row and recompute every later hash': async (db, seq, rows) => {
    let prev = bySeq(rows, seq - 1)?.hash ?? GENESIS_HASH;
    for (const row of rows.filter((r) => r.chain_seq >= seq)) {
      const changed = row.chain_seq === seq ? { ...row, detail: { forged: true } } : row;
      const hash = hashAuditRow(prev, changed);
      await sql`UPDATE audit_log SET detail = ${JSON.stringify(changed.detail)}::jsonb, prev_hash = ${prev}, hash = ${hash} WHERE chain_seq = ${row.chain_seq}`.execute(db);
      prev = hash;
    }
  },
};

async function restore(db: Db, rows: Row[]): Promise<void> {
  await sql`DELETE FROM audit_log`.execute(db);
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('audit_log').values(rows.slice(i, i + 500).map((r) => ({ ...r, chain_seq: String(r.chain_seq), detail: JSON.stringify(r.detail ?? {}) }))).execute();
  }
}

export interface AuditOptions {
  rows: number;
  positionsPerKind: number;
  reads: number;
}

/**
 * R7: (a) every read of a person record through the API leaves its audit row — reads by several users
 * at once, counted against the 200 responses; (b) every kind of tampering with the sealed chain is detected
 * by verifyAuditChain, at several positions; tail truncation and a full recomputation, which a keyless chain
 * cannot see on its own, are detected against the chain head anchored to a file outside the database.
 */
export async function runAudit(r: ReliabilityApp, db: Db, options: AuditOptions): Promise<Figure> {
  const violations: string[] = [];
  const counters: Record<string, number> = {};
  // (a) person reads
  const readers = ['ca.xa1', 'ca.xa1.truong', 'lanhdao.tinh', 'kiemtra.tinh', 'admin', 'ca.xa2'];
  const sessions = await Promise.all(readers.map((u) => r.login(u)));
  const persons = testSeed.persons!.map((p) => p.id);
  const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.read'`.execute(db);
  const deniedBefore = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'`.execute(db);
  let ok = 0;
  let denied = 0;
  for (let i = 0; i < options.reads; i += 12) {
    const batch = Array.from({ length: Math.min(12, options.reads - i) }, (_, k) => {
      const n = i + k;
      const url = `/api/persons/${persons[n % persons.length]}${n % 3 === 0 ? '/timeline' : ''}`;
      return r.app.inject({ method: 'GET', url, headers: sessions[n % sessions.length].headers });
    });
    for (const response of await Promise.all(batch)) {
      if (response.statusCode === 200) ok += 1;
      else if (response.statusCode === 403 || response.statusCode === 404) denied += 1;
      else violations.push(`person read answered ${response.statusCode}`);
    }
  }
  const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.read'`.execute(db);
  const deniedAfter = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'`.execute(db);
  counters.personReads200 = ok;
  counters.personReadAuditRows = after.rows[0].n - before.rows[0].n;
  counters.personReadsMissingFromAudit = Math.max(0, ok - counters.personReadAuditRows);
  counters.deniedReads = denied;
  counters.deniedReadsNotLogged = Math.max(0, denied - (deniedAfter.rows[0].n - deniedBefore.rows[0].n));
  if (counters.personReadAuditRows !== ok) violations.push(`${ok} person reads answered 200, ${counters.personReadAuditRows} person.read audit rows`);
  if (counters.deniedReadsNotLogged) violations.push(`${counters.deniedReadsNotLogged} denied reads without access.denied row`);

  // (b) tampering: grow the chain, seal it, anchor its head outside the database, tamper, verify, restore
  const at = new Date('2026-03-02T01:00:00Z');
  const existing = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(db)).rows[0].n;
  for (let i = existing; i < options.rows; i += 1) {
    await appendAudit(db, { at, actorId: null, action: 'test.append', resourceType: 'Person', resourceId: String(i), scope: '/99/', detail: { i, name: 'Nguyễn Văn Hùng' } });
  }
  await sealAuditLog(db);
  const dir = await mkdtemp(path.join(tmpdir(), 'qt-r7-'));
  const anchorFile = path.join(dir, 'anchors.jsonl');
  await appendAnchor(anchorFile, (await chainHead(db))!, new Date());
  const anchors = await readAnchors(anchorFile);
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute()).map((r) => ({ ...r, id: Number(r.id), chain_seq: Number(r.chain_seq) })) as unknown as Row[];
  const intact = await verifyAuditChain(db, { anchors });
  if (!intact.ok) violations.push(`chain not intact before tampering: ${JSON.stringify(intact)}`);
  const last = rows.length;
  const positions = Array.from({ length: options.positionsPerKind }, (_, k) =>
    k === 0 ? 1 : k === 1 ? last - 1 : 1 + Math.floor(((last - 2) * k) / options.positionsPerKind));
  let trials = 0;
  let undetected = 0;
  let anchorTrials = 0;
  let undetectedWithoutAnchor = 0;
  let undetectedWithAnchor = 0;
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
  try {
    for (const [kind, tamper] of [...Object.entries(tampers), ...Object.entries(anchorOnly)]) {
      const needsAnchor = kind in anchorOnly;
      for (const seq of positions) {
        await tamper(db, seq, rows);
        const plain = await verifyAuditChain(db);
        const anchored = await verifyAuditChain(db, { anchors });
        if (needsAnchor) {
          anchorTrials += 1;
          if (plain.ok) undetectedWithoutAnchor += 1;
          if (anchored.ok) {
            undetectedWithAnchor += 1;
            violations.push(`${kind} at position ${seq}: undetected even with the anchor`);
          }
        } else {
          trials += 1;
          if (plain.ok) {
            undetected += 1;
            violations.push(`${kind} at position ${seq}: not detected by the verifier`);
          }
        }
        await restore(db, rows);
      }
    }
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
    await rm(dir, { recursive: true, force: true });
  }
  const restored = await verifyAuditChain(db, { anchors });
  if (!restored.ok) violations.push('chain not intact after restoring');
  counters.chainRows = rows.length;
  counters.tamperTrials = trials;
  counters.tamperUndetected = undetected;
  counters.tailTamperTrials = anchorTrials;
  counters.tailTamperUndetectedWithoutAnchor = undetectedWithoutAnchor;
  counters.tailTamperUndetectedWithAnchor = undetectedWithAnchor;
  return {
    name: 'R7 audit',
    scale: `${options.reads} person reads by ${readers.length} users; ${rows.length}-row sealed chain, ${Object.keys(tampers).length} tamper kinds × ${positions.length} positions + ${Object.keys(anchorOnly).length} tail/recompute kinds checked against an anchor file`,
    counters,
    violations,
  };
}
