import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import { appendAudit, hashAuditRow, verifyAuditChain, GENESIS_HASH } from '../../server/audit/audit.service';
import { testSeed } from '../server/fixtures/identity.fixture';
import type { ReliabilityApp } from './support/fixture';
import type { Figure } from './support/report';

type Db = Kysely<ServerDatabase>;
interface Row { id: number; at: Date; actor_id: string | null; action: string; resource_type: string | null; resource_id: string | null; scope: string | null; detail: unknown; prev_hash: string; hash: string }

/** What an attacker with table-owner rights (triggers disabled) does to the chain. */
const tampers: Record<string, (db: Db, id: number, rows: Row[]) => Promise<void>> = {
  'update detail': async (db, id) => void (await sql`UPDATE audit_log SET detail = '{"forged": true}'::jsonb WHERE id = ${id}`.execute(db)),
  'update action': async (db, id) => void (await sql`UPDATE audit_log SET action = 'person.search' WHERE id = ${id}`.execute(db)),
  'update actor': async (db, id) => void (await sql`UPDATE audit_log SET actor_id = CASE WHEN actor_id IS NULL THEN (SELECT id FROM app_user ORDER BY username LIMIT 1) END WHERE id = ${id}`.execute(db)),
  'update time': async (db, id) => void (await sql`UPDATE audit_log SET at = at + interval '1 second' WHERE id = ${id}`.execute(db)),
  'update resource': async (db, id) => void (await sql`UPDATE audit_log SET resource_id = 'other' WHERE id = ${id}`.execute(db)),
  'update scope': async (db, id) => void (await sql`UPDATE audit_log SET scope = '/98/' WHERE id = ${id}`.execute(db)),
  'update row and its own hash': async (db, id, rows) => {
    const row = rows.find((r) => r.id === id)!;
    const forged = { ...row, detail: { forged: true } };
    await sql`UPDATE audit_log SET detail = '{"forged": true}'::jsonb, hash = ${hashAuditRow(row.prev_hash, forged)} WHERE id = ${id}`.execute(db);
  },
  'delete a row': async (db, id) => void (await sql`DELETE FROM audit_log WHERE id = ${id}`.execute(db)),
  'reorder: swap two rows’ contents': async (db, id) => {
    await sql`UPDATE audit_log a SET action = b.action, detail = b.detail, resource_id = b.resource_id, actor_id = b.actor_id, at = b.at
      FROM audit_log b WHERE (a.id, b.id) IN ((${id}, ${id + 1}), (${id + 1}, ${id}))`.execute(db);
  },
  'reorder: swap two rows’ ids': async (db, id) => {
    await sql`UPDATE audit_log SET id = -id WHERE id IN (${id}, ${id + 1})`.execute(db);
    await sql`UPDATE audit_log SET id = CASE WHEN id = ${-id}::bigint THEN ${id + 1}::bigint ELSE ${id}::bigint END WHERE id IN (${-id}::bigint, ${-(id + 1)}::bigint)`.execute(db);
  },
  'insert a row in the middle (ids shifted)': async (db, id, rows) => {
    const prev = rows.find((r) => r.id === id - 1)?.hash ?? GENESIS_HASH;
    await sql`UPDATE audit_log SET id = -(id + 1) WHERE id >= ${id}`.execute(db);
    await sql`UPDATE audit_log SET id = -id WHERE id < 0`.execute(db);
    const forged = { id, at: new Date(), actor_id: null, action: 'person.read', resource_type: 'Person', resource_id: 'forged', scope: '/99/', detail: {} };
    await sql`INSERT INTO audit_log (id, at, actor_id, action, resource_type, resource_id, scope, detail, prev_hash, hash)
      VALUES (${id}, ${forged.at}, NULL, 'person.read', 'Person', 'forged', '/99/', '{}'::jsonb, ${prev}, ${hashAuditRow(prev, forged)})`.execute(db);
  },
  'append a row with a wrong link': async (db, _id, rows) => {
    const last = rows[rows.length - 1];
    const forged = { id: last.id + 1, at: new Date(), actor_id: null, action: 'person.read', resource_type: 'Person', resource_id: 'forged', scope: '/99/', detail: {} };
    await sql`INSERT INTO audit_log (id, at, actor_id, action, resource_type, resource_id, scope, detail, prev_hash, hash)
      VALUES (${forged.id}, ${forged.at}, NULL, 'person.read', 'Person', 'forged', '/99/', '{}'::jsonb, ${GENESIS_HASH}, ${hashAuditRow(GENESIS_HASH, forged)})`.execute(db);
  },
};

