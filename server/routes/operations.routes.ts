import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit.service';
import { callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import { MAIL_JOB, mailDir } from '../mail/mailer';
import { engineTx } from '../workflow/engine-tx';
import { errorResponses, idParams, isoDate, jsonObject, pageOf, paging, shortText, strictObject } from './schemas';

const tags = ['operations'];
const jobTypes = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, minItems: 1, maxItems: 20 } as const;
const workerId = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** Jobs, incidents, external task workers, the holiday calendar and the mail log (admins). */
export async function operationsRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, config } = app.deps;

  app.get<{ Querystring: { type?: string; state?: string; limit?: string; offset?: string } }>(
    '/api/admin/jobs',
    { schema: { tags, summary: 'Pending and failed jobs (timers, outbox, workers)', querystring: strictObject({ type: { type: 'string', maxLength: 100 }, state: { type: 'string', enum: ['ready', 'locked', 'failed'] }, ...paging }), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Job');
      const { limit, offset } = pageOf(request.query);
      let q = db.selectFrom(sql<{ id: string }>`job`.as('j')).select(sql<string>`j.id`.as('id'))
        .select([sql`j.type`.as('type'), sql`j.kind`.as('kind'), sql`j.state`.as('state'), sql`j.due_at`.as('due_at'), sql`j.retries`.as('retries'), sql`j.attempts`.as('attempts'), sql`j.last_error`.as('last_error'), sql`j.instance_id`.as('instance_id'), sql`j.element_id`.as('element_id')]);
      if (request.query.type) q = q.where(sql<boolean>`j.type = ${request.query.type}`);
      if (request.query.state) q = q.where(sql<boolean>`j.state = ${request.query.state}`);
      return { items: await q.orderBy(sql`j.due_at`).limit(limit).offset(offset).execute() };
    },
  );

  app.get<{ Querystring: { state?: 'open' | 'resolved'; limit?: string; offset?: string } }>(
    '/api/admin/incidents',
    { schema: { tags, summary: 'Incidents (failed jobs, expression errors)', querystring: strictObject({ state: { type: 'string', enum: ['open', 'resolved'] }, ...paging }), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Incident');
      return app.engine.listIncidents({ state: request.query.state ?? 'open', ...pageOf(request.query) });
    },
  );

  for (const op of ['retry', 'resolve'] as const) {
    app.post<{ Params: { id: string } }>(`/api/admin/incidents/:id/${op}`, { config: idempotent, schema: { tags, summary: op === 'retry' ? 'Retry the failed job of an incident' : 'Mark an incident resolved', params: idParams, response: errorResponses } }, async (request) => {
      const { principal } = await ensureCan(request, 'retry', 'Incident');
      await db.transaction().execute(async (tx) => {
        if (op === 'retry') await app.engine.retryIncident(request.params.id, { retries: 1 }, { tx: engineTx(tx), actor: principal.userId });
        else await app.engine.resolveIncident(request.params.id, { tx: engineTx(tx), actor: principal.userId });
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: `incident.${op}`, resourceType: 'Incident', resourceId: request.params.id });
        await rememberResult(tx, request, 200, { ok: true });
      });
      return { ok: true };
    });
  }

  // External task workers (service accounts with the admin role).
  app.post<{ Body: { workerId: string; types: string[]; lockMs?: number; max?: number } }>(
    '/api/external-tasks/fetch-and-lock',
    { schema: { tags: ['external tasks'], summary: 'Lock due jobs of the given types for a worker', body: strictObject({ workerId, types: jobTypes, lockMs: { type: 'integer', minimum: 1000, maximum: 3_600_000 }, max: { type: 'integer', minimum: 1, maximum: 100 } }, ['workerId', 'types']), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'retry', 'Job');
      const b = request.body;
      return { jobs: await app.engine.fetchAndLock(b.workerId, b.types.filter((t) => t !== MAIL_JOB), b.lockMs ?? 60_000, b.max ?? 10) };
    },
  );

  app.post<{ Params: { id: string }; Body: { workerId: string; variables?: Record<string, unknown> } }>(
    '/api/external-tasks/:id/complete',
    { schema: { tags: ['external tasks'], summary: 'Complete a locked job', params: idParams, body: strictObject({ workerId, variables: jsonObject }, ['workerId']), response: errorResponses } },
    async (request) => {
      const { principal } = await ensureCan(request, 'retry', 'Job');
      await app.engine.completeJob(request.params.id, request.body.variables ?? {}, { workerId: request.body.workerId, actor: principal.userId });
      return { ok: true };
    },
  );

  app.post<{ Params: { id: string }; Body: { workerId: string; errorMessage: string; retries?: number; backoffMs?: number } }>(
    '/api/external-tasks/:id/fail',
    { schema: { tags: ['external tasks'], summary: 'Report a failed attempt (retry with backoff, incident when none left)', params: idParams, body: strictObject({ workerId, errorMessage: { type: 'string', minLength: 1, maxLength: 2000 }, retries: { type: 'integer', minimum: 0, maximum: 100 }, backoffMs: { type: 'integer', minimum: 0, maximum: 86_400_000 } }, ['workerId', 'errorMessage']), response: errorResponses } },
    async (request) => {
      const { principal } = await ensureCan(request, 'retry', 'Job');
      const { workerId: worker, ...input } = request.body;
      await app.engine.failJob(request.params.id, input, { workerId: worker, actor: principal.userId });
      return { ok: true };
    },
  );

  // Business calendar.
  app.get<{ Querystring: { year?: string } }>(
    '/api/calendar/holidays',
    { schema: { tags: ['calendar'], summary: 'Public holidays (weekends are implicit)', querystring: strictObject({ year: { type: 'string', pattern: '^[0-9]{4}$' } }), response: errorResponses } },
    async (request) => {
      callerOf(request);
      return { items: await app.engine.listHolidays(request.query.year ? Number(request.query.year) : undefined) };
    },
  );

  app.put<{ Params: { date: string }; Body: { name: string } }>(
    '/api/admin/holidays/:date',
    { schema: { tags: ['calendar'], summary: 'Add or rename a holiday', params: strictObject({ date: isoDate }, ['date']), body: strictObject({ name: shortText }, ['name']), response: errorResponses } },
    async (request) => {
      const { principal } = await ensureCan(request, 'update', 'Holiday');
      await db.transaction().execute(async (tx) => {
        await app.engine.setHoliday(request.params.date, request.body.name, tx);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'holiday.set', resourceType: 'Holiday', resourceId: request.params.date, detail: { name: request.body.name } });
      });
      return { date: request.params.date, name: request.body.name };
    },
  );

  app.delete<{ Params: { date: string } }>(
    '/api/admin/holidays/:date',
    { schema: { tags: ['calendar'], summary: 'Remove a holiday', params: strictObject({ date: isoDate }, ['date']), response: errorResponses } },
    async (request, reply) => {
      const { principal } = await ensureCan(request, 'delete', 'Holiday');
      await db.transaction().execute(async (tx) => {
        await app.engine.removeHoliday(request.params.date, tx);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'holiday.removed', resourceType: 'Holiday', resourceId: request.params.date });
      });
      return reply.status(204).send();
    },
  );

  // Mail: sent log, pending outbox, and the .eml files written when SMTP_URL is unset.
  app.get<{ Querystring: { limit?: string; offset?: string } }>(
    '/api/admin/mail',
    { schema: { tags: ['mail'], summary: 'Sent mail, the pending outbox and written .eml files', querystring: strictObject({ ...paging }), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Mail');
      const { limit, offset } = pageOf(request.query);
      const sent = await db.selectFrom('mail_log').selectAll().orderBy('sent_at', 'desc').limit(limit).offset(offset).execute();
      const pending = await sql<{ id: string; state: string; attempts: number; due_at: Date; last_error: string | null; payload: unknown }>`
        SELECT id, state, attempts, due_at, last_error, payload FROM job WHERE type = ${MAIL_JOB} ORDER BY due_at LIMIT 200`.execute(db);
      const files = await readdir(mailDir(config)).then((names) => names.filter((n) => n.endsWith('.eml')).sort(), () => [] as string[]);
      return { sent, pending: pending.rows.map((r) => ({ ...r, to: (r.payload as { to?: string }).to, template: (r.payload as { template?: string }).template, payload: undefined })), files };
    },
  );

  app.get<{ Params: { file: string } }>(
    '/api/admin/mail/files/:file',
    { schema: { tags: ['mail'], summary: 'One written .eml message', params: strictObject({ file: { type: 'string', pattern: '^[A-Za-z0-9-]{1,80}\\.eml$' } }, ['file']), response: errorResponses } },
    async (request, reply) => {
      await ensureCan(request, 'read', 'Mail');
      const content = await readFile(path.join(mailDir(config), path.basename(request.params.file))).catch(() => undefined);
      if (!content) throw new AppError('MAIL_NOT_FOUND');
      return reply.type('message/rfc822').send(content);
    },
  );
}
