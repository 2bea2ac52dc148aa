import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { allows, callerOf, ensureCan } from '../auth/guard';
import type { Action } from '../auth/abilities';
import { AppError } from '../errors';
import { nameHistory } from '../services/history-names.service';
import { scopeForVariables } from '../services/instance-scope.service';
import { resolveDefinition, type VariantDb } from '../variants/index';
import { engineTx } from '../workflow/engine-tx';
import { errorResponses, idParams, jsonObject, pageOf, paging, strictObject, uuid } from './schemas';

const tags = ['instances'];
const elementIds = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 50 } as const;
const key = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' } as const;

interface InstanceRow {
  id: string;
  scope: string | null;
  state: string;
  [k: string]: unknown;
}

/** Process instances: start (scope from case/person/commune), list (CASL in SQL), get, cancel, migrate dry-run, modify. */
export async function instanceRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  async function loadInstance(request: FastifyRequest<{ Params: { id: string } }>, action: Action): Promise<InstanceRow> {
    const instance = (await app.engine.getInstance(request.params.id)) as InstanceRow | null;
    if (!instance) throw new AppError('INSTANCE_NOT_FOUND');
    await ensureCan(request, action, 'Instance', { row: { id: instance.id, scope: instance.scope ?? '' } });
    return instance;
  }
  const audit = (tx: unknown, request: FastifyRequest, action: string, instance: { id: string; scope: string | null }, detail: Record<string, unknown> = {}) =>
    appendAudit(tx as typeof db, { at: clock.now(), actorId: callerOf(request).principal.userId, action, resourceType: 'Instance', resourceId: instance.id, scope: instance.scope, detail });

  app.post<{ Body: { definitionKey?: string; definitionId?: string; variables?: Record<string, unknown>; businessKey?: string } }>(
    '/api/instances',
    { config: idempotent, schema: { tags, summary: 'Start a process; its scope comes from caseId, personId or communeCode', body: strictObject({ definitionKey: key, definitionId: uuid, variables: jsonObject, businessKey: { type: 'string', maxLength: 100 } }), response: { ...errorResponses, 422: { $ref: 'errorBody#' } } } },
    async (request, reply) => {
      const b = request.body;
      if (!b.definitionKey && !b.definitionId) throw new AppError('VALIDATION_FAILED', [{ path: '/definitionKey', keyword: 'required' }]);
      const variables = b.variables ?? {};
      const scope = await scopeForVariables(db, variables);
      const { principal } = await ensureCan(request, 'start', 'Instance', { row: { scope } });
      // by key: the most specific active variant for the instance's jurisdiction (issue 8); an explicit id is used as given
      const definitionId = b.definitionId ?? (await resolveDefinition(db as unknown as VariantDb, b.definitionKey ?? '', scope)).definitionId;
      const started = await db.transaction().execute(async (tx) => {
        const result = await app.engine.startInstance({ definitionId, variables, businessKey: b.businessKey ?? null, scope }, { tx: engineTx(tx), actor: principal.userId });
        await audit(tx, request, 'instance.started', { id: result.instanceId, scope }, { definitionId: result.definitionId });
        await rememberResult(tx, request, 201, result);
        if (typeof variables.caseId === 'string') {
          await tx.updateTable('rehab_case').set({ instance_id: result.instanceId, updated_at: clock.now() }).where('id', '=', variables.caseId).where('instance_id', 'is', null).execute();
        }
        return result;
      });
      return reply.status(201).send(started);
    },
  );

  app.get<{ Querystring: { state?: string; definitionKey?: string; businessKey?: string; personId?: string; limit?: string; offset?: string } }>(
    '/api/instances',
    { schema: { tags, summary: 'Instances the caller may see', querystring: strictObject({ state: { type: 'string', maxLength: 20 }, definitionKey: key, businessKey: { type: 'string', maxLength: 100 }, personId: uuid, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = callerOf(request);
      const q = request.query;
      return app.engine.listInstances({
        state: q.state,
        definitionKey: q.definitionKey,
        businessKey: q.businessKey,
        ...pageOf(q),
        filter: (qb) => {
          let f = qb.where(accessibleWhere(ability, 'read', 'Instance', columnMaps.EngineInstance));
          if (q.personId) {
            f = f.where('process_instance.root_instance_id', 'in', (eb) =>
              eb.selectFrom('variable').select('variable.root_instance_id').where('variable.name', '=', 'personId').where(sql<boolean>`variable.value = ${JSON.stringify(q.personId)}::jsonb`),
            );
          }
          return f;
        },
      });
    },
  );

  app.get<{ Querystring: { instanceId?: string; personId?: string; type?: string; limit?: string; offset?: string } }>(
    '/api/history',
    { schema: { tags, summary: 'Procedure history events the caller may see (by instance tree or person)', querystring: strictObject({ instanceId: uuid, personId: uuid, type: { type: 'string', maxLength: 60 }, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = callerOf(request);
      const q = request.query;
      const page = await app.engine.listHistory({
        rootInstanceId: q.instanceId,
        types: q.type ? [q.type] : undefined,
        ...pageOf(q),
        filter: (qb) => {
          let f = qb.where('history_event.root_instance_id', 'in', (eb) =>
            eb.selectFrom('process_instance').select('process_instance.root_instance_id').where(accessibleWhere(ability, 'read', 'History', columnMaps.EngineInstance)),
          );
          if (q.personId) {
            f = f.where('history_event.root_instance_id', 'in', (eb) =>
              eb.selectFrom('variable').select('variable.root_instance_id').where('variable.name', '=', 'personId').where(sql<boolean>`variable.value = ${JSON.stringify(q.personId)}::jsonb`),
            );
          }
          return f;
        },
      });
      return { total: page.total, items: await nameHistory(app, page.items) };
    },
  );

  app.get<{ Params: { id: string } }>('/api/instances/:id', { schema: { tags, summary: 'One instance with variables, open tasks and history (the read is audited)', params: idParams, response: errorResponses } }, async (request) => {
    const instance = await loadInstance(request, 'read');
    const { ability } = callerOf(request);
    const [variables, tasks, history, incidents] = await Promise.all([
      app.engine.getVariables(instance.id),
      app.engine.listTasks({ instanceId: instance.id, state: 'created', filter: (qb) => qb.where(accessibleWhere(ability, 'read', 'Task', columnMaps.EngineTask)) }),
      allows(ability, 'read', 'History', { row: { scope: instance.scope ?? '' } }) ? app.engine.listHistory({ rootInstanceId: instance.id }) : Promise.resolve({ items: [], total: 0 }),
      allows(ability, 'read', 'Incident') ? app.engine.listIncidents({ instanceId: instance.id, state: 'open' }) : Promise.resolve({ items: [], total: 0 }),
    ]);
    await audit(db, request, 'instance.read', instance);
    return { instance, variables, tasks: tasks.items, history: await nameHistory(app, history.items), incidents: incidents.items };
  });

  app.post<{ Params: { id: string } }>('/api/instances/:id/cancel', { config: idempotent, schema: { tags, summary: 'Cancel a running instance', params: idParams, response: errorResponses } }, async (request) => {
    const instance = await loadInstance(request, 'cancel');
    const { principal } = callerOf(request);
    await db.transaction().execute(async (tx) => {
      await app.engine.cancelInstance(instance.id, { tx: engineTx(tx), actor: principal.userId });
      await audit(tx, request, 'instance.cancelled', instance);
      await rememberResult(tx, request, 200, { ok: true });
    });
    return { ok: true };
  });

  app.post<{ Params: { id: string }; Body: { targetDefinitionId: string; mapping?: Record<string, string> } }>(
    '/api/instances/:id/migrate/dry-run',
    { schema: { tags, summary: 'Plan moving an instance to another definition version (changes nothing)', params: idParams, body: strictObject({ targetDefinitionId: uuid, mapping: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 }, maxProperties: 200 } }, ['targetDefinitionId']), response: errorResponses } },
    async (request) => {
      const instance = await loadInstance(request, 'modify');
      // Planned inside a transaction that is always rolled back: a dry run changes nothing.
      const rollback = new Error('dry-run rollback');
      let plan: unknown;
      await db.transaction().execute(async (tx) => {
        plan = await app.engine.planMigration({ instanceId: instance.id, targetDefinitionId: request.body.targetDefinitionId, mapping: request.body.mapping }, { tx: engineTx(tx) });
        throw rollback;
      }).catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
      return plan;
    },
  );

  app.post<{ Params: { id: string }; Body: { targetDefinitionId: string; mapping?: Record<string, string> } }>(
    '/api/instances/:id/migrate',
    { config: idempotent, schema: { tags, summary: 'Move an instance to another definition version', params: idParams, body: strictObject({ targetDefinitionId: uuid, mapping: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 }, maxProperties: 200 } }, ['targetDefinitionId']), response: { ...errorResponses, 422: { $ref: 'errorBody#' } } } },
    async (request) => {
      const instance = await loadInstance(request, 'modify');
      const { principal } = callerOf(request);
      return db.transaction().execute(async (tx) => {
        const plan = await app.engine.migrateInstance({ instanceId: instance.id, targetDefinitionId: request.body.targetDefinitionId, mapping: request.body.mapping }, { tx: engineTx(tx), actor: principal.userId });
        await audit(tx, request, 'instance.migrated', instance, { targetDefinitionId: request.body.targetDefinitionId });
        await rememberResult(tx, request, 200, plan);
        return plan;
      });
    },
  );

  app.post<{ Params: { id: string }; Body: { cancel?: string[]; startBefore?: string[]; variables?: Record<string, unknown> } }>(
    '/api/instances/:id/modify',
    { config: idempotent, schema: { tags, summary: 'Move tokens: cancel elements, start before others, set variables', params: idParams, body: strictObject({ cancel: elementIds, startBefore: elementIds, variables: jsonObject }), response: { ...errorResponses, 422: { $ref: 'errorBody#' } } } },
    async (request) => {
      const instance = await loadInstance(request, 'modify');
      const { principal } = callerOf(request);
      await db.transaction().execute(async (tx) => {
        await app.engine.modifyInstance(instance.id, request.body, { tx: engineTx(tx), actor: principal.userId });
        await audit(tx, request, 'instance.modified', instance, { cancel: request.body.cancel, startBefore: request.body.startBefore });
        await rememberResult(tx, request, 200, { ok: true });
      });
      return { ok: true };
    },
  );
}
