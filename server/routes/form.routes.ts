import type { FastifyInstance } from 'fastify';
import { lintForm, listForms, listFormVersions, requireForm, saveForm, type FormDefinition, type FormsDb, type SaveFormInput } from '../../forms/index';
import { appendAudit } from '../audit/audit.service';
import { ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { errorResponses, jsonObject, pageOf, paging, strictObject } from './schemas';

const tags = ['forms'];
/** the forms module's own id rule (checkFormDefinition) */
const formId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' } as const;
const label = { type: 'string', minLength: 1, maxLength: 300 } as const;
const formParams = strictObject({ id: formId }, ['id']);
const versionParams = strictObject({ id: formId, version: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } }, ['id', 'version']);
const body = strictObject({
  id: formId,
  title: strictObject({ vi: label, en: label }, ['vi', 'en']),
  mau: { type: 'string', minLength: 1, maxLength: 40 },
  schema: jsonObject,
  uiSchema: jsonObject,
  translations: strictObject({ en: jsonObject }),
  examples: strictObject({ valid: { type: 'array', maxItems: 20, items: jsonObject } }),
}, ['id', 'title', 'schema']);
/** a shipped form file is < 60 kB; leave room for large tables and translations */
const bodyLimit = 1_000_000;
const writeResponses = { ...errorResponses, 422: { $ref: 'errorBody#' } };

/**
 * The forms registry for staff (issue 8): list, read any version, save a new version. Forms are
 * global (no jurisdiction): every signed-in user reads them, admins, provincial and variant admins
 * save. A save runs the forms module's checks (lintForm: strict compile of the closed schema, valid
 * examples, known widgets, uiSchema order) and stores latest+1 only when the content changed.
 */
export async function formRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const fdb = db as unknown as FormsDb;

  app.get<{ Querystring: { q?: string; limit?: string; offset?: string } }>(
    '/api/forms',
    { schema: { tags, summary: 'Latest version of every form, by id (paged; q filters id and titles)', querystring: strictObject({ q: { type: 'string', maxLength: 100 }, ...paging }), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Form');
      const { limit, offset } = pageOf(request.query);
      const q = request.query.q?.trim().toLowerCase();
      const all = (await listForms(fdb)).filter((f) => !q || [f.id, f.title.vi, f.title.en].some((t) => t.toLowerCase().includes(q)));
      return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/forms/:id',
    { schema: { tags, summary: 'Latest version of one form', params: formParams, response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Form');
      return requireForm(fdb, request.params.id);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/forms/:id/versions',
    { schema: { tags, summary: 'Every version of one form (number, checksum, author, date), oldest first', params: formParams, response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Form');
      const versions = await listFormVersions(fdb, request.params.id);
      if (versions.length === 0) throw new AppError('FORM_NOT_FOUND');
      return { items: versions.map((v) => ({ id: v.id, version: v.version, title: v.title, checksum: v.checksum, createdAt: v.createdAt, createdBy: v.createdBy })) };
    },
  );

  app.get<{ Params: { id: string; version: string } }>(
    '/api/forms/:id/versions/:version',
    { schema: { tags, summary: 'One version of a form', params: versionParams, response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Form');
      return requireForm(fdb, request.params.id, Number(request.params.version));
    },
  );

  app.post<{ Body: SaveFormInput }>(
    '/api/forms',
    { bodyLimit, schema: { tags, summary: 'Save a form version: checked, stored as latest+1 when changed, the latest itself when unchanged (201 / 200)', body, response: writeResponses } },
    async (request, reply) => {
      const { principal } = await ensureCan(request, 'create', 'Form');
      const input = request.body;
      const problems = lintForm({ ...input, version: 1 } as FormDefinition);
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) throw new AppError('FORM_DEFINITION_INVALID', { problems: errors });
      const result = await db.transaction().execute(async (tx) => {
        const saved = await saveForm(tx as unknown as FormsDb, input, { createdBy: principal.userId, clock });
        if (saved.created) {
          await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'form.version_saved', resourceType: 'Form', resourceId: `${saved.form.id}@${saved.form.version}`, scope: '/', detail: { id: saved.form.id, version: saved.form.version, checksum: saved.form.checksum } });
        }
        return saved;
      });
      const warnings = problems.filter((p) => p.severity === 'warning');
      return reply.status(result.created ? 201 : 200).send({ form: result.form, created: result.created, warnings });
    },
  );
}
