import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../../engine/index';
import { procedures } from '../../workflows/index';
import type { Clock } from '../app-deps';
import { appendAudit } from '../audit/audit.service';
import type { ServerDatabase } from '../db/schema';
import { AppError } from '../errors';
import { resolveDefinition, type VariantDb } from '../variants/index';
import { engineTx } from '../workflow/engine-tx';
import { contextVariables, procedureContext, vnDate, type ProcedureContext } from './procedure-context.service';

export interface StartProcedureInput {
  procedureKey: string;
  personId: string;
  /** the user starting it (history + audit); null = the system (handover, timer) */
  actorId?: string | null;
  /** business variables (well-known ones are computed and win) */
  variables?: Record<string, unknown>;
  /** a message/timer start event instead of the none start */
  startEventId?: string;
  /** the case this one follows (handover) */
  previousCaseId?: string | null;
  /** extra case data (e.g. the handover job id) */
  caseData?: Record<string, unknown>;
}

export interface StartedProcedure {
  caseId: string;
  caseCode: string;
  instanceId: string;
  context: ProcedureContext;
}

/**
 * Opens a case for the person and starts the procedure in one transaction. The ruleset is chosen
 * by workflows' selectRuleset from the person's commune structure and today's date; the instance
 * is filed under the person's jurisdiction path (scope) with the case code as business key, and runs
 * the most specific active variant of the procedure for that path (server/variants).
 */
export async function startProcedure(
  deps: { db: Kysely<ServerDatabase>; engine: Engine; clock: Clock },
  input: StartProcedureInput,
): Promise<StartedProcedure> {
  const { db, engine, clock } = deps;
  const info = procedures.find((p) => p.key === input.procedureKey);
  if (!info) throw new AppError('DEFINITION_NOT_FOUND');
  const now = clock.now();
  const context = await procedureContext(db, input.personId, now);
  const person = await db.selectFrom('person').select(['full_name']).where('id', '=', input.personId).executeTakeFirstOrThrow();
  // the most specific active variant of the procedure for the person's jurisdiction (issue 8)
  const definition = await resolveDefinition(db as unknown as VariantDb, info.key, context.scope);
  return db.transaction().execute(async (tx) => {
    const code = `HS-${vnDate(now).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
    const created = await tx.insertInto('rehab_case').values({
      code, person_id: input.personId, procedure_key: info.key, title: `${info.title.vi} – ${person.full_name}`,
      scope: context.scope, data: JSON.stringify({ ...(input.caseData ?? {}), ruleset: context.ruleset, previousCaseId: input.previousCaseId ?? null }),
      medical: null, created_by: input.actorId ?? null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const variables = { ...(input.variables ?? {}), ...contextVariables(context), caseId: created.id, caseCode: code };
    const started = await engine.startInstance(
      { definitionId: definition.definitionId, variables, businessKey: code, scope: context.scope, startEventId: input.startEventId },
      { tx: engineTx(tx), actor: input.actorId ?? null },
    );
    await tx.updateTable('rehab_case').set({ instance_id: started.instanceId, updated_at: now }).where('id', '=', created.id).execute();
    await appendAudit(tx, {
      at: now, actorId: input.actorId ?? null, action: 'case.procedure-started', resourceType: 'Case', resourceId: created.id, scope: context.scope,
      detail: {
        procedureKey: info.key, instanceId: started.instanceId, definitionId: definition.definitionId, variantId: definition.variantId,
        ruleset: context.ruleset, previousCaseId: input.previousCaseId ?? null,
      },
    });
    return { caseId: created.id, caseCode: code, instanceId: started.instanceId, context };
  });
}
