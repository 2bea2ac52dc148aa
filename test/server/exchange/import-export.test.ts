import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { loadPrincipal } from '../../../server/auth/principal';
import { defineAbilityFor } from '../../../server/auth/abilities';
import { importPersons, readRows } from '../../../server/exchange/import.service';
import { buildTestApp, loginAs, type LoggedIn } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedTestIdentity } from '../fixtures/identity.fixture';

const HEADER = 'full_name,date_of_birth,sex,id_type,id_number,commune_code,permanent_address,status,case_code,procedure_key,case_title';
const communes = ['99130', '99160', '99101', '99104'];

/** n valid rows spread over the province's communes of both structures; every 10th row has a case. */
function csvRows(n: number, tag: string, bad: Record<number, string> = {}): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    if (bad[i]) {
      lines.push(bad[i]);
      continue;
    }
    const id = `0${String(i).padStart(11, '0')}`;
    const kase = i % 10 === 0 ? `HS-${tag}-${i},illegal-user-management,"Quản lý, theo dõi ${i}"` : ',,';
    lines.push(`Nguyễn Văn ${tag} ${i},${(i % 28) + 1}/0${(i % 9) + 1}/1990,${i % 2 ? 'Nam' : 'Nữ'},cccd,${id},${communes[i % 4]},"Thôn ${i}, xã",addicted,${kase}`);
  }
  return lines.join('\n');
}

