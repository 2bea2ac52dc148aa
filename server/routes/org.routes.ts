import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan } from '../auth/guard';
import { AGENCY_KINDS } from '../auth/principal';
import { deleteUserSessions } from '../auth/session.service';
import { AppError } from '../errors';
import { findJurisdictionByCode, listJurisdictions } from '../repositories/jurisdiction.repository';
import { defaultAgencyGroups, findAgency, listManagedAgencies, listManagedJurisdictions, setAgencyUsersDisabled } from '../services/org-admin.service';
import { code, errorResponses, idParams, isoDate, pageOf, paging, shortText, strictObject, uuid } from './schemas';

const level = { type: 'string', enum: ['province', 'district', 'commune'] } as const;
const structure = { type: 'string', enum: ['2022', '2025'] } as const;
const kind = { type: 'string', enum: [...AGENCY_KINDS] } as const;
const group = { type: 'string', minLength: 3, maxLength: 80, pattern: '^[a-z_]+:[A-Za-z0-9_.-]+$' } as const;
const groups = { type: 'array', items: group, maxItems: 20, uniqueItems: true } as const;
const nullableDate = { type: ['string', 'null'], format: 'date' } as const;
const search = { type: 'string', maxLength: 60 } as const;
/** A PATCH must change something. */
/** The province code of a jurisdiction path ('/99/99130/' → '99'). */
const provinceOf = (path: string) => path.split('/').filter(Boolean)[0] ?? '';
const patchOf = (properties: Record<string, unknown>) => ({ ...strictObject(properties), minProperties: 1 });
const withUnprocessable = { ...errorResponses, 422: { $ref: 'errorBody#' } } as const;

