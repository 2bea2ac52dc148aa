import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { demoSeed } from '../../workflows/index';
import { demoStages } from '../workflow-runtime/demo-stages';
import { startProcedure } from '../workflow-runtime/procedure.starter';
import { TaskDriver } from '../workflow-runtime/task-driver';

export interface DemoCasesSummary {
  created: number;
  skipped: boolean;
  failed: { personId: string; stage: string; error: string }[];
}

/** Elements holding a token anywhere in the case's instance tree (tasks, events, subprocesses). */
export async function activeElements(app: FastifyInstance, rootInstanceId: string): Promise<string[]> {
  const { rows } = await sql<{ element_id: string }>`SELECT DISTINCT element_id FROM execution WHERE root_instance_id = ${rootInstanceId}`.execute(app.deps.db);
  return rows.map((r) => r.element_id).sort();
}

/**
 * Demo cases at various stages: for each demo person, its stage's procedure is started (case,
 * ruleset, scope) and driven forward with engine commands as demo users of the right agencies,
 * so the demo users' task lists are populated; a stage whose case does not wait where the stage says
 * (`waitsAt`) is reported in `failed`. Runs once: skipped when a demo person has a case.
 */
export async function seedDemoCases(app: FastifyInstance): Promise<DemoCasesSummary> {
  const { db, clock } = app.deps;
  const ids = demoSeed.persons.map((p) => p.id);
  const existing = await db.selectFrom('rehab_case').select('id').where('person_id', 'in', ids).limit(1).execute();
  if (existing.length > 0) return { created: 0, skipped: true, failed: [] };
  const known = new Set((await db.selectFrom('person').select('id').where('id', 'in', ids).execute()).map((p) => p.id));
  const driver = new TaskDriver(app);
  const summary: DemoCasesSummary = { created: 0, skipped: false, failed: [] };
  for (const person of demoSeed.persons) {
    const stage = demoStages[person.stage.procedure]?.[person.stage.step];
    if (!stage || !known.has(person.id)) continue;
    const plan = stage(clock.now().toISOString().replace(/\.\d+Z$/, '+00:00'));
    try {
      const started = await startProcedure({ db, engine: app.engine, clock }, {
        procedureKey: person.stage.procedure, personId: person.id, startEventId: plan.startEventId, variables: plan.variables,
      });
      await app.workflowRuntime.drain();
      for (const [elementId, overrides] of plan.steps) await driver.complete(started.instanceId, elementId, overrides ?? {});
      const active = await activeElements(app, started.instanceId);
      if (!plan.waitsAt.some((id) => active.includes(id))) {
        throw new Error(`stage not reached: waits at ${active.join(', ') || 'nothing'} instead of ${plan.waitsAt.join(' / ')}`);
      }
      summary.created += 1;
    } catch (error) {
      summary.failed.push({ personId: person.id, stage: `${person.stage.procedure}/${person.stage.step}`, error: (error as Error).message });
    }
  }
  return summary;
}
