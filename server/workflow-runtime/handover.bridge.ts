import { sql, type Kysely } from 'kysely';
import type { Engine, LockedJob } from '../../engine/index';
import { messageNames, procedures } from '../../workflows/index';
import type { Clock } from '../app-deps';
import type { ServerDatabase } from '../db/schema';
import { startProcedure } from './procedure.starter';
import { bpmnElementInputs, messageStartEventId } from './bpmn-lookup';

/** The engine's internal outbox job type of a message throw without a worker (engine/behaviors). */
export const PUBLISH_MESSAGE_JOB = 'engine:publish-message';

/** Well-known variables the receiving procedure recomputes for its own case (never copied over). */
const RECOMPUTED = new Set(['caseId', 'caseCode', 'communeCode', 'districtCode', 'provinceCode', 'courtRegionCode', 'ruleset']);

export interface HandoverDeps {
  db: Kysely<ServerDatabase>;
  engine: Engine;
  clock: Clock;
  workerId: string;
}

export interface HandoverResult {
  message: string;
  correlated: string[];
  started: { caseId: string; instanceId: string; procedureKey: string } | null;
}

/**
 * Hands procedures over to each other (DESIGN.md §9). The engine publishes a thrown message with
 * no variables and starts message-start instances without a scope or case; so this bridge takes
 * the publish jobs first: it builds the payload from the throwing instance (its variables + the
 * event's input mappings), correlates it to a waiting instance of the same person, or else opens
 * a new case for the person and starts the receiving procedure at its message start event with
 * the person's scope and the ruleset in force. Idempotent per job (the job row is its lock).
 */
export async function runHandovers(deps: HandoverDeps, max = 20): Promise<HandoverResult[]> {
  const jobs = await deps.engine.fetchAndLock(deps.workerId, [PUBLISH_MESSAGE_JOB], 60_000, max);
  const results: HandoverResult[] = [];
  for (const job of jobs) results.push(await handOver(deps, job));
  return results;
}

async function handOver(deps: HandoverDeps, job: LockedJob): Promise<HandoverResult> {
  const { db, engine } = deps;
  const payload = job.payload as { name: string; correlationKey: string | null };
  const source = job.instanceId ? await engine.getInstance(job.instanceId) as { definition_id: string; definition_key: string } | null : null;
  const sourceVariables = { ...(job.instanceId ? ((await engine.getVariables(job.instanceId)) as Record<string, unknown> | null) ?? {} : {}), ...job.variables };
  const inputs = source && job.elementId ? await bpmnElementInputs(engine, source.definition_id, job.elementId) : [];
  const eventVariables: Record<string, unknown> = {};
  for (const input of inputs) eventVariables[input.target] = await engine.evaluateFeel(input.source, sourceVariables);
  const carried = Object.fromEntries(Object.entries({ ...sourceVariables, ...eventVariables }).filter(([k]) => !RECOMPUTED.has(k)));
  const result: HandoverResult = { message: payload.name, correlated: [], started: null };

  const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM event_subscription
    WHERE kind = 'message' AND name = ${payload.name} AND instance_id IS NOT NULL
      AND correlation_key IS NOT DISTINCT FROM ${payload.correlationKey}`.execute(db);
  const target = messageNames[payload.name]?.startsProcess;
  const personId = typeof sourceVariables.personId === 'string' ? sourceVariables.personId : null;
  if ((waiting.rows[0]?.n ?? 0) > 0) {
    const correlation = await engine.correlateMessage({ name: payload.name, correlationKey: payload.correlationKey, variables: eventVariables });
    result.correlated = correlation.correlatedInstances;
  } else if (target && personId && procedures.some((p) => p.key === target)) {
    const startEventId = await messageStartEventId(engine, target, payload.name);
    if (startEventId) {
      const started = await startProcedure(deps, {
        procedureKey: target, personId, startEventId, variables: { ...carried, sourceProcedure: source?.definition_key ?? null },
        previousCaseId: typeof sourceVariables.caseId === 'string' ? sourceVariables.caseId : null,
      });
      result.started = { caseId: started.caseId, instanceId: started.instanceId, procedureKey: target };
    }
  }
  await sql`DELETE FROM job WHERE id = ${job.id}::uuid AND lock_owner = ${deps.workerId}`.execute(db);
  return result;
}
