import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import { findJurisdictionByCode } from '../repositories/jurisdiction.repository';
import { findPerson, insertPerson, searchPersons, type NewPerson } from '../repositories/person.repository';
import { personTimeline } from '../services/timeline.service';
import { code, errorResponses, idParams, isoDate, pageOf, paging, shortText, strictObject } from './schemas';

const tags = ['persons'];
const idNumber = { type: 'string', pattern: '^[0-9A-Z]{6,20}$' } as const;
const personBody = {
  fullName: shortText,
  otherNames: { type: 'array', items: shortText, maxItems: 10 },
  dateOfBirth: isoDate,
  sex: { type: 'string', enum: ['male', 'female'] },
  idType: { type: 'string', enum: ['cccd', 'cmnd', 'passport', 'birth_certificate'] },
  idNumber,
  communeCode: code,
  permanentAddress: { type: 'string', maxLength: 500 },
  status: { type: 'string', maxLength: 40, pattern: '^[a-z_]+$' },
};

/** The person register: search (accent-insensitive), read (audited), create, update, timeline. */
export async function personRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get<{ Querystring: { q?: string; idNumber?: string; communeCode?: string; status?: string; limit?: string; offset?: string } }>(
    '/api/persons',
    { schema: { tags, summary: 'Search persons by name (accent-insensitive; a name containing the term, else similar names) or ID number, within the caller’s jurisdiction', querystring: strictObject({ q: { type: 'string', maxLength: 100 }, idNumber, communeCode: code, status: { type: 'string', maxLength: 40 }, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability, principal } = callerOf(request);
      const result = await searchPersons(db, accessibleWhere(ability, 'read', 'Person', columnMaps.Person), { ...request.query, ...pageOf(request.query) });
      await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'person.search', resourceType: 'Person', detail: { q: request.query.q, idNumber: request.query.idNumber, results: result.rows.map((r) => r.id) } });
      return { total: result.total, items: result.rows };
    },
  );

  app.get<{ Params: { id: string } }>('/api/persons/:id', { schema: { tags, summary: 'One person (the read is audited)', params: idParams, response: errorResponses } }, async (request) => {
    const person = await findPerson(db, request.params.id);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    const { principal } = await ensureCan(request, 'read', 'Person', { row: person });
    await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'person.read', resourceType: 'Person', resourceId: person.id, scope: person.scope });
    return person;
  });

  app.get<{ Params: { id: string } }>('/api/persons/:id/timeline', { schema: { tags, summary: 'Statuses, cases and procedure events of a person', params: idParams, response: errorResponses } }, async (request) => {
    const person = await findPerson(db, request.params.id);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    const { principal, ability } = await ensureCan(request, 'read', 'Person', { row: person });
    await appendAudit(db, { at: clock.now(), actorId: principal.userId, action: 'person.read', resourceType: 'Person', resourceId: person.id, scope: person.scope, detail: { view: 'timeline' } });
    return { person, events: await personTimeline(db, ability, person) };
  });

  app.post<{ Body: NewPerson }>(
    '/api/persons',
    { config: idempotent, schema: { tags, summary: 'Register a person in a commune', body: strictObject(personBody, ['fullName', 'communeCode']), response: errorResponses } },
    async (request, reply) => {
      const commune = await findJurisdictionByCode(db, request.body.communeCode);
      if (!commune) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'create', 'Person', { row: { scope: commune.path } });
      const person = await db.transaction().execute(async (tx) => {
        if (request.body.idNumber && (await tx.selectFrom('person').select('id').where('id_number', '=', request.body.idNumber).executeTakeFirst())) throw new AppError('DUPLICATE');
        const created = await insertPerson(tx, request.body, commune.path, commune.path.split('/')[1], principal.userId, clock.now());
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'person.created', resourceType: 'Person', resourceId: created.id, scope: commune.path, detail: { fullName: request.body.fullName } });
        const body = await findPerson(tx, created.id);
        await rememberResult(tx, request, 201, body);
        return body;
      });
      return reply.status(201).send(person);
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<NewPerson> }>(
    '/api/persons/:id',
    { schema: { tags, summary: 'Correct a person’s details or record a new status', params: idParams, body: strictObject(personBody), response: errorResponses } },
    async (request) => {
      const person = await findPerson(db, request.params.id);
      if (!person) throw new AppError('PERSON_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'Person', { row: person });
      const b = request.body;
      let scope = person.scope;
      if (b.communeCode && b.communeCode !== person.commune_code) {
        const commune = await findJurisdictionByCode(db, b.communeCode);
        if (!commune) throw new AppError('JURISDICTION_NOT_FOUND');
        await ensureCan(request, 'update', 'Person', { row: { ...person, scope: commune.path } });
        scope = commune.path;
      }
      const now = clock.now();
      const statuses = (person.statuses as { status: string; from: string; to?: string }[]) ?? [];
      if (b.status && b.status !== person.status) {
        const today = now.toISOString().slice(0, 10);
        if (statuses.length) statuses[statuses.length - 1].to = today;
        statuses.push({ status: b.status, from: today });
      }
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('person')
          .set({
            ...(b.fullName ? { full_name: b.fullName } : {}),
            ...(b.otherNames ? { other_names: b.otherNames } : {}),
            ...(b.dateOfBirth ? { date_of_birth: b.dateOfBirth } : {}),
            ...(b.sex ? { sex: b.sex } : {}),
            ...(b.idType ? { id_type: b.idType } : {}),
            ...(b.idNumber ? { id_number: b.idNumber } : {}),
            ...(b.permanentAddress ? { permanent_address: b.permanentAddress } : {}),
            ...(b.status ? { status: b.status } : {}),
            commune_code: b.communeCode ?? person.commune_code,
            scope,
            statuses: JSON.stringify(statuses),
            updated_at: now,
          })
          .where('id', '=', person.id)
          .execute();
        await appendAudit(tx, { at: now, actorId: principal.userId, action: 'person.updated', resourceType: 'Person', resourceId: person.id, scope, detail: { fields: Object.keys(b) } });
      });
      return findPerson(db, person.id);
    },
  );
}
