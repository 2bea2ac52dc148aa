import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formExistsCallback, type FormsDb } from '../../forms/index';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan } from '../auth/guard';
import { addVariantVersion, createVariant, getVariant, listVariants, setVariantActive, type VariantContext, type VariantDb } from '../variants/index';
import { code, errorResponses, idParams, jsonObject, pageOf, paging, strictObject, uuid } from './schemas';

const tags = ['variants'];
const xml = { type: 'string', minLength: 20, maxLength: 2_000_000 } as const;
const key = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
/** like POST /api/definitions; overrides carry the base parent and the variant XML (designer extractOverrides): a shipped procedure is < 200 kB */
const bodyLimit = 2_500_000;
const writeResponses = { ...errorResponses, 422: { $ref: 'errorBody#' } };

/** District/commune variants of process definitions (issue 8): list, create, detail, new version, (de)activate. */
export async function variantRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const vdb = db as unknown as VariantDb;
  const formExists = formExistsCallback(db as unknown as FormsDb);

  function contextOf(request: FastifyRequest): VariantContext {
    const { principal, ability } = callerOf(request);
    return {
      db: vdb, engine: app.engine, clock, formExists, actorId: principal.userId,
      readable: accessibleWhere(ability, 'read', 'Variant', columnMaps.Variant),
      authorize: async (action, scope) => {
        await ensureCan(request, action, 'Variant', { row: { scope } });
      },
    };
  }

  app.get<{ Querystring: { key?: string; jurisdictionCode?: string; limit?: string; offset?: string } }>(
    '/api/variants',
    { schema: { tags, summary: 'Variants the caller may see, with their latest version and whether the parent has a newer one', querystring: strictObject({ key, jurisdictionCode: code, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = await ensureCan(request, 'read', 'Variant');
      const q = request.query;
      return listVariants(vdb, { where: accessibleWhere(ability, 'read', 'Variant', columnMaps.Variant), key: q.key, jurisdictionCode: q.jurisdictionCode, ...pageOf(q) });
    },
  );

  app.post<{ Body: { key?: string; parentDefinitionId: string; jurisdictionCode: string; xml: string; name?: string; overrides?: Record<string, unknown> } }>(
    '/api/variants',
    {
      bodyLimit,
      schema: {
        tags, summary: 'Create a variant of a parent definition for a jurisdiction (deploys its first version)',
        body: strictObject({ key, parentDefinitionId: uuid, jurisdictionCode: code, xml, name, overrides: jsonObject }, ['parentDefinitionId', 'jurisdictionCode', 'xml']),
        response: writeResponses,
      },
    },
    async (request, reply) => {
      await ensureCan(request, 'create', 'Variant');
      return reply.status(201).send(await createVariant(contextOf(request), request.body));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/variants/:id',
    { schema: { tags, summary: 'One variant with its overrides and every version', params: idParams, response: errorResponses } },
    async (request) => {
      const { ability } = await ensureCan(request, 'read', 'Variant');
      return getVariant(vdb, accessibleWhere(ability, 'read', 'Variant', columnMaps.Variant), request.params.id);
    },
  );

  app.post<{ Params: { id: string }; Body: { xml: string; parentDefinitionId: string; overrides?: Record<string, unknown> } }>(
    '/api/variants/:id/versions',
    {
      bodyLimit,
      schema: {
        tags, summary: 'Deploy a new version of a variant (an edit, or a rebase onto a newer parent version)', params: idParams,
        body: strictObject({ xml, parentDefinitionId: uuid, overrides: jsonObject }, ['xml', 'parentDefinitionId']), response: writeResponses,
      },
    },
    async (request, reply) => {
      await ensureCan(request, 'update', 'Variant');
      return reply.status(201).send(await addVariantVersion(contextOf(request), request.params.id, request.body));
    },
  );

  for (const [path, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/variants/:id/${path}`,
      { schema: { tags, summary: active ? 'Activate a variant (cases in its jurisdiction start it again)' : 'Deactivate a variant (cases fall back to the level above)', params: idParams, response: errorResponses } },
      async (request) => {
        await ensureCan(request, 'update', 'Variant');
        return setVariantActive(contextOf(request), request.params.id, active);
      },
    );
  }
}