/** Validity dates (YYYY-MM-DD, or null) must not end before they start. */
function checkValidity(from: string | Date | null | undefined, to: string | Date | null | undefined): void {
  const day = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
  if (from && to && day(to) < day(from)) throw new AppError('VALIDITY_INVALID');
}

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
    { schema: { tags: ['admin'], summary: 'Create a jurisdiction under a parent', body: strictObject({ code, name: shortText, level, parentCode: code, structure, validFrom: isoDate, validTo: isoDate }, ['code', 'name', 'level', 'structure']), response: withUnprocessable } },
    async (request, reply) => {
      const b = request.body;
      const parent = b.parentCode ? await findJurisdictionByCode(db, b.parentCode) : undefined;
      if (b.parentCode && !parent) throw new AppError('JURISDICTION_NOT_FOUND');
      if ((b.level === 'province') !== !parent) throw new AppError('JURISDICTION_INVALID');
      checkValidity(b.validFrom, b.validTo);
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

  app.get<{ Params: { code: string } }>(
    '/api/admin/jurisdictions/:code/court-areas',
    { schema: { tags: ['admin'], summary: 'The regional court areas of this jurisdiction\'s province (2025 structure), to set a commune\'s court area', params: strictObject({ code }, ['code']), response: errorResponses } },
    async (request) => {
      const j = await findJurisdictionByCode(db, request.params.code);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      await ensureCan(request, 'update', 'Jurisdiction', { row: { id: j.id, scope: j.path } });
      const items = await db.selectFrom('court_area').select(['code', 'name', 'court_agency_code']).where('province_code', '=', provinceOf(j.path)).orderBy('code').execute();
      return { items, current: j.court_area_code ?? null };
    },
  );

  app.patch<{ Params: { code: string }; Body: { name?: string; validFrom?: string | null; validTo?: string | null; courtAreaCode?: string | null } }>(
    '/api/admin/jurisdictions/:code',
    { schema: { tags: ['admin'], summary: 'Rename, set validity dates (validTo = today ends it; null makes it valid again) or the regional court area (new cases go to that court)', params: strictObject({ code }, ['code']), body: patchOf({ name: shortText, validFrom: nullableDate, validTo: nullableDate, courtAreaCode: { type: ['string', 'null'], minLength: 1, maxLength: 40 } }), response: withUnprocessable } },
    async (request) => {
      const j = await findJurisdictionByCode(db, request.params.code);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'Jurisdiction', { row: { id: j.id, scope: j.path } });
      const b = request.body;
      checkValidity(b.validFrom !== undefined ? b.validFrom : j.valid_from, b.validTo !== undefined ? b.validTo : j.valid_to);
      return db.transaction().execute(async (tx) => {
        if (typeof b.courtAreaCode === 'string') {
          const area = await tx.selectFrom('court_area').select('code').where('code', '=', b.courtAreaCode).where('province_code', '=', provinceOf(j.path)).executeTakeFirst();
          if (!area) throw new AppError('COURT_AREA_INVALID');
        }
        const updated = await tx
          .updateTable('jurisdiction')
          .set({
            ...(b.name ? { name: b.name } : {}), ...(b.validFrom !== undefined ? { valid_from: b.validFrom } : {}), ...(b.validTo !== undefined ? { valid_to: b.validTo } : {}),
            ...(b.courtAreaCode !== undefined ? { court_area_code: b.courtAreaCode } : {}),
          })
          .where('id', '=', j.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'jurisdiction.updated', resourceType: 'Jurisdiction', resourceId: j.id, scope: j.path, detail: { ...b, before: { name: j.name, validFrom: j.valid_from, validTo: j.valid_to, courtAreaCode: j.court_area_code ?? null } } });
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
    { schema: { tags: ['admin'], summary: 'Create an agency in a jurisdiction', body: strictObject({ code, name: shortText, kind, jurisdictionCode: code, candidateGroups: groups }, ['code', 'name', 'kind', 'jurisdictionCode']), response: errorResponses } },
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
          .values({ code: b.code, name: b.name, kind: b.kind, jurisdiction_id: j.id, candidate_groups: b.candidateGroups ?? defaultAgencyGroups(b.kind, j.code, b.code) })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'agency.created', resourceType: 'Agency', resourceId: created.id, scope: j.path, detail: { code: b.code } });
        return created;
      });
      return reply.status(201).send(row);
    },
  );

  app.patch<{ Params: { id: string }; Body: { name?: string; kind?: string; jurisdictionCode?: string; candidateGroups?: string[] } }>(
    '/api/admin/agencies/:id',
    { schema: { tags: ['admin'], summary: 'Rename an agency, change its kind, move it to another jurisdiction (its users move with it) or set the candidate groups it answers', params: idParams, body: patchOf({ name: shortText, kind, jurisdictionCode: code, candidateGroups: groups }), response: errorResponses } },
    async (request) => {
      const a = await findAgency(db, request.params.id);
      if (!a) throw new AppError('AGENCY_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'Agency', { row: { id: a.id, scope: a.path } });
      const b = request.body;
      const target = b.jurisdictionCode && b.jurisdictionCode !== a.jurisdiction_code ? await findJurisdictionByCode(db, b.jurisdictionCode) : undefined;
      if (b.jurisdictionCode && b.jurisdictionCode !== a.jurisdiction_code && !target) throw new AppError('JURISDICTION_NOT_FOUND');
      // Moving needs the right to manage agencies at the destination too (a provincial admin stays in the province).
      if (target) await ensureCan(request, 'update', 'Agency', { row: { id: a.id, scope: target.path } });
      const kindNow = b.kind ?? a.kind;
      const codeNow = target?.code ?? a.jurisdiction_code;
      // Default groups follow the kind and place; groups an admin set by hand stay unless replaced.
      const hadDefaults = a.candidate_groups.join() === defaultAgencyGroups(a.kind, a.jurisdiction_code, a.code).join();
      const candidateGroups = b.candidateGroups ?? (hadDefaults && (b.kind || target) ? defaultAgencyGroups(kindNow, codeNow, a.code) : undefined);
      return db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('agency')
          .set({ ...(b.name ? { name: b.name } : {}), ...(b.kind ? { kind: b.kind } : {}), ...(target ? { jurisdiction_id: target.id } : {}), ...(candidateGroups ? { candidate_groups: candidateGroups } : {}) })
          .where('id', '=', a.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        // A moved agency's users get a new home subtree: end their sessions so the next sign-in sees it.
        if (target || b.kind || candidateGroups) {
          const users = await tx.selectFrom('app_user').select('id').where('agency_id', '=', a.id).execute();
          for (const u of users) await deleteUserSessions(tx, u.id);
        }
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'agency.updated', resourceType: 'Agency', resourceId: a.id, scope: target?.path ?? a.path, detail: { ...b, candidateGroups, before: { name: a.name, kind: a.kind, jurisdictionCode: a.jurisdiction_code, candidateGroups: a.candidate_groups } } });
        return updated;
      });
    },
  );

  /** The agency whose accounts a command changes: managing the agency and its users is needed. */
  async function agencyForAccounts(request: FastifyRequest<{ Params: { id: string } }>) {
    const a = await findAgency(db, request.params.id);
    if (!a) throw new AppError('AGENCY_NOT_FOUND');
    const { principal } = await ensureCan(request, 'update', 'Agency', { row: { id: a.id, scope: a.path } });
    await ensureCan(request, 'update', 'User', { row: { scope: a.path } });
    return { a, principal };
  }

  app.post<{ Params: { id: string } }>(
    '/api/admin/agencies/:id/deactivate',
    { schema: { tags: ['admin'], summary: 'Deactivate an agency: disable every account of it and end their sessions (the agency and its history stay); answers the ids disabled, for undo', params: idParams, response: errorResponses } },
    async (request) => {
      const { a, principal } = await agencyForAccounts(request);
      return db.transaction().execute(async (tx) => {
        const userIds = await setAgencyUsersDisabled(tx, a.id, true);
        for (const id of userIds) await deleteUserSessions(tx, id);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'agency.deactivated', resourceType: 'Agency', resourceId: a.id, scope: a.path, detail: { userIds } });
        return { disabledUserIds: userIds };
      });
    },
  );

  app.post<{ Params: { id: string }; Body: { userIds?: string[] } }>(
    '/api/admin/agencies/:id/reactivate',
    { schema: { tags: ['admin'], summary: 'Enable the agency’s accounts again: the given ones (undo of a deactivation) or all of them', params: idParams, body: strictObject({ userIds: { type: 'array', items: uuid, maxItems: 5000, uniqueItems: true } }), response: errorResponses } },
    async (request) => {
      const { a, principal } = await agencyForAccounts(request);
      return db.transaction().execute(async (tx) => {
        const userIds = await setAgencyUsersDisabled(tx, a.id, false, request.body?.userIds);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'agency.reactivated', resourceType: 'Agency', resourceId: a.id, scope: a.path, detail: { userIds } });
        return { enabledUserIds: userIds };
      });
    },
  );

  app.get<{ Querystring: { q?: string; kind?: string; jurisdictionCode?: string; limit?: string; offset?: string } }>(
    '/api/admin/agencies',
    { schema: { tags: ['admin'], summary: 'Agencies the caller may manage, with active/total accounts (search by name or code; paged)', querystring: strictObject({ q: search, kind, jurisdictionCode: code, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = callerOf(request);
      return listManagedAgencies(db, accessibleWhere(ability, 'update', 'Agency', columnMaps.Agency), { ...request.query, ...pageOf(request.query) });
    },
  );

  app.get<{ Querystring: { q?: string; level?: 'province' | 'district' | 'commune'; parentCode?: string; limit?: string; offset?: string } }>(
    '/api/admin/jurisdictions',
    { schema: { tags: ['admin'], summary: 'Jurisdictions the caller may manage, with parent and number of agencies (search; paged)', querystring: strictObject({ q: search, level, parentCode: code, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = callerOf(request);
      return listManagedJurisdictions(db, accessibleWhere(ability, 'update', 'Jurisdiction', columnMaps.Jurisdiction), { ...request.query, ...pageOf(request.query) });
    },
  );
}
