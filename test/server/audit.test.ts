import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import { appendAudit, verifyAuditChain, GENESIS_HASH } from '../../server/audit/audit.service';
import { canonicalJson } from '../../server/audit/canonical-json';
import { createTestDatabase, type TestDatabase } from '../support/database';

const run = promisify(execFile);

describe('audit log', () => {
  let t: TestDatabase<ServerDatabase>;
  const at = new Date('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>({ max: 12 });
  });
  afterAll(() => t.destroy());

  it('should serialise concurrent appends into one unforked chain', async () => {
    // when
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => appendAudit(t.db, { at, actorId: null, action: 'test.append', resourceType: 'Person', resourceId: String(i), detail: { i, nested: { b: 1, a: [1, 'x'] } } })),
    );

    // then
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toEqual({ ok: true, rows: 40 });
    const rows = await t.db.selectFrom('audit_log').select(['prev_hash', 'hash']).orderBy('id').execute();
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(40);
  });

  it('should refuse UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('should detect a tampered row and name it; npm run audit:verify exits non-zero', async () => {
    // given: an attacker with table-owner rights disables the trigger and edits row 7
    const before = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: t.url } });
    expect(before.stdout).toContain('chain intact');
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
    await sql`UPDATE audit_log SET detail = '{"i": 999}'::jsonb WHERE id = 7`.execute(t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.db);

    // when
    const verdict = await verifyAuditChain(t.db);
    const script = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: t.url } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );

    // then
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad).toMatchObject({ id: 7, reason: 'hash' });
    expect(script.code).toBe(1);
    expect(script.stderr).toContain('row 7');
  });

  it('should detect a deleted row by the broken prev_hash link of the next row', async () => {
    // given: a fresh chain in another database, row 5 of 10 deleted
    const other = await createTestDatabase<ServerDatabase>();
    for (let i = 0; i < 10; i++) await appendAudit(other.db, { at, actorId: null, action: 'test.append', detail: { i } });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(other.db);
    await sql`DELETE FROM audit_log WHERE id = 5`.execute(other.db);

    // when
    const verdict = await verifyAuditChain(other.db);
    await other.destroy();

    // then
    expect(verdict.firstBad).toMatchObject({ id: 6, reason: 'prev_hash' });
  });

  it('should canonicalise JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
