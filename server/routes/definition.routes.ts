import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { formExistsCallback, type FormsDb } from '../../forms/index';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan } from '../auth/guard';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import { findJurisdictionByCode } from '../repositories/jurisdiction.repository';
import {
  applyBatchMigration, parentForJurisdiction, planBatchMigration, recordJurisdictionDeploy, resolveDefinition, resolveDefinitionForCode,
  type BatchMigrationInput, type VariantDb,
} from '../variants/index';
import { engineTx } from '../workflow/engine-tx';
import { code, errorResponses, idParams, pageOf, paging, strictObject, uuid } from './schemas';

const tags = ['definitions'];
const xml = { type: 'string', minLength: 20, maxLength: 2_000_000 } as const;
const key = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' } as const;
const migrationBody = strictObject({ targetDefinitionId: uuid, mapping: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 }, maxProperties: 200 } }, ['targetDefinitionId']);
/** Only the latest version of each (key, jurisdiction) line: the engine's latestOnly spans every jurisdiction of a key. */
const latestOfLine = sql<boolean>`process_definition.version = (SELECT max(p2.version) FROM process_definition p2
  WHERE p2.key = process_definition.key AND p2.jurisdiction_code IS NOT DISTINCT FROM process_definition.jurisdiction_code)`;

/** Where a deploy without jurisdictionCode lands: global for the global admin, else the caller's province (provincial admin) or home jurisdiction. */
function defaultDeployJurisdiction(p: Principal): string | null {
  if (p.homePath === '/') return null;
  if (p.roles.includes('provincial_admin')) return p.homePath.split('/').filter(Boolean)[0] ?? null;
  return p.jurisdiction?.code ?? null;
}

