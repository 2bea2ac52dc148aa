import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan } from '../auth/guard';
import { AGENCY_KINDS } from '../auth/principal';
import { AppError } from '../errors';
import { findJurisdictionByCode, listJurisdictions } from '../repositories/jurisdiction.repository';
import { code, errorResponses, isoDate, shortText, strictObject, uuid } from './schemas';

const level = { type: 'string', enum: ['province', 'district', 'commune'] } as const;
const structure = { type: 'string', enum: ['2022', '2025'] } as const;
const kind = { type: 'string', enum: [...AGENCY_KINDS] } as const;
const group = { type: 'string', minLength: 3, maxLength: 80, pattern: '^[a-z_]+:[A-Za-z0-9_.-]+$' } as const;

/** Jurisdictions (tree with materialised paths) and agencies: readable by all, managed by admins in their subtree. */
export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get<{ Querystring: { parentCode?: string; structure?: string; level?: string; under?: string } }>(
    '/api/jurisdictions',
    { schema: { tags: ['jurisdictions'], summary: 'List jurisdictions (filter by parent, structure, level, subtree path)', querystring: strictObject({ parentCode: code, structure, level, under: { type: 'string', pattern: '^/([A-Za-z0-9-]+/)*$', maxLength: 100 } }), response: errorResponses } },
    async (request) => {
      callerOf(request);
      return { items: await listJurisdictions(db, request.query) };
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/jurisdictions/:code',
    { schema: { tags: ['jurisdictions'], summary: 'One jurisdiction with its children', params: strictObject({ code }, ['code']), response: errorResponses } },
    async (request) => {
      callerOf(request);
      const j = await findJurisdictionByCode(db, request.params.code);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      return { ...j, children: await listJurisdictions(db, { parentCode: j.code }) };
    },
  );

  app.post<{ Body: { code: string; name: string; level: 'province' | 'district' | 'commune'; parentCode?: string; structure: '2022' | '2025'; validFrom?: string; validTo?: string } }>(
    '/api/admin/jurisdictions',
    { schema: { tags: ['admin'], summary: 'Create a jurisdiction under a parent', body: strictObject({ code, name: shortText, level, parentCode: code, structure, validFrom: isoDate, validTo: isoDate }, ['code', 'name', 'level', 'structure']), response: errorResponses } },
    async (request, reply) => {
      const b = request.body;
      const parent = b.parentCode ? await findJurisdictionByCode(db, b.parentCode) : undefined;
      if (b.parentCode && !parent) throw new AppError('JURISDICTION_NOT_FOUND');
      if ((b.level === 'province') !== !parent) throw new AppError('JURISDICTION_INVALID');
      const path = `${parent?.path ?? '/'}${b.code}/`;
      const { principal } = await ensureCan(request, 'create', 'Jurisdiction', { row: { scope: path } });
      const row = await db.transaction().execute(async (tx) => {
        if (await findJurisdictionByCode(tx, b.code)) throw new AppError('DUPLICATE');
        const created = await tx
          .insertInto('jurisdiction')
          .values({ code: b.code, name: b.name, level: b.level, parent_id: parent?.id ?? null, path, structure: b.structure, valid_from: b.validFrom ?? null, valid_to: b.validTo ?? null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'jurisdiction.created', resourceType: 'Jurisdiction', resourceId: created.id, scope: path, detail: { code: b.code } });
        return created;
      });
      return reply.status(201).send(row);
    },
  );

  app.patch<{ Params: { code: string }; Body: { name?: string; validFrom?: string | null; validTo?: string | null } }>(
    '/api/admin/jurisdictions/:code',
    { schema: { tags: ['admin'], summary: 'Rename or set validity dates', params: strictObject({ code }, ['code']), body: strictObject({ name: shortText, validFrom: { type: ['string', 'null'], format: 'date' }, validTo: { type: ['string', 'null'], format: 'date' } }), response: errorResponses } },
    async (request) => {
      const j = await findJurisdictionByCode(db, request.params.code);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'Jurisdiction', { row: { id: j.id, scope: j.path } });
      const b = request.body;
      return db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('jurisdiction')
          .set({ ...(b.name ? { name: b.name } : {}), ...(b.validFrom !== undefined ? { valid_from: b.validFrom } : {}), ...(b.validTo !== undefined ? { valid_to: b.validTo } : {}) })
          .where('id', '=', j.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'jurisdiction.updated', resourceType: 'Jurisdiction', resourceId: j.id, scope: j.path, detail: b });
        return updated;
      });
    },
  );

  app.get<{ Querystring: { kind?: string; jurisdictionCode?: string } }>(
    '/api/agencies',
    { schema: { tags: ['agencies'], summary: 'List agencies', querystring: strictObject({ kind, jurisdictionCode: code }), response: errorResponses } },
    async (request) => {
      callerOf(request);
      let q = db.selectFrom('agency as a').innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id').selectAll('a').select(['j.code as jurisdiction_code', 'j.path as jurisdiction_path']);
      if (request.query.kind) q = q.where('a.kind', '=', request.query.kind);
      if (request.query.jurisdictionCode) q = q.where('j.code', '=', request.query.jurisdictionCode);
      return { items: await q.orderBy('j.path').orderBy('a.code').limit(5000).execute() };
    },
  );

  app.post<{ Body: { code: string; name: string; kind: string; jurisdictionCode: string; candidateGroups?: string[] } }>(
    '/api/admin/agencies',
    { schema: { tags: ['admin'], summary: 'Create an agency in a jurisdiction', body: strictObject({ code, name: shortText, kind, jurisdictionCode: code, candidateGroups: { type: 'array', items: group, maxItems: 20, uniqueItems: true } }, ['code', 'name', 'kind', 'jurisdictionCode']), response: errorResponses } },
    async (request, reply) => {
      const b = request.body;
      const j = await findJurisdictionByCode(db, b.jurisdictionCode);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'create', 'Agency', { row: { scope: j.path } });
      const row = await db.transaction().execute(async (tx) => {
        const exists = await tx.selectFrom('agency').select('id').where('code', '=', b.code).executeTakeFirst();
        if (exists) throw new AppError('DUPLICATE');
        const created = await tx
          .insertInto('agency')
          .values({ code: b.code, name: b.name, kind: b.kind, jurisdiction_id: j.id, candidate_groups: b.candidateGroups ?? [`${b.kind}:${j.code}`, `agency:${b.code}`] })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'agency.created', resourceType: 'Agency', resourceId: created.id, scope: j.path, detail: { code: b.code } });
        return created;
      });
      return reply.status(201).send(row);
    },
  );

  app.patch<{ Params: { id: string }; Body: { name?: string; candidateGroups?: string[] } }>(
    '/api/admin/agencies/:id',
    { schema: { tags: ['admin'], summary: 'Rename an agency or change the candidate groups it answers', params: strictObject({ id: uuid }, ['id']), body: strictObject({ name: shortText, candidateGroups: { type: 'array', items: group, maxItems: 20, uniqueItems: true } }), response: errorResponses } },
    async (request) => {
      const a = await db.selectFrom('agency as a').innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id').select(['a.id', 'j.path']).where('a.id', '=', request.params.id).executeTakeFirst();
      if (!a) throw new AppError('AGENCY_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'Agency', { row: { id: a.id, scope: a.path } });
      const b = request.body;
      return db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('agency')
          .set({ ...(b.name ? { name: b.name } : {}), ...(b.candidateGroups ? { candidate_groups: b.candidateGroups } : {}) })
          .where('id', '=', a.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'agency.updated', resourceType: 'Agency', resourceId: a.id, scope: a.path, detail: b });
        return updated;
      });
    },
  );

  // Admin listing of agencies they manage (same CASL rules as SQL).
  app.get('/api/admin/agencies', { schema: { tags: ['admin'], summary: 'Agencies the caller may manage', response: errorResponses } }, async (request) => {
    const { ability } = callerOf(request);
    const rows = await db.selectFrom('agency as a').innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id').selectAll('a').select('j.path as jurisdiction_path').where(accessibleWhere(ability, 'update', 'Agency', columnMaps.Agency)).orderBy('j.path').execute();
    return { items: rows };
  });
}
