import type { FastifyInstance, FastifyRequest } from 'fastify';
import { procedures } from '../../workflows/index';
import { contextVariables, procedureContext } from './procedure-context.service';

const shipped = new Set(procedures.map((p) => p.key));

interface StartBody {
  definitionKey?: string;
  variables?: Record<string, unknown>;
}

/**
 * Starting a shipped procedure over the API (POST /api/instances) picks the ruleset and the
 * well-known variables the same way the case starter does: from the person (variable `personId`,
 * or the person of `caseId`) — commune, district on the 2022 map, province, regional court area,
 * and `ruleset` = selectRuleset(today, structure of the commune). Computed values win over the
 * client's, so a client cannot start a case under another ruleset or commune.
 */
export function registerInstanceStartHook(app: FastifyInstance): void {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/api/instances') return;
    const body = request.body as StartBody | undefined;
    if (!body?.definitionKey || !shipped.has(body.definitionKey)) return;
    const variables = body.variables ?? {};
    let personId = typeof variables.personId === 'string' ? variables.personId : null;
    if (!personId && typeof variables.caseId === 'string') {
      const row = await app.deps.db.selectFrom('rehab_case').select('person_id').where('id', '=', variables.caseId).executeTakeFirst();
      personId = row?.person_id ?? null;
    }
    if (!personId) return;
    const person = await app.deps.db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) return;
    body.variables = { ...variables, ...contextVariables(await procedureContext(app.deps.db, personId, app.deps.clock.now())) };
  });
}
