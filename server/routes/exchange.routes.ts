import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit.service';
import { allows, callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { encodeExport, exportRows } from '../exchange/export.service';
import { ImportFormatError, importPersons, readRows, type ImportFormat } from '../exchange/import.service';
import { webhookRoutes } from '../exchange/webhook.routes';
import { jurisdictionByCode } from '../indicators/indicator.repository';
import { code, errorResponses, strictObject, uuid } from './schemas';

const tags = ['exchange'];
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const formatOf: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** Data exchange for interconnection: export/import of persons and cases, import runs, webhooks. */
export async function exchangeRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get<{ Querystring: { format?: 'csv' | 'xlsx' | 'json'; jurisdiction?: string } }>(
    '/api/exchange/persons',
    { schema: { tags, summary: 'Export the persons (and their cases) the caller may read, in the import format', querystring: strictObject({ format: { enum: ['csv', 'xlsx', 'json'] }, jurisdiction: code }), response: errorResponses } },
    async (request, reply) => {
      const { principal, ability } = callerOf(request);
      let scope = principal.homePath;
      if (request.query.jurisdiction) {
        const j = await jurisdictionByCode(db, request.query.jurisdiction);
        if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
        await ensureCan(request, 'read', 'Person', { row: { scope: j.path } });
        scope = j.path;
      } else if (!allows(ability, 'read', 'Person', { row: { scope } })) throw new AppError('FORBIDDEN');
      const format = request.query.format ?? 'csv';
      const { rows, personIds } = await exportRows(db, ability, scope);
      await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'exchange.persons-exported', resourceType: 'Person', scope, detail: { format, rows: rows.length, personIds } });
      const { body, contentType } = await encodeExport(format, rows);
      return reply.header('content-type', contentType).header('content-disposition', `attachment; filename="doi-tuong.${format}"`).send(body);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/exchange/imports/:id',
    { schema: { tags, summary: 'Progress and validation report of an import run', params: strictObject({ id: uuid }, ['id']), response: errorResponses } },
    async (request) => {
      const { principal } = callerOf(request);
      const run = await sql<Record<string, unknown>>`SELECT id, format, dry_run AS "dryRun", state, total, processed, imported, errors, created_at AS "createdAt", finished_at AS "finishedAt"
        FROM import_run WHERE id = ${request.params.id} AND (requested_by = ${principal.userId} OR ${principal.roles.includes('admin')})`.execute(db);
      if (!run.rows[0]) throw new AppError('NOT_FOUND');
      return run.rows[0];
    },
  );

  // The import takes the raw file (CSV, XLSX, JSON) with its own body limit and parsers.
  await app.register(async (child) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
    child.post<{ Querystring: { dryRun?: 'true' | 'false'; id?: string }; Body: Buffer }>(
      '/api/exchange/imports',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Import persons (and cases) from CSV / XLSX / JSON (by Content-Type). Every row is validated; any error → 422 IMPORT_INVALID with (row, field, message vi/en) and nothing imported; otherwise all rows in one transaction. dryRun=true only validates. Progress: GET /api/exchange/imports/{id} (pass your own id to poll while it runs).',
          querystring: strictObject({ dryRun: { enum: ['true', 'false'] }, id: uuid }),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const { principal, ability } = callerOf(request);
        const mime = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        const format = formatOf[mime];
        if (!format) throw new AppError('IMPORT_FORMAT_UNSUPPORTED');
        if (!ability.can('create', 'Person')) throw new AppError('FORBIDDEN', { action: 'create', subject: 'Person' });
        const dryRun = request.query.dryRun === 'true';
        const id = request.query.id ?? randomUUID();
        await sql`INSERT INTO import_run (id, format, dry_run, state, requested_by, created_at) VALUES (${id}, ${format}, ${dryRun}, 'running', ${principal.userId}, ${clock.now()})`.execute(db);
        const finish = (state: string, fields: { total?: number; processed?: number; imported?: number; errors?: unknown }) =>
          sql`UPDATE import_run SET state = ${state}, total = ${fields.total ?? 0}, processed = ${fields.processed ?? 0}, imported = ${fields.imported ?? 0},
              errors = ${JSON.stringify(fields.errors ?? [])}::jsonb, finished_at = ${clock.now()} WHERE id = ${id}`.execute(db);
        let parsed;
        try {
          parsed = await readRows(format, request.body);
        } catch (error) {
          if (!(error instanceof ImportFormatError)) throw error;
          await finish('rejected', { errors: [{ row: 0, field: '', code: 'FILE_INVALID', message: { vi: 'Tệp không đọc được.', en: `The file cannot be read: ${error.message}` } }] });
          throw new AppError('IMPORT_INVALID', { id, errors: [{ row: 0, field: '', message: { vi: 'Tệp không đọc được.', en: error.message } }] });
        }
        let outcome;
        try {
          const inTransaction = (tx: typeof db, imported: number) =>
            appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'exchange.persons-imported', resourceType: 'ImportRun', resourceId: id, scope: principal.homePath, detail: { format, rows: imported } }).then(() => undefined);
          outcome = await importPersons(db, { rows: parsed.rows, preErrors: parsed.errors, ability, actorId: principal.userId, now: clock.now(), dryRun, inTransaction }, async (p) => {
            await sql`UPDATE import_run SET total = ${p.total}, processed = ${p.phase === 'validate' ? p.processed : p.total}, imported = ${p.phase === 'insert' ? p.processed : 0} WHERE id = ${id}`.execute(db);
          });
        } catch (error) {
          // The transaction rolled back: nothing of the file is in the database.
          const detail = (error as { detail?: string; message?: string }).detail ?? (error as Error).message;
          await finish('failed', { total: parsed.rows.length, errors: [{ row: 0, field: '', code: 'DATABASE', message: { vi: `Lỗi ghi dữ liệu, không dòng nào được nhập: ${detail}`, en: `Write failed, nothing imported: ${detail}` } }] });
          throw new AppError('IMPORT_INVALID', { id, errors: [{ row: 0, field: '', message: { vi: 'Lỗi ghi dữ liệu, không dòng nào được nhập.', en: 'Write failed, nothing imported.' }, detail }] });
        }
        if (outcome.errorCount) {
          await finish('rejected', { total: outcome.total, processed: outcome.total, errors: outcome.errors });
          throw new AppError('IMPORT_INVALID', { id, total: outcome.total, errorCount: outcome.errorCount, errors: outcome.errors });
        }
        await finish('done', { total: outcome.total, processed: outcome.total, imported: outcome.imported });
        return reply.status(dryRun ? 200 : 201).send({ id, state: 'done', dryRun, total: outcome.total, imported: outcome.imported, errors: [] });
      },
    );
  });

  await app.register(webhookRoutes);
}
