import type { FastifyInstance } from 'fastify';
import { formExistsCallback, type FormsDb } from '../../forms/index';
import { appendAudit } from '../audit/audit.service';
import { callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { engineTx } from '../workflow/engine-tx';
import { errorResponses, idParams, pageOf, paging, strictObject } from './schemas';

const tags = ['definitions'];
const xml = { type: 'string', minLength: 20, maxLength: 2_000_000 } as const;
const key = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' } as const;

/** Process definitions: deploy (admins), list, versions, XML, validate. */
export async function definitionRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const formExists = formExistsCallback(db as unknown as FormsDb);

  app.get<{ Querystring: { key?: string; latestOnly?: 'true' | 'false'; limit?: string; offset?: string } }>(
    '/api/definitions',
    { schema: { tags, summary: 'Deployed process definitions', querystring: strictObject({ key, latestOnly: { type: 'string', enum: ['true', 'false'] }, ...paging }), response: errorResponses } },
    async (request) => {
      await ensureCan(request, 'read', 'Definition');
      return app.engine.listDefinitions({ key: request.query.key, latestOnly: request.query.latestOnly !== 'false', ...pageOf(request.query) });
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
        return { valid: true, processes: graphs.map((g) => (g as { id?: string }).id ?? null), problems: [] };
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
      await ensureCan(request, 'deploy', 'Definition');
      const { principal } = callerOf(request);
      const deployed = await db.transaction().execute(async (tx) => {
        const result = await app.engine.deploy(
          { xml: request.body.xml, deployedBy: principal.userId, versionTag: request.body.versionTag ?? null, jurisdictionCode: request.body.jurisdictionCode ?? null, formExists },
          { tx: engineTx(tx), actor: principal.userId },
        );
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'definition.deployed', resourceType: 'Definition', detail: { definitions: result.map((d) => ({ id: d.id, key: d.key, version: d.version, created: d.created })) } });
        return result;
      });
      return reply.status(201).send({ definitions: deployed });
    },
  );
}
