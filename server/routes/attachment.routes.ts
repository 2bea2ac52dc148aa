import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { getAttachment, getAttachmentMeta, storeAttachment, type FormsDb } from '../../forms/index';
import { appendAudit } from '../audit/audit.service';
import { callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { idempotent, rememberResult, replayIfSeen, requestHash } from '../plugins/idempotency.plugin';
import { findCase } from '../repositories/case.repository';
import { findPerson } from '../repositories/person.repository';
import { taskSubject, type TaskRow } from '../services/task-view.service';
import { errorResponses, idParams, strictObject, uuid } from './schemas';

const tags = ['attachments'];

/** busboy's parse errors (e.g. a body whose boundary is not the declared one) carry no status: the request is malformed, not the server. */
function malformed(error: unknown): never {
  if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
  throw new AppError('BAD_REQUEST', { reason: error instanceof Error ? error.message : 'malformed multipart body' });
}

/** Uploads into the forms module's attachment storage; downloads authorised by the attachment's scope. */
export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, config } = app.deps;
  const formsDb = db as unknown as FormsDb;
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5, fieldSize: 1000 } });

  /** The scope a new attachment belongs to, after checking the caller may read its owner. */
  async function ownerScope(request: FastifyRequest, q: { taskId?: string; caseId?: string; personId?: string }): Promise<string> {
    if (q.taskId) {
      const task = (await app.engine.getTask(q.taskId)) as TaskRow | null;
      if (!task) throw new AppError('TASK_NOT_FOUND');
      await ensureCan(request, 'read', 'Task', { row: taskSubject(task), resourceId: task.id });
      return task.scope ?? '/';
    }
    if (q.caseId) {
      const row = await findCase(db, q.caseId);
      if (!row) throw new AppError('CASE_NOT_FOUND');
      await ensureCan(request, 'update', 'Case', { row });
      return row.scope;
    }
    if (q.personId) {
      const row = await findPerson(db, q.personId);
      if (!row) throw new AppError('PERSON_NOT_FOUND');
      await ensureCan(request, 'update', 'Person', { row });
      return row.scope;
    }
    throw new AppError('VALIDATION_FAILED', [{ path: '/taskId', keyword: 'required', message: 'taskId, caseId or personId' }]);
  }

  app.post<{ Querystring: { taskId?: string; caseId?: string; personId?: string } }>(
    '/api/attachments',
    {
      config: idempotent,
      schema: {
        tags,
        summary: 'Upload one file (multipart/form-data, field "file") for a task, case or person',
        consumes: ['multipart/form-data'],
        querystring: strictObject({ taskId: uuid, caseId: uuid, personId: uuid }),
        response: { ...errorResponses, 413: { $ref: 'errorBody#' }, 415: { $ref: 'errorBody#' } },
      },
    },
    async (request, reply) => {
      const { principal } = callerOf(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const scope = await ownerScope(request, request.query);
      const file = await request.file().catch(malformed);
      if (!file) throw new AppError('VALIDATION_FAILED', [{ path: '/file', keyword: 'required' }]);
      const bytes = await file.toBuffer().catch(malformed);
      if (file.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (await replayIfSeen(db, request, reply, requestHash(request, { fileName: file.filename, type: file.mimetype, sha256: digest }))) return reply;
      const meta = await db.transaction().execute(async (tx) => {
        const stored = await storeAttachment(tx as unknown as FormsDb, { fileName: file.filename, bytes, declaredType: file.mimetype, createdBy: principal.userId, scope, maxBytes: config.maxUploadBytes, clock });
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'attachment.uploaded', resourceType: 'Attachment', resourceId: stored.id, scope, detail: { ...request.query, fileName: stored.fileName, size: stored.size } });
        await rememberResult(tx, request, 201, stored);
        return stored;
      });
      return reply.status(201).send(meta);
    },
  );

  async function readable(request: FastifyRequest<{ Params: { id: string } }>) {
    const meta = await getAttachmentMeta(formsDb, request.params.id);
    if (!meta) throw new AppError('ATTACHMENT_NOT_FOUND');
    await ensureCan(request, 'read', 'Attachment', { row: { id: meta.id, scope: meta.scope }, resourceId: meta.id });
    return meta;
  }

  app.get<{ Params: { id: string } }>('/api/attachments/:id/meta', { schema: { tags, summary: 'Attachment metadata', params: idParams, response: errorResponses } }, async (request) => readable(request));

  app.get<{ Params: { id: string } }>('/api/attachments/:id', { schema: { tags, summary: 'Download (authorised like the case or task it belongs to; audited)', params: idParams, response: errorResponses } }, async (request, reply) => {
    const meta = await readable(request);
    const file = await getAttachment(formsDb, meta.id);
    await appendAudit(db, { at: clock.now(), actorId: callerOf(request).principal.userId, action: 'attachment.read', resourceType: 'Attachment', resourceId: meta.id, scope: meta.scope });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.data);
  });
}
