import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import { appendAudit, GENESIS_HASH } from '../../server/audit/audit.service';
import { appendAnchor, parseAnchors, readAnchors } from '../../server/audit/audit-anchor';
import { chainHead, sealAuditLog } from '../../server/audit/audit-seal.service';
import { verifyAuditChain } from '../../server/audit/audit-verify.service';
import { canonicalJson } from '../../server/audit/canonical-json';
import { createTestDatabase, type TestDatabase } from '../support/database';

const run = promisify(execFile);
const at = new Date('2026-03-02T01:00:00Z');
type Db = TestDatabase<ServerDatabase>['db'];
const append = (db: Db, i: number) => appendAudit(db, { at, actorId: null, action: 'test.append', resourceType: 'Person', resourceId: String(i), detail: { i, nested: { b: 1, a: [1, 'x'] } } });
const verifyScript = (url: string, args: string[] = []) =>
  run('npx', ['tsx', 'scripts/audit-verify.ts', ...args], { env: { ...process.env, DATABASE_URL: url } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('audit log', () => {
  let t: TestDatabase<ServerDatabase>;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>({ max: 12 });
  });
  afterAll(() => t.destroy());

  it('should insert rows unchained and seal concurrent appends into one unforked chain', async () => {
    // given
    await Promise.all(Array.from({ length: 40 }, (_, i) => append(t.db, i)));
    const before = await verifyAuditChain(t.db);

    // when: two sealers race (two server processes)
    const [a, b] = await Promise.all([sealAuditLog(t.db, { batch: 7 }), sealAuditLog(t.db, { batch: 7 })]);

    // then
    expect(before).toMatchObject({ ok: true, rows: 0, unsealed: 40, unsealedOverdue: 0 });
    const rest = await sealAuditLog(t.db);
    expect(a.sealed + b.sealed + rest.sealed).toBe(40);
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: true, rows: 40, unsealed: 0, head: { seq: 40 } });
    const rows = await t.db.selectFrom('audit_log').select(['prev_hash', 'hash', 'chain_seq']).orderBy('chain_seq').execute();
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(40);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('should chain a row whose transaction commits late after the rows sealed meanwhile', async () => {
    // given: a transaction takes an id, then others commit and are sealed first
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let lateId = 0;
    const late = t.db.transaction().execute(async (tx) => {
      lateId = await append(tx, 1000);
      await held;
    });
    while (!lateId) await new Promise((r) => setTimeout(r, 5));
    const earlyId = await append(t.db, 1001);
    await sealAuditLog(t.db);

    // when
    release();
    await late;
    await sealAuditLog(t.db);

    // then
    const seqOf = async (id: number) => Number((await t.db.selectFrom('audit_log').select('chain_seq').where('id', '=', id).executeTakeFirstOrThrow()).chain_seq);
    expect(lateId).toBeLessThan(earlyId);
    expect(await seqOf(lateId)).toBeGreaterThan(await seqOf(earlyId));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('should refuse UPDATE, DELETE and TRUNCATE of audit rows, and a second seal', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET hash = ${GENESIS_HASH} WHERE chain_seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    // an unsealed row may be sealed, but not changed while being sealed
    const id = await append(t.db, 2000);
    await expect(sql`UPDATE audit_log SET chain_seq = 9999, prev_hash = 'x', hash = 'y', action = 'forged' WHERE id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await sealAuditLog(t.db);
  });

  it('should report rows left unsealed longer than the grace period', async () => {
    // given: a row logged two minutes ago that nobody sealed
    const other = await createTestDatabase<ServerDatabase>();
    await append(other.db, 1);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(other.db);
    await sql`UPDATE audit_log SET logged_at = now() - interval '2 minutes'`.execute(other.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(other.db);

    // when
    const verdict = await verifyAuditChain(other.db, { unsealedGraceSeconds: 60 });
    const script = await verifyScript(other.url);
    const sealed = await verifyScript(other.url, ['--seal']);
    await other.destroy();

    // then
    expect(verdict).toMatchObject({ ok: false, unsealed: 1, unsealedOverdue: 1 });
    expect(script.code).toBe(1);
    expect(script.stderr).toContain('unsealed');
    expect(sealed.code).toBe(0);
  }, 180_000);

  it('should detect a tampered sealed row and name it; npm run audit:verify exits non-zero', async () => {
    // given: an attacker with table-owner rights disables the trigger and edits row 7
    const before = await verifyScript(t.url);
    expect(before.stdout).toContain('chain intact');
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
    await sql`UPDATE audit_log SET detail = '{"i": 999}'::jsonb WHERE chain_seq = 7`.execute(t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.db);
    const id7 = Number((await t.db.selectFrom('audit_log').select('id').where('chain_seq', '=', '7').executeTakeFirstOrThrow()).id);

    // when
    const verdict = await verifyAuditChain(t.db);
    const script = await verifyScript(t.url);

    // then
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad).toMatchObject({ id: id7, seq: 7, reason: 'hash' });
    expect(script.code).toBe(1);
    expect(script.stderr).toContain(`row ${id7}`);
  }, 180_000);

  it('should detect a deleted row by the broken prev_hash link of the next row', async () => {
    // given: a fresh chain in another database, position 5 of 10 deleted
    const other = await createTestDatabase<ServerDatabase>();
    for (let i = 0; i < 10; i++) await append(other.db, i);
    await sealAuditLog(other.db);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(other.db);
    await sql`DELETE FROM audit_log WHERE chain_seq = 5`.execute(other.db);

    // when
    const verdict = await verifyAuditChain(other.db);
    await other.destroy();

    // then
    expect(verdict.firstBad).toMatchObject({ seq: 6, reason: 'prev_hash' });
  });

  it('should detect tail truncation and a recomputed chain against the anchor file', async () => {
    // given: 20 sealed rows, the head anchored to a file outside the database
    const other = await createTestDatabase<ServerDatabase>();
    const dir = await mkdtemp(path.join(tmpdir(), 'qt-anchor-'));
    const file = path.join(dir, 'anchors.jsonl');
    for (let i = 0; i < 12; i++) await append(other.db, i);
    await sealAuditLog(other.db);
    await appendAnchor(file, (await chainHead(other.db))!, new Date());
    for (let i = 12; i < 20; i++) await append(other.db, i);
    await sealAuditLog(other.db);
    const unchanged = await appendAnchor(file, (await chainHead(other.db))!, new Date());
    expect(await appendAnchor(file, (await chainHead(other.db))!, new Date())).toBeNull();
    const anchors = await readAnchors(file);
    const intact = await verifyScript(other.url, ['--anchors', file]);

    // when: the tail is cut off (positions 15–20), then, separately, a row rewritten and every later hash recomputed
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(other.db);
    const rows = await other.db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute();
    await sql`DELETE FROM audit_log WHERE chain_seq >= 15`.execute(other.db);
    const truncatedPlain = await verifyAuditChain(other.db);
    const truncated = await verifyAuditChain(other.db, { anchors });
    const truncatedScript = await verifyScript(other.url, ['--anchors', file]);
    await other.db.insertInto('audit_log').values(rows.filter((r) => Number(r.chain_seq) >= 15).map((r) => ({ ...r, detail: JSON.stringify(r.detail) }))).execute();
    await sql`UPDATE audit_log SET detail = '{"forged": true}'::jsonb, hash = NULL, prev_hash = NULL, chain_seq = NULL WHERE chain_seq >= 3`.execute(other.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(other.db);
    await sealAuditLog(other.db); // the attacker reseals: a self-consistent chain
    const rewrittenPlain = await verifyAuditChain(other.db);
    const rewritten = await verifyAuditChain(other.db, { anchors });
    const mailed = await verifyScript(other.url, ['--anchor', `${unchanged!.seq}:${unchanged!.hash}`]);
    await other.destroy();

    // then
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('2 anchors match');
    expect(truncatedPlain.ok).toBe(true);
    expect(truncated).toMatchObject({ ok: false, anchors: { firstBad: { seq: 20, reason: 'truncated' } } });
    expect(truncatedScript.code).toBe(1);
    expect(truncatedScript.stderr).toContain('TRUNCATED');
    expect(rewrittenPlain.ok).toBe(true);
    expect(rewritten).toMatchObject({ ok: false, anchors: { firstBad: { seq: 12, reason: 'rewritten' } } });
    expect(mailed.code).toBe(1);
    expect(mailed.stderr).toContain('REWRITTEN');
  }, 180_000);

  it('should refuse an anchor file whose lines were edited', async () => {
    // given
    const dir = await mkdtemp(path.join(tmpdir(), 'qt-anchor-'));
    const file = path.join(dir, 'anchors.jsonl');
    await appendAnchor(file, { seq: 1, id: 1, hash: 'a'.repeat(64) }, at);
    await appendAnchor(file, { seq: 2, id: 2, hash: 'b'.repeat(64) }, at);
    await appendAnchor(file, { seq: 3, id: 3, hash: 'c'.repeat(64) }, at);
    const text = await readFile(file, 'utf8');

    // when: the middle anchor is changed to fit a rewritten chain
    await writeFile(file, text.replace('b'.repeat(64), 'd'.repeat(64)));

    // then
    expect(parseAnchors(text)).toHaveLength(3);
    await expect(readAnchors(file)).rejects.toThrow(/line 3: does not follow/);
  });

  it('should canonicalise JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
