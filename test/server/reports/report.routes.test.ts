import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedPlanIndicators } from '../../../server/indicators/plan-targets.seed';
import { BREAKDOWN_SHEET, SUMMARY_COLUMNS, SUMMARY_SHEET } from '../../../server/reports/report-xlsx';
import { runSchedules } from '../../../server/routes/report.routes';
import { buildTestApp, loginAs, type LoggedIn } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedTestIdentity } from '../fixtures/identity.fixture';
import { pdfText } from '../documents/pdf-text';
import { seedIndicatorData } from '../indicators/indicator-data.fixture';

interface Card { indicator: { code: string }; result: { value: number | null; numerator?: number; denominator?: number } }

describe('periodic reports', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let leader: LoggedIn;
  let commune: LoggedIn;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qt-reports-'));

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    await seedPlanIndicators(t.db);
    await seedIndicatorData(t.db);
    app = await buildTestApp(t.db, { clock: new FakeClock('2026-03-02T08:00:00+07:00'), env: { DATA_DIR: dataDir } });
    await app.ready();
    leader = await loginAs(app, 'lanhdao.tinh');
    commune = await loginAs(app, 'ca.xa1');
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should generate the annual report of the demo province as a job with progress; its XLSX totals equal the indicators', async () => {
    // given a request for the 2024 annual report of province 99
    const started = await app.inject({ method: 'POST', url: '/api/reports', headers: leader.headers, payload: { kind: 'annual', jurisdictionCode: '99', year: 2024, recipients: ['lanhdao@example.test'] } });
    expect(started.statusCode).toBe(202);
    const run = started.json() as { id: string; state: string; progress: number };
    expect(run).toMatchObject({ state: 'queued', progress: 0 });
    expect((await app.inject({ method: 'GET', url: `/api/reports/${run.id}/xlsx`, headers: leader.headers })).statusCode).toBe(409);

    // when the job executor runs it
    await app.engine.createJobExecutor().drain();

    // then the run is done at 100 % and a mail went through the outbox
    const status = (await app.inject({ method: 'GET', url: `/api/reports/${run.id}`, headers: leader.headers })).json() as { state: string; progress: number };
    expect(status).toMatchObject({ state: 'done', progress: 100 });
    const mails = await sql<{ recipient: string; template: string; subject: string }>`SELECT recipient, template, subject FROM mail_log`.execute(t.db);
    expect(mails.rows.map((m) => m.recipient)).toEqual(['lanhdao@example.test']);
    expect(mails.rows[0]).toMatchObject({ template: 'report-ready' });
    expect(mails.rows[0].subject).toMatch(/^\[Quy Trình\] Báo cáo định kỳ đã sẵn sàng: /);

    // and the workbook opens in a spreadsheet library with the indicators' values
    const file = await app.inject({ method: 'GET', url: `/api/reports/${run.id}/xlsx`, headers: leader.headers });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const headerRow = summary.getRow(4).values as unknown[];
    expect(headerRow.slice(1)).toEqual([...SUMMARY_COLUMNS]);
    const col = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name) + 1;
    const fromXlsx = new Map<string, { value: unknown; numerator: unknown; denominator: unknown }>();
    summary.eachRow((row, n) => {
      if (n <= 4) return;
      fromXlsx.set(String(row.getCell(col('Mã chỉ tiêu')).value), { value: row.getCell(col('Thực hiện')).value, numerator: row.getCell(col('Tử số')).value, denominator: row.getCell(col('Mẫu số')).value });
    });
    const cards = (await app.inject({ method: 'GET', url: '/api/indicators?jurisdiction=99&from=2024-01-01&to=2024-12-31', headers: leader.headers })).json() as { items: Card[] };
    const inPeriod = cards.items.filter((c) => !c.indicator.code.startsWith('hn.'));
    expect([...fromXlsx.keys()].sort()).toEqual(inPeriod.map((c) => c.indicator.code).sort());
    for (const c of inPeriod) {
      const x = fromXlsx.get(c.indicator.code)!;
      expect({ code: c.indicator.code, value: x.value, numerator: x.numerator ?? undefined, denominator: x.denominator ?? undefined }).toEqual({ code: c.indicator.code, ...c.result });
    }
    // known answers for 2024
    expect(fromXlsx.get('qt.methadone')!.value).toBe(1);
    expect(fromXlsx.get('qt.tasks-on-time')).toEqual({ value: 66.7, numerator: 2, denominator: 3 });
    expect(fromXlsx.get('tv.counselled')).toEqual({ value: 66.7, numerator: 2, denominator: 3 });

    // the commune sheet adds up to the province for counts and ratio parts
    const by = wb.getWorksheet(BREAKDOWN_SHEET)!;
    const sums = new Map<string, number>();
    by.eachRow((row, n) => {
      if (n === 1) return;
      const codeCell = String(row.getCell(1).value);
      const part = row.getCell(6).value ?? row.getCell(5).value;
      sums.set(codeCell, (sums.get(codeCell) ?? 0) + Number(part ?? 0));
    });
    expect(sums.get('qt.methadone')).toBe(1);
    expect(sums.get('tv.counselled')).toBe(2);

    // the PDF is a PDF
    const pdf = await app.inject({ method: 'GET', url: `/api/reports/${run.id}/pdf`, headers: leader.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'năm 2024', 'Tỷ lệ người nghiện có hồ sơ quản lý', '66,7', 'Xã Sông Xanh']) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
  });

  it('should refuse a commune the province report (403) and its runs', async () => {
    const refused = await app.inject({ method: 'POST', url: '/api/reports', headers: commune.headers, payload: { kind: 'half_year', jurisdictionCode: '99', year: 2025, half: 1 } });
    expect(refused.statusCode).toBe(403);
    const own = await app.inject({ method: 'POST', url: '/api/reports', headers: commune.headers, payload: { kind: 'half_year', jurisdictionCode: '99130', year: 2025, half: 1 } });
    expect(own.statusCode).toBe(202);
    const provinceRuns = (await app.inject({ method: 'GET', url: '/api/reports', headers: leader.headers })).json() as { items: { id: string }[] };
    const other = provinceRuns.items.find((r) => r.id !== (own.json() as { id: string }).id)!;
    expect((await app.inject({ method: 'GET', url: `/api/reports/${other.id}`, headers: commune.headers })).statusCode).toBe(403);
  });

  it('should queue the scheduled report once per completed period', async () => {
    const admin = await loginAs(app, 'admin.tinh');
    const put = await app.inject({ method: 'PUT', url: '/api/report-schedules', headers: admin.headers, payload: { jurisdictionCode: '99', kind: 'half_year', recipients: ['so.ldtbxh@example.test'] } });
    expect(put.statusCode).toBe(200);
    expect(await runSchedules(app)).toBe(1);
    expect(await runSchedules(app)).toBe(0);
    const run = await sql<{ period_from: string; requested_by: string | null }>`SELECT to_char(period_from, 'YYYY-MM-DD') AS period_from, requested_by FROM report_run WHERE requested_by IS NULL`.execute(t.db);
    expect(run.rows).toEqual([{ period_from: '2025-07-01', requested_by: null }]);
  });
});
