import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { ensureCan } from '../auth/guard';
import { renderCaseDocument } from '../documents/document.service';
import { documentTemplates } from '../documents/document-templates';
import { AppError } from '../errors';
import { findCase } from '../repositories/case.repository';
import { errorResponses, strictObject, uuid } from './schemas';

const MEDICAL_DOCUMENTS = new Set(['05']);

/** GET /api/cases/:id/documents/:mau.pdf — the official document of a case, authorised like the case. */
export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  app.get<{ Params: { id: string; mau: string } }>(
    '/api/cases/:id/documents/:mau.pdf',
    {
      schema: {
        tags: ['cases'],
        summary: `Official document (PDF) of a case by Mẫu number: ${documentTemplates.map((t) => t.mau).join(', ')}`,
        params: strictObject({ id: uuid, mau: { type: 'string', pattern: '^[0-9]{1,2}$' } }, ['id', 'mau']),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const row = await findCase(db, request.params.id);
      if (!row) throw new AppError('CASE_NOT_FOUND');
      const mau = request.params.mau.padStart(2, '0');
      const { principal } = await ensureCan(request, 'read', 'Case', { row, ...(MEDICAL_DOCUMENTS.has(mau) ? { field: 'medical' } : {}) });
      const rendered = await renderCaseDocument(db, app.engine, row.id, mau, clock.now());
      if (!rendered) throw new AppError('NOT_FOUND');
      await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'case.document.read', resourceType: 'Case', resourceId: row.id, scope: row.scope, detail: { mau } });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${rendered.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(rendered.bytes);
    },
  );
}