/** Process definitions: deploy (admins), list, versions, XML, validate. */
export async function definitionRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const vdb = db as unknown as VariantDb;
  const formExists = formExistsCallback(db as unknown as FormsDb);

  app.get<{ Querystring: { key?: string; latestOnly?: 'true' | 'false'; jurisdictionCode?: string; limit?: string; offset?: string } }>(
    '/api/definitions',
    {
      schema: {
        tags, summary: 'Deployed process definitions (latestOnly: the latest of each key and jurisdiction; jurisdictionCode: one jurisdiction, "global" for the shipped ones)',
        querystring: strictObject({ key, latestOnly: { type: 'string', enum: ['true', 'false'] }, jurisdictionCode: code, ...paging }), response: errorResponses,
      },
    },
    async (request) => {
      await ensureCan(request, 'read', 'Definition');
      const q = request.query;
      return app.engine.listDefinitions({
        key: q.key, latestOnly: false, ...pageOf(q),
        filter: (qb) => {
          let f = q.latestOnly === 'false' ? qb : qb.where(latestOfLine);
          if (q.jurisdictionCode === 'global') f = f.where('jurisdiction_code', 'is', null);
          else if (q.jurisdictionCode) f = f.where('jurisdiction_code', '=', q.jurisdictionCode);
          return f;
        },
      });
    },
  );

  app.get<{ Querystring: { key: string; communeCode?: string; jurisdictionCode?: string } }>(
    '/api/definitions/resolve',
    { schema: { tags, summary: 'The definition a case started by key runs in a jurisdiction: the most specific active variant (commune, district, province), else the global one', querystring: strictObject({ key, communeCode: code, jurisdictionCode: code }, ['key']), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Definition');
      const q = request.query;
      const where = q.communeCode ?? q.jurisdictionCode;
      return where ? resolveDefinitionForCode(vdb, q.key, where) : resolveDefinition(vdb, q.key, null);
    },
  );

  app.get<{ Params: { key: string } }>(
    '/api/definitions/key/:key/versions',
    { schema: { tags, summary: 'Every version of one process', params: strictObject({ key }, ['key']), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Definition');
      return app.engine.listDefinitions({ key: request.params.key, latestOnly: false, limit: 200 });
    },
  );

  app.get<{ Params: { id: string } }>('/api/definitions/:id/xml', { schema: { tags, summary: 'BPMN XML of one version', params: idParams, response: errorResponses } }, async (request, reply) => {
    await ensureCan(request, 'read', 'Definition');
    const source = await app.engine.getDefinitionXml(request.params.id);
    if (source === null) throw new AppError('DEFINITION_NOT_FOUND');
    return reply.type('application/xml; charset=utf-8').send(source);
  });

  app.post<{ Body: { xml: string } }>(
    '/api/definitions/validate',
    { bodyLimit: 2_500_000, schema: { tags, summary: 'Check a BPMN model without deploying it', body: strictObject({ xml }, ['xml']), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Definition');
      try {
        const graphs = await app.engine.validate({ xml: request.body.xml, formExists });
        return { valid: true, processes: graphs.map((g) => g.processId), problems: [] };
      } catch (error) {
        const e = error as { code?: string; details?: { problems?: unknown[] } };
        if (e.code === 'DEPLOY_INVALID') return { valid: false, processes: [], problems: e.details?.problems ?? [] };
        throw error;
      }
    },
  );

  app.post<{ Body: { xml: string; versionTag?: string; jurisdictionCode?: string } }>(
    '/api/definitions',
    {
      bodyLimit: 2_500_000,
      schema: {
        tags,
        summary: 'Deploy a BPMN model (a new version when it changed)',
        body: strictObject({ xml, versionTag: { type: 'string', maxLength: 60 }, jurisdictionCode: { type: 'string', maxLength: 40 } }, ['xml']),
        response: { ...errorResponses, 422: { $ref: 'errorBody#' } },
      },
    },
    async (request, reply) => {
      const { principal } = await ensureCan(request, 'deploy', 'Definition');
      const jurisdictionCode = request.body.jurisdictionCode ?? defaultDeployJurisdiction(principal);
      const jurisdiction = jurisdictionCode ? await findJurisdictionByCode(db, jurisdictionCode) : null;
      if (jurisdictionCode && !jurisdiction) throw new AppError('JURISDICTION_NOT_FOUND');
      // a provincial admin deploys for their province only; global definitions (scope '/') only the global admin
      await ensureCan(request, 'deploy', 'Definition', { row: { scope: jurisdiction?.path ?? '/' } });
      let parentDefinitionId: string | null = null;
      if (jurisdiction) {
        const graphs = await app.engine.validate({ xml: request.body.xml, formExists });
        if (graphs.length === 1) parentDefinitionId = await parentForJurisdiction(vdb, graphs[0].processId, jurisdiction.path, jurisdiction.code);
      }
      const deployed = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const result = await app.engine.deploy(
          { xml: request.body.xml, deployedBy: principal.userId, versionTag: request.body.versionTag ?? null, jurisdictionCode: jurisdiction?.code ?? null, parentDefinitionId, formExists },
          { tx: engineTx(tx), actor: principal.userId },
        );
        if (jurisdiction) {
          await recordJurisdictionDeploy(tx as unknown as VariantDb, { jurisdictionCode: jurisdiction.code, scope: jurisdiction.path, jurisdictionName: jurisdiction.name, actorId: principal.userId, now, definitions: result });
        }
        await appendAudit(tx, {
          at: now, actorId: principal.userId, action: 'definition.deployed', resourceType: 'Definition', scope: jurisdiction?.path ?? null,
          detail: { jurisdictionCode: jurisdiction?.code ?? null, definitions: result.map((d) => ({ id: d.id, key: d.key, version: d.version, created: d.created })) },
        });
        return result;
      });
      return reply.status(201).send({ definitions: deployed.map((d) => ({ ...d, jurisdictionCode: jurisdiction?.code ?? null })) });
    },
  );

  const batch = (request: Parameters<typeof callerOf>[0], sourceDefinitionId: string, body: Omit<BatchMigrationInput, 'sourceDefinitionId'>) => {
    const { principal, ability } = callerOf(request);
    return {
      ctx: { db: vdb, engine: app.engine, clock, actorId: principal.userId, migratable: accessibleWhere(ability, 'migrate', 'Instance', columnMaps.EngineInstance) },
      input: { sourceDefinitionId, targetDefinitionId: body.targetDefinitionId, mapping: body.mapping },
    };
  };

  app.post<{ Params: { id: string }; Body: { targetDefinitionId: string; mapping?: Record<string, string> } }>(
    '/api/definitions/:id/migration/dry-run',
    { schema: { tags, summary: 'Plan moving every running instance of a version (in the caller\'s scope) to another version; changes nothing', params: idParams, body: migrationBody, response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'migrate', 'Instance');
      const { ctx, input } = batch(request, request.params.id, request.body);
      return planBatchMigration(ctx, input);
    },
  );

  app.post<{ Params: { id: string }; Body: { targetDefinitionId: string; mapping?: Record<string, string> } }>(
    '/api/definitions/:id/migration/apply',
    { schema: { tags, summary: 'Move every running instance of a version (in the caller\'s scope) to another version: one transaction per instance, audited', params: idParams, body: migrationBody, response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'migrate', 'Instance');
      const { ctx, input } = batch(request, request.params.id, request.body);
      return applyBatchMigration(ctx, input);
    },
  );
}
