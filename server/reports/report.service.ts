import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { defineAbilityFor, type AppAbility } from '../auth/abilities';
import { loadPrincipal, type Principal } from '../auth/principal';
import type { ServerDatabase } from '../db/schema';
import { collectReportData } from './report-data.service';
import { renderReportPdf } from './report-pdf';
import type { ReportPeriod } from './report-period';
import { renderReportXlsx } from './report-xlsx';

export const REPORT_JOB = 'report.generate';

export interface ReportRunView {
  id: string;
  kind: 'half_year' | 'annual';
  jurisdictionCode: string;
  scope: string;
  periodFrom: string;
  periodTo: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  recipients: string[];
  createdAt: Date;
  finishedAt: Date | null;
}

const runColumns = sql`id, kind, jurisdiction_code AS "jurisdictionCode", scope, to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
  to_char(period_to, 'YYYY-MM-DD') AS "periodTo", state, progress, error, recipients, created_at AS "createdAt", finished_at AS "finishedAt"`;

export async function findRun(db: Kysely<ServerDatabase>, id: string): Promise<ReportRunView | undefined> {
  return (await sql<ReportRunView>`SELECT ${runColumns} FROM report_run WHERE id = ${id}`.execute(db)).rows[0];
}

export async function listRuns(db: Kysely<ServerDatabase>, scopePrefix: string, limit = 50): Promise<ReportRunView[]> {
  const like = scopePrefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  return (await sql<ReportRunView>`SELECT ${runColumns} FROM report_run WHERE scope LIKE ${like} ORDER BY created_at DESC LIMIT ${limit}`.execute(db)).rows;
}

export async function runFile(db: Kysely<ServerDatabase>, id: string, format: 'xlsx' | 'pdf'): Promise<Buffer | null> {
  const r = await sql<{ file: Buffer | null }>`SELECT ${sql.ref(format)} AS file FROM report_run WHERE id = ${id}`.execute(db);
  return r.rows[0]?.file ?? null;
}

/** A report run row and its job, in the caller's transaction (the job runs only if it commits). */
export async function queueReport(
  app: FastifyInstance,
  tx: Kysely<ServerDatabase>,
  input: { period: ReportPeriod; jurisdiction: { code: string; path: string }; requestedBy: string | null; recipients: string[] },
): Promise<string> {
  const id = randomUUID();
  await sql`INSERT INTO report_run (id, kind, jurisdiction_code, scope, period_from, period_to, state, progress, requested_by, recipients, created_at)
    VALUES (${id}, ${input.period.kind}, ${input.jurisdiction.code}, ${input.jurisdiction.path}, ${input.period.from}::date, ${input.period.to}::date,
            'queued', 0, ${input.requestedBy}, ${input.recipients}::text[], ${app.deps.clock.now()})`.execute(tx);
  await app.engine.enqueueJob(tx, { type: REPORT_JOB, payload: { runId: id }, retries: 3 });
  return id;
}

/** What a scheduled (system) report sees: the jurisdiction's subtree, like a leader there. */
function systemAbility(path: string): AppAbility {
  const p: Principal = {
    userId: '00000000-0000-0000-0000-000000000000', username: 'system', displayName: 'Quy Trình', email: null, locale: 'vi', roles: ['leader'],
    agency: { id: 'system', code: 'system', name: 'system', kind: 'people_committee' }, jurisdiction: null, homePath: path, candidateGroups: [], totpEnabled: false,
  };
  return defineAbilityFor(p);
}

/**
 * The job: collects the indicators (progress 0→90 %), renders XLSX and PDF (→100 %), stores both,
 * then queues one email per recipient through the outbox. Re-running a finished run does nothing.
 */
export async function generateReport(app: FastifyInstance, runId: string, sendMail: (tx: Kysely<ServerDatabase>, run: ReportRunView) => Promise<void>): Promise<void> {
  const { db, clock } = app.deps;
  const run = await findRun(db, runId);
  if (!run || run.state === 'done') return;
  const row = await sql<{ requested_by: string | null }>`SELECT requested_by FROM report_run WHERE id = ${runId}`.execute(db);
  const requester = row.rows[0]?.requested_by ? await loadPrincipal(db, row.rows[0].requested_by) : undefined;
  const ability = requester ? defineAbilityFor(requester) : systemAbility(run.scope);
  const j = await db.selectFrom('jurisdiction').select(['code', 'name', 'path']).where('code', '=', run.jurisdictionCode).executeTakeFirstOrThrow();
  const setProgress = (progress: number) => sql`UPDATE report_run SET state = 'running', progress = ${progress} WHERE id = ${runId}`.execute(db);
  await setProgress(1);
  try {
    const period = { kind: run.kind, from: run.periodFrom, to: run.periodTo, label: labelOf(run) };
    const data = await collectReportData(db, { ability, jurisdiction: j, period, now: clock.now() }, async (done, total) => {
      await setProgress(Math.max(1, Math.floor((90 * done) / Math.max(total, 1))));
    });
    const xlsx = await renderReportXlsx(data);
    const pdf = await renderReportPdf(data);
    await db.transaction().execute(async (tx) => {
      await sql`UPDATE report_run SET state = 'done', progress = 100, xlsx = ${xlsx}, pdf = ${pdf}, finished_at = ${clock.now()}, error = NULL WHERE id = ${runId}`.execute(tx);
      await sendMail(tx, run);
    });
  } catch (error) {
    await sql`UPDATE report_run SET state = 'failed', error = ${(error as Error).message.slice(0, 500)} WHERE id = ${runId}`.execute(db);
    throw error;
  }
}

function labelOf(run: Pick<ReportRunView, 'kind' | 'periodFrom'>): { vi: string; en: string } {
  const year = run.periodFrom.slice(0, 4);
  if (run.kind === 'annual') return { vi: `năm ${year}`, en: `year ${year}` };
  return run.periodFrom.slice(5, 7) === '01' ? { vi: `6 tháng đầu năm ${year}`, en: `first half of ${year}` } : { vi: `6 tháng cuối năm ${year}`, en: `second half of ${year}` };
}