/** Tampering a keyless hash chain cannot detect on its own (needs an anchor kept outside the database). */
const anchorOnly: Record<string, (db: Db, id: number, rows: Row[]) => Promise<void>> = {
  'delete the newest rows (truncate the tail)': async (db, id) => void (await sql`DELETE FROM audit_log WHERE id >= ${id}`.execute(db)),
  'rewrite a row and recompute every later hash': async (db, id, rows) => {
    let prev = rows.find((r) => r.id === id - 1)?.hash ?? GENESIS_HASH;
    for (const row of rows.filter((r) => r.id >= id)) {
      const changed = row.id === id ? { ...row, detail: { forged: true } } : row;
      const hash = hashAuditRow(prev, changed);
      await sql`UPDATE audit_log SET detail = ${JSON.stringify(changed.detail)}::jsonb, prev_hash = ${prev}, hash = ${hash} WHERE id = ${row.id}`.execute(db);
      prev = hash;
    }
  },
};

async function restore(db: Db, rows: Row[]): Promise<void> {
  await sql`DELETE FROM audit_log`.execute(db);
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('audit_log').values(rows.slice(i, i + 500).map((r) => ({ ...r, detail: JSON.stringify(r.detail ?? {}) }))).execute();
  }
}

export interface AuditOptions {
  rows: number;
  positionsPerKind: number;
  reads: number;
}

/**
 * R7: (a) every read of a person record through the API leaves its audit row — reads by several users
 * at once, counted against the 200 responses; (b) every kind of tampering with the chain is detected
 * by verifyAuditChain, at several positions; tampering only an external anchor can reveal is counted apart.
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

  // (b) tampering: grow the chain, snapshot it, tamper, verify, restore
  const at = new Date('2026-03-02T01:00:00Z');
  const existing = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(db)).rows[0].n;
  for (let i = existing; i < options.rows; i += 1) {
    await appendAudit(db, { at, actorId: null, action: 'test.append', resourceType: 'Person', resourceId: String(i), scope: '/99/', detail: { i, name: 'Nguyễn Văn Hùng' } });
  }
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as unknown as Row[];
  const intact = await verifyAuditChain(db);
  if (!intact.ok) violations.push(`chain not intact before tampering: ${JSON.stringify(intact.firstBad)}`);
  const first = rows[0].id;
  const last = rows[rows.length - 1].id;
  const positions = Array.from({ length: options.positionsPerKind }, (_, k) =>
    k === 0 ? first : k === 1 ? last - 1 : first + Math.floor(((last - 1 - first) * k) / options.positionsPerKind));
  let trials = 0;
  let undetected = 0;
  let anchorTrials = 0;
  let anchorUndetected = 0;
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
  try {
    for (const [kind, tamper] of [...Object.entries(tampers), ...Object.entries(anchorOnly)]) {
      const needsAnchor = kind in anchorOnly;
      for (const id of positions) {
        await tamper(db, id, rows);
        const verdict = await verifyAuditChain(db);
        const headAfter = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
        // An anchor: the head (id, hash) the operator copied out of the database before the tampering.
        const anchorBroken = !headAfter || Number(headAfter.id) !== last || headAfter.hash !== rows[rows.length - 1].hash;
        if (needsAnchor) {
          anchorTrials += 1;
          if (verdict.ok) anchorUndetected += 1;
          if (verdict.ok && !anchorBroken) violations.push(`${kind} at row ${id}: undetected even with an anchor`);
        } else {
          trials += 1;
          if (verdict.ok) {
            undetected += 1;
            violations.push(`${kind} at row ${id}: not detected by the verifier`);
          }
        }
        await restore(db, rows);
      }
    }
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
  }
  const restored = await verifyAuditChain(db);
  if (!restored.ok) violations.push('chain not intact after restoring');
  counters.chainRows = rows.length;
  counters.tamperTrials = trials;
  counters.tamperUndetected = undetected;
  counters.tailTamperTrials = anchorTrials;
  counters.tailTamperUndetectedWithoutAnchor = anchorUndetected;
  return {
    name: 'R7 audit',
    scale: `${options.reads} person reads by ${readers.length} users; ${rows.length}-row chain, ${Object.keys(tampers).length} tamper kinds × ${positions.length} positions + ${Object.keys(anchorOnly).length} tail kinds (anchor-only)`,
    counters,
    violations,
  };
}
