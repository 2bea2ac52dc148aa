import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppAbility } from '../auth/abilities';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { allows, callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import { findCase, listCases } from '../repositories/case.repository';
import { findPerson } from '../repositories/person.repository';
import { errorResponses, idParams, jsonObject, pageOf, paging, shortText, strictObject, uuid } from './schemas';

const tags = ['cases'];
const procedureKey = { type: 'string', minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_.-]+$' } as const;
const status = { type: 'string', maxLength: 40, pattern: '^[a-z_]+$' } as const;

/** Field-level rule: the medical part only for those allowed to read it on this case. */
export function projectCase<T extends { medical: unknown; scope: string }>(ability: AppAbility, row: T): T | Omit<T, 'medical'> {
  if (allows(ability, 'read', 'Case', { row, field: 'medical' })) return row;
  const { medical: _hidden, ...rest } = row;
  return { ...rest, medicalHidden: true };
}

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get<{ Querystring: { personId?: string; status?: string; procedureKey?: string; limit?: string; offset?: string } }>(
    '/api/cases',
    { schema: { tags, summary: 'Cases in the caller’s jurisdiction', querystring: strictObject({ personId: uuid, status, procedureKey, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability, principal } = callerOf(request);
      const result = await listCases(db, accessibleWhere(ability, 'read', 'Case', columnMaps.Case), { ...request.query, ...pageOf(request.query) });
      if (result.rows.length) await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'case.list', resourceType: 'Case', detail: { personId: request.query.personId, results: result.rows.map((r) => r.id) } });
      return { total: result.total, items: result.rows.map((r) => projectCase(ability, r)) };
    },
  );

  app.get<{ Params: { id: string } }>('/api/cases/:id', { schema: { tags, summary: 'One case (the read is audited; medical data only for health, court and the case’s police)', params: idParams, response: errorResponses } }, async (request) => {
    const row = await findCase(db, request.params.id);
    if (!row) throw new AppError('CASE_NOT_FOUND');
    const { principal, ability } = await ensureCan(request, 'read', 'Case', { row });
    const projected = projectCase(ability, row);
    await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'case.read', resourceType: 'Case', resourceId: row.id, scope: row.scope, detail: { medical: 'medical' in projected } });
    return projected;
  });

  app.post<{ Body: { personId: string; procedureKey: string; title: string; data?: Record<string, unknown>; medical?: Record<string, unknown> } }>(
    '/api/cases',
    { config: idempotent, schema: { tags, summary: 'Open a case for a person', body: strictObject({ personId: uuid, procedureKey, title: shortText, data: jsonObject, medical: jsonObject }, ['personId', 'procedureKey', 'title']), response: errorResponses } },
    async (request, reply) => {
      const b = request.body;
      const person = await findPerson(db, b.personId);
      if (!person) throw new AppError('PERSON_NOT_FOUND');
      await ensureCan(request, 'read', 'Person', { row: person });
      const { principal } = await ensureCan(request, 'create', 'Case', { row: { scope: person.scope }, ...(b.medical ? { field: 'medical' } : {}) });
      const now = clock.now();
      const { ability } = callerOf(request);
      const opened = await db.transaction().execute(async (tx) => {
        const created = await tx
          .insertInto('rehab_case')
          .values({
            code: `HS-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
            person_id: person.id,
            procedure_key: b.procedureKey,
            title: b.title,
            scope: person.scope,
            data: JSON.stringify(b.data ?? {}),
            medical: b.medical ? JSON.stringify(b.medical) : null,
            created_by: principal.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(tx, { at: now, actorId: principal.userId, action: 'case.created', resourceType: 'Case', resourceId: created.id, scope: person.scope, detail: { personId: person.id, procedureKey: b.procedureKey } });
        const body = projectCase(ability, (await findCase(tx, created.id))!);
        await rememberResult(tx, request, 201, body);
        return body;
      });
      return reply.status(201).send(opened);
    },
  );

  app.patch<{ Params: { id: string }; Body: { title?: string; status?: string; data?: Record<string, unknown>; medical?: Record<string, unknown> } }>(
    '/api/cases/:id',
    { schema: { tags, summary: 'Update a case (medical part: health facilities only)', params: idParams, body: strictObject({ title: shortText, status, data: jsonObject, medical: jsonObject }), response: errorResponses } },
    async (request) => {
      const row = await findCase(db, request.params.id);
      if (!row) throw new AppError('CASE_NOT_FOUND');
      const b = request.body;
      const { principal, ability } = await ensureCan(request, 'update', 'Case', { row });
      if (b.medical) await ensureCan(request, 'update', 'Case', { row, field: 'medical' });
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('rehab_case')
          .set({
            ...(b.title ? { title: b.title } : {}),
            ...(b.status ? { status: b.status } : {}),
            ...(b.data ? { data: JSON.stringify(b.data) } : {}),
            ...(b.medical ? { medical: JSON.stringify(b.medical) } : {}),
            updated_at: now,
          })
          .where('id', '=', row.id)
          .execute();
        await appendAudit(tx, { at: now, actorId: principal.userId, action: 'case.updated', resourceType: 'Case', resourceId: row.id, scope: row.scope, detail: { fields: Object.keys(b) } });
      });
      return projectCase(ability, (await findCase(db, row.id))!);
    },
  );
}