describe('data exchange: import and export of persons and cases', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let admin: LoggedIn;
  let commune: LoggedIn;
  const count = async (table: 'person' | 'rehab_case') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.db)).rows[0].n);

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db);
    await app.ready();
    admin = await loginAs(app, 'ldtbxh.huyen1'); // district 991 (2022) staff: may write 99101, 99104 only
    commune = await loginAs(app, 'ca.xa1');
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const post = (who: LoggedIn, body: string | Buffer, contentType: string, query = '') =>
    app.inject({ method: 'POST', url: `/api/exchange/imports${query}`, headers: { ...who.headers, 'content-type': contentType }, payload: body });

  it('should import 50 000 rows in one transaction with progress, or none when rows are bad', async () => {
    // given a provincial-level importer (the engine's view of the whole province)
    const principal = (await loadPrincipal(t.db, (await t.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id))!;
    const ability = defineAbilityFor({ ...principal, roles: ['staff'], agency: { id: 'x', code: 'x', name: 'x', kind: 'police' }, homePath: '/99/' });
    const before = await count('person');

    // when a 50 000-row file with three bad rows is imported
    const bad = { 7: 'Người Lỗi,31/02/1990,Nam,cccd,123,99130,,addicted,,,', 20_000: ',,,,,99999,,unknown,HS-X,,', 49_999: `Trùng Hồ Sơ,,,,,99130,,,HS-BIG-10,illegal-user-management,` };
    const badFile = await readRows('csv', Buffer.from(csvRows(50_000, 'BIG', bad)));
    const rejected = await importPersons(t.db, { rows: badFile.rows, preErrors: badFile.errors, ability, actorId: null, now: new Date(), dryRun: false }, async () => undefined);

    // then nothing is imported and each bad row is listed with field and bilingual message
    expect(rejected.imported).toBe(0);
    expect(await count('person')).toBe(before);
    const at = (row: number) => rejected.errors.filter((e) => e.row === row).map((e) => `${e.field}:${e.code}`).sort();
    expect(at(7)).toEqual(['date_of_birth:DATE_INVALID', 'id_number:CCCD_INVALID']);
    expect(at(20_000)).toEqual(['commune_code:COMMUNE_UNKNOWN', 'full_name:REQUIRED', 'procedure_key:PROCEDURE_REQUIRED', 'status:STATUS_INVALID']);
    expect(at(49_999)).toEqual(['case_code:DUPLICATE_IN_FILE']);
    expect(rejected.errors[0].message.vi).toMatch(/[ạ-ỹ]|Ngày/);
    expect(rejected.errors.every((e) => e.message.vi && e.message.en)).toBe(true);

    // when the same 50 000 rows are all valid and uploaded over HTTP by a provincial user, polling the run
    const province = await loginAs(app, 'yte.tinh');
    const id = 'a1b2c3d4-0000-4000-8000-000000050000';
    const seen: number[] = [];
    let finished = false;
    const poll = (async () => {
      while (!finished) {
        const r = await app.inject({ method: 'GET', url: `/api/exchange/imports/${id}`, headers: province.headers });
        if (r.statusCode === 200) seen.push((r.json() as { processed: number; imported: number }).processed + (r.json() as { imported: number }).imported);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = Date.now();
    const response = await post(province, csvRows(50_000, 'BIG'), 'text/csv', `?id=${id}`);
    finished = true;
    await poll;
    const seconds = (Date.now() - started) / 1000;
    console.log(`imported 50000 rows over HTTP in ${seconds.toFixed(1)} s (${Math.round(50_000 / seconds)} rows/s)`);

    // then all rows and their cases are in, and progress was visible while it ran
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ imported: 50_000, total: 50_000 });
    expect(await count('person')).toBe(before + 50_000);
    expect(await count('rehab_case')).toBe(5_000);
    expect(seen.some((n) => n > 0 && n < 100_000)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const final = (await app.inject({ method: 'GET', url: `/api/exchange/imports/${id}`, headers: province.headers })).json();
    expect(final).toMatchObject({ state: 'done', total: 50_000, processed: 50_000, imported: 50_000 });

    // when a file passes validation but the database refuses one row (a case code that exists)
    const clash = await readRows('csv', Buffer.from(csvRows(12_000, 'CLASH', { 11_990: `Trùng Mã,,,,,99130,,,HS-BIG-10,illegal-user-management,` })));
    await expect(importPersons(t.db, { rows: clash.rows, preErrors: clash.errors, ability, actorId: null, now: new Date(), dryRun: false }, async () => undefined)).rejects.toThrow();
    // then the earlier batches were rolled back too
    expect(await count('person')).toBe(before + 50_000);
  }, 120_000);

  it('should validate over HTTP: dry run, 422 with the validation report, authorization per commune, progress endpoint', async () => {
    const good = csvRows(20, 'HTTP').split('\n').filter((_, i) => i === 0 || i % 4 === 2 || i % 4 === 3).join('\n'); // 99101 / 99104 only
    const dry = await post(admin, good, 'text/csv', '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, imported: 0, total: 10 });
    const forbidden = await post(admin, csvRows(4, 'F'), 'text/csv');
    expect(forbidden.statusCode).toBe(422);
    const report = forbidden.json().error;
    expect(report.code).toBe('IMPORT_INVALID');
    expect(report.message.vi).toContain('không dòng nào được nhập');
    expect(report.details.errors).toContainEqual(expect.objectContaining({ row: 1, field: 'commune_code', code: 'COMMUNE_FORBIDDEN' }));
    const id = '7f2d8a9e-0c1b-4c3d-9e8f-1a2b3c4d5e6f';
    const ok = await post(admin, good, 'text/csv', `?id=${id}`);
    expect(ok.statusCode).toBe(201);
    const run = (await app.inject({ method: 'GET', url: `/api/exchange/imports/${id}`, headers: admin.headers })).json();
    expect(run).toMatchObject({ state: 'done', total: 10, processed: 10, imported: 10 });
    const audit = await sql<{ action: string; resource_id: string }>`SELECT action, resource_id FROM audit_log WHERE action = 'exchange.persons-imported'`.execute(t.db);
    expect(audit.rows).toContainEqual({ action: 'exchange.persons-imported', resource_id: id });
    expect((await post(admin, 'x', 'application/pdf')).statusCode).toBe(415);
  });

  it('should export what the viewer may read and re-import the XLSX and JSON exports', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/exchange/persons?format=csv', headers: commune.headers });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).every((l) => l.includes(',99130,'))).toBe(true);
    // every exported person is named in the audit log (each read of a person's record is logged)
    const audit = await sql<{ detail: { personIds: string[]; rows: number } }>`
      SELECT detail FROM audit_log WHERE action = 'exchange.persons-exported' ORDER BY id DESC LIMIT 1`.execute(t.db);
    const exportedIds = (await sql<{ id: string }>`SELECT id::text AS id FROM person WHERE commune_code = '99130'`.execute(t.db)).rows.map((r) => r.id);
    expect([...audit.rows[0].detail.personIds].sort()).toEqual(exportedIds.sort());
    expect((await app.inject({ method: 'GET', url: '/api/exchange/persons?jurisdiction=99160', headers: commune.headers })).statusCode).toBe(403);

    const xlsx = await app.inject({ method: 'GET', url: '/api/exchange/persons?format=xlsx&jurisdiction=99101', headers: admin.headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(1);
    const parsed = await readRows('xlsx', xlsx.rawPayload);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].commune_code).toBe('99101');
    const json = await app.inject({ method: 'GET', url: '/api/exchange/persons?format=json&jurisdiction=99104', headers: admin.headers });
    const rows = (json.json() as { rows: Record<string, string | null>[] }).rows;
    const renamed = rows.slice(0, 3).map((r) => ({ ...r, id_number: null, case_code: r.case_code ? `${r.case_code}-B` : null }));
    const again = await post(admin, JSON.stringify({ rows: renamed }), 'application/json');
    expect(again.statusCode).toBe(201);
    expect(again.json().imported).toBe(3);
  });
});
