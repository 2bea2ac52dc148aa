import { storeAttachment, type FormsDb } from '../../../forms/index';
import { RENDER_TEMPLATES, renderCaseDocument } from '../../documents/document.service';
import { str, type WorkflowWorker } from './worker.types';

/**
 * `document.render` (input `template`): renders the Mẫu of the case into a PDF attachment (filed
 * under the case's scope) and records its id in the case data under `documents[template]`.
 * Idempotent: a case that already has the document keeps it.
 */
export const documentRenderWorker: WorkflowWorker = {
  type: 'document.render',
  handler: (app) => async (job) => {
    const caseId = str(job.variables.caseId);
    const template = str(job.variables.template);
    if (!caseId || !template) throw new Error('document.render needs caseId and template');
    const mau = RENDER_TEMPLATES[template] ?? template;
    const { db, clock } = app.deps;
    const row = await db.selectFrom('rehab_case').select(['data', 'scope']).where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new Error(`case ${caseId} not found`);
    const data = (row.data ?? {}) as { documents?: Record<string, string> };
    if (data.documents?.[template]) return { [`document_${template.replace(/\W/g, '_')}`]: data.documents[template] };
    const rendered = await renderCaseDocument(db, app.engine, caseId, mau, clock.now());
    if (!rendered) throw new Error(`no document template ${template} (Mẫu ${mau}) for case ${caseId}`);
    const meta = await storeAttachment(db as unknown as FormsDb, {
      fileName: rendered.fileName, bytes: rendered.bytes, declaredType: 'application/pdf', createdBy: 'system', scope: row.scope, clock,
    });
    await db.updateTable('rehab_case')
      .set({ data: JSON.stringify({ ...data, documents: { ...(data.documents ?? {}), [template]: meta.id } }), updated_at: clock.now() })
      .where('id', '=', caseId).execute();
    return { [`document_${template.replace(/\W/g, '_')}`]: meta.id };
  },
};
