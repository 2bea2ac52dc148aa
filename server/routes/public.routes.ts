import type { FastifyInstance } from 'fastify';
import { assertValidFormData, getLatestForm, translateForm, type FormsDb } from '../../forms/index';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { callerOf } from '../auth/guard';
import { AppError } from '../errors';
import { findJurisdictionByCode } from '../repositories/jurisdiction.repository';
import { code, errorResponses, jsonObject, pageOf, paging, shortText, strictObject } from './schemas';

const tags = ['public'];
const formId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9.-]*$' } as const;

/** Citizen forms: no sign-in, rate limited per IP; submissions land in the commune's queue. */
export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, config } = app.deps;
  const formsDb = db as unknown as FormsDb;
  const rateLimit = { max: config.publicRateLimitPerMinute, timeWindow: 60_000 };

  async function publicForm(id: string) {
    if (!config.publicForms.includes(id)) throw new AppError('FORM_NOT_FOUND');
    const form = await getLatestForm(formsDb, id);
    if (!form) throw new AppError('FORM_NOT_FOUND');
    return form;
  }

  app.get<{ Params: { id: string }; Querystring: { locale?: 'vi' | 'en' } }>(
    '/api/public/forms/:id',
    { config: { public: true, rateLimit }, schema: { tags, summary: 'A citizen form (translated)', params: strictObject({ id: formId }, ['id']), querystring: strictObject({ locale: { type: 'string', enum: ['vi', 'en'] } }), response: { ...errorResponses, 429: { $ref: 'errorBody#' } } } },
    async (request) => {
      const form = await publicForm(request.params.id);
      return { id: form.id, version: form.version, ...translateForm(form, request.query.locale ?? 'vi') };
    },
  );

  app.post<{ Params: { id: string }; Body: { communeCode: string; contact: { fullName: string; phone?: string; email?: string }; data: Record<string, unknown> } }>(
    '/api/public/forms/:id/submissions',
    {
      config: { public: true, csrf: false, rateLimit },
      schema: {
        tags,
        summary: 'Submit a citizen form to a commune',
        params: strictObject({ id: formId }, ['id']),
        body: strictObject(
          {
            communeCode: code,
            contact: strictObject({ fullName: shortText, phone: { type: 'string', pattern: '^[0-9+ ]{8,15}$' }, email: { type: 'string', format: 'email', maxLength: 200 } }, ['fullName']),
            data: jsonObject,
          },
          ['communeCode', 'contact', 'data'],
        ),
        response: { ...errorResponses, 422: { $ref: 'errorBody#' }, 429: { $ref: 'errorBody#' } },
      },
    },
    async (request, reply) => {
      const form = await publicForm(request.params.id);
      const commune = await findJurisdictionByCode(db, request.body.communeCode);
      if (!commune || commune.level !== 'commune') throw new AppError('JURISDICTION_NOT_FOUND');
      const data = assertValidFormData(form, request.body.data);
      const now = clock.now();
      const id = await db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('public_submission')
          .values({ form_id: form.id, form_version: form.version, commune_code: commune.code, scope: commune.path, data: JSON.stringify(data), contact: JSON.stringify(request.body.contact), ip: request.ip, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: now, actorId: null, action: 'public.submitted', resourceType: 'PublicSubmission', resourceId: row.id, scope: commune.path, detail: { formId: form.id, ip: request.ip } });
        return row.id;
      });
      return reply.status(201).send({ id, receivedAt: now.toISOString() });
    },
  );

  app.get<{ Querystring: { limit?: string; offset?: string } }>(
    '/api/public-submissions',
    { schema: { tags, summary: 'Citizen submissions in the caller’s jurisdiction', querystring: strictObject({ ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = callerOf(request);
      const { limit, offset } = pageOf(request.query);
      const rows = await db
        .selectFrom('public_submission as s')
        .selectAll('s')
        .where(accessibleWhere(ability, 'read', 'Person', { scope: { column: 's.scope' } }))
        .orderBy('s.created_at', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items: rows };
    },
  );
}
