import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { allows, callerOf, ensureCan } from '../auth/guard';
import type { ServerDatabase } from '../db/schema';
import { AppError } from '../errors';
import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import { jurisdictionByCode } from '../indicators/indicator.repository';
import { enqueueMail } from '../mail/notifications';
import { lastCompletedPeriod, reportPeriod, type ReportKind } from '../reports/report-period';
import { findRun, generateReport, listRuns, queueReport, REPORT_JOB, runFile, type ReportRunView } from '../reports/report.service';
import { code, errorResponses, strictObject, uuid } from './schemas';

const tags = ['reports'];
export const REPORT_SCHEDULE_JOB = 'report.schedule-scan';
const SCAN_EVERY_MS = 6 * 3_600_000;
const email = { type: 'string', format: 'email', maxLength: 200 } as const;
const kindSchema = { enum: ['half_year', 'annual'] } as const;

/** Six-monthly / annual reports: on demand (job + progress), scheduled, emailed through the outbox. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, config } = app.deps;

  /** The outbox mail telling each recipient the report is ready (link to the files). */
  const mailRecipients = async (tx: Kysely<ServerDatabase>, run: ReportRunView) => {
    const base = config.publicUrl.replace(/\/$/, '');
    for (const to of run.recipients) {
      await enqueueMail(app, tx, { email: to, displayName: to, locale: 'vi' }, 'report-ready', {
        reportTitle: `Báo cáo định kỳ ${run.kind === 'annual' ? 'năm' : '6 tháng'} ${run.periodFrom} – ${run.periodTo} (${run.jurisdictionCode})`,
        xlsxLink: `${base}/api/reports/${run.id}/xlsx`,
        pdfLink: `${base}/api/reports/${run.id}/pdf`,
      });
    }
  };

  app.engine.registerWorker(REPORT_JOB, async (job) => {
    await generateReport(app, String(job.payload.runId), mailRecipients);
  });

  app.engine.registerWorker(REPORT_SCHEDULE_JOB, async () => {
    await runSchedules(app);
    await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(72620010)`.execute(tx);
      const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE type = ${REPORT_SCHEDULE_JOB} AND state = 'ready'`.execute(tx);
      if (!pending.rows[0].n) await app.engine.enqueueJob(tx, { type: REPORT_SCHEDULE_JOB, dueAt: new Date(clock.now().getTime() + SCAN_EVERY_MS), retries: 1_000_000 });
    });
  });

  const readable = async (request: FastifyRequest, id: string) => {
    const run = await findRun(db, id);
    if (!run) throw new AppError('REPORT_NOT_FOUND');
    await ensureCan(request, 'read', 'Person', { row: { scope: run.scope } });
    return run;
  };

  app.post<{ Body: { kind: ReportKind; jurisdictionCode: string; year: number; half?: 1 | 2; recipients?: string[] } }>(
    '/api/reports',
    {
      config: idempotent,
      schema: {
        tags, summary: 'Generate the 6-monthly or annual report of a jurisdiction (XLSX + PDF) as a background job; poll GET /api/reports/{id}',
        body: strictObject({ kind: kindSchema, jurisdictionCode: code, year: { type: 'integer', minimum: 2000, maximum: 2100 }, half: { enum: [1, 2] }, recipients: { type: 'array', maxItems: 20, items: email } }, ['kind', 'jurisdictionCode', 'year']),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const j = await jurisdictionByCode(db, b.jurisdictionCode);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'read', 'Person', { row: { scope: j.path } });
      const period = reportPeriod(b.kind, b.year, b.half);
      const run = await db.transaction().execute(async (tx) => {
        const id = await queueReport(app, tx, { period, jurisdiction: j, requestedBy: principal.userId, recipients: b.recipients ?? [] });
        const body = await findRun(tx, id);
        await rememberResult(tx, request, 202, body);
        return body;
      });
      return reply.status(202).send(run);
    },
  );

  app.get<{ Querystring: { jurisdiction?: string } }>(
    '/api/reports',
    { schema: { tags, summary: 'Recent report runs in the caller’s jurisdiction', querystring: strictObject({ jurisdiction: code }), response: errorResponses } },
    async (request) => {
      const { principal, ability } = callerOf(request);
      let scope = principal.homePath;
      if (request.query.jurisdiction) {
        const j = await jurisdictionByCode(db, request.query.jurisdiction);
        if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
        if (!allows(ability, 'read', 'Person', { row: { scope: j.path } })) throw new AppError('FORBIDDEN');
        scope = j.path;
      }
      return { items: await listRuns(db, scope) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/reports/:id',
    { schema: { tags, summary: 'Status and progress (0–100) of a report run', params: strictObject({ id: uuid }, ['id']), response: errorResponses } },
    async (request) => readable(request, request.params.id),
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get<{ Params: { id: string } }>(
      `/api/reports/:id/${format}`,
      { schema: { tags, summary: `Download the report as ${format.toUpperCase()}`, params: strictObject({ id: uuid }, ['id']), response: errorResponses } },
      async (request, reply) => {
        const run = await readable(request, request.params.id);
        if (run.state !== 'done') throw new AppError('REPORT_NOT_READY', { state: run.state, progress: run.progress });
        const file = await runFile(db, run.id, format);
        if (!file) throw new AppError('REPORT_NOT_READY');
        const name = `bao-cao-${run.kind === 'annual' ? 'nam' : '6-thang'}-${run.jurisdictionCode}-${run.periodFrom}.${format}`;
        return reply
          .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(file);
      },
    );
  }

  app.put<{ Body: { jurisdictionCode: string; kind: ReportKind; recipients: string[]; active?: boolean } }>(
    '/api/report-schedules',
    {
      schema: {
        tags, summary: 'Schedule the periodic report of a jurisdiction (generated after each period ends, emailed to the recipients)',
        body: strictObject({ jurisdictionCode: code, kind: kindSchema, recipients: { type: 'array', maxItems: 20, items: email }, active: { type: 'boolean' } }, ['jurisdictionCode', 'kind', 'recipients']),
        response: errorResponses,
      },
    },
    async (request) => {
      const b = request.body;
      const j = await jurisdictionByCode(db, b.jurisdictionCode);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      await ensureCan(request, 'update', 'Jurisdiction', { row: { scope: j.path } });
      await db.transaction().execute(async (tx) => {
        await sql`INSERT INTO report_schedule (jurisdiction_code, kind, recipients, active) VALUES (${j.code}, ${b.kind}, ${b.recipients}::text[], ${b.active ?? true})
          ON CONFLICT (jurisdiction_code, kind) DO UPDATE SET recipients = EXCLUDED.recipients, active = EXCLUDED.active`.execute(tx);
        await sql`SELECT pg_advisory_xact_lock(72620010)`.execute(tx);
        const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE type = ${REPORT_SCHEDULE_JOB} AND state = 'ready'`.execute(tx);
        if (!pending.rows[0].n) await app.engine.enqueueJob(tx, { type: REPORT_SCHEDULE_JOB, retries: 1_000_000 });
      });
      return { jurisdictionCode: j.code, kind: b.kind, recipients: b.recipients, active: b.active ?? true };
    },
  );
}

/** For each active schedule whose last completed period was not reported yet: queue the report. */
export async function runSchedules(app: FastifyInstance): Promise<number> {
  const { db, clock } = app.deps;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(clock.now());
  const schedules = await sql<{ id: string; jurisdiction_code: string; kind: ReportKind; recipients: string[]; last: string | null }>`
    SELECT id, jurisdiction_code, kind, recipients, to_char(last_period_to, 'YYYY-MM-DD') AS last FROM report_schedule WHERE active`.execute(db);
  let queued = 0;
  for (const s of schedules.rows) {
    const period = lastCompletedPeriod(s.kind, today);
    if (s.last && s.last >= period.to) continue;
    const j = await jurisdictionByCode(db, s.jurisdiction_code);
    if (!j) continue;
    await db.transaction().execute(async (tx) => {
      const claimed = await sql`UPDATE report_schedule SET last_period_to = ${period.to}::date WHERE id = ${s.id} AND (last_period_to IS NULL OR last_period_to < ${period.to}::date)`.execute(tx);
      if (!Number(claimed.numAffectedRows ?? 0)) return;
      await queueReport(app, tx, { period, jurisdiction: j, requestedBy: null, recipients: s.recipients });
      queued++;
    });
  }
  return queued;
}
