import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { TIMER_JOB, resolveTimer } from '../behaviors/behavior.helpers';
import type { BehaviorContext } from '../behaviors/behavior.types';
import { inTransaction, type CommandOptions } from '../commands/command-runner';
import type { Db, EngineContext } from '../engine-context';
import { deployInvalid, type DeployProblem } from '../errors';
import { readBpmn } from '../model/bpmn-reader';
import { compileDefinitions } from '../model/graph-compiler';
import type { GraphElement, ProcessGraph } from '../model/graph.types';
import { validateGraph } from '../model/graph-validator';

export interface DeployInput {
  xml: string;
  deployedBy?: string | null;
  /** overrides the process's zeebe:versionTag */
  versionTag?: string | null;
  /** variants (later): jurisdiction code + parent definition id */
  jurisdictionCode?: string | null;
  parentDefinitionId?: string | null;
  /** unknown forms are deploy problems */
  formExists?: (formId: string) => Promise<boolean>;
}

export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  checksum: string;
  /** false when the same checksum was already deployed (idempotent redeploy) */
  created: boolean;
}

/** Validates and stores immutable versions; problems → EngineError DEPLOY_INVALID. */
export async function deploy(ctx: EngineContext, input: DeployInput, options: CommandOptions = {}): Promise<DeployedDefinition[]> {
  const graphs = await validate(input);
  const checksum = createHash('sha256').update(input.xml).digest('hex');
  const deploymentId = ctx.newId();
  return inTransaction(ctx, options, async (db) => {
    const result: DeployedDefinition[] = [];
    for (const graph of graphs) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`process_definition:${graph.processId}`}))`.execute(db);
      const latest = await db.selectFrom('process_definition').select(['id', 'version', 'checksum'])
        .where('key', '=', graph.processId)
        .where('jurisdiction_code', 'is not distinct from', input.jurisdictionCode ?? null)
        .orderBy('version', 'desc').executeTakeFirst();
      if (latest?.checksum === checksum) {
        result.push({ id: latest.id, key: graph.processId, version: latest.version, checksum, created: false });
        continue;
      }
      const last = await db.selectFrom('process_definition').select(sql<number>`coalesce(max(version), 0)`.as('version'))
        .where('key', '=', graph.processId).executeTakeFirstOrThrow();
      const id = ctx.newId();
      const version = Number(last.version) + 1;
      await db.insertInto('process_definition').values({
        id, key: graph.processId, version, deployment_id: deploymentId, name: graph.name, checksum, source_xml: input.xml,
        deployed_by: input.deployedBy ?? null, deployed_at: ctx.clock.now().toISOString(),
        version_tag: input.versionTag ?? graph.versionTag, jurisdiction_code: input.jurisdictionCode ?? null,
        parent_definition_id: input.parentDefinitionId ?? null,
      }).execute();
      ctx.graphs.remember(id, graph.processId, deploymentId, graph);
      await replaceStartTriggers(ctx, db, id, graph);
      result.push({ id, key: graph.processId, version, checksum, created: true });
    }
    return result;
  });
}

/** Parse + compile + validate without storing (the designer's lint can call it too). */
export async function validate(input: Pick<DeployInput, 'xml' | 'formExists'>): Promise<ProcessGraph[]> {
  const read = await readBpmn(input.xml);
  const problems: DeployProblem[] = [...read.problems];
  if (!read.definitions) throw deployInvalid(problems);
  const compiled = compileDefinitions(read.definitions);
  problems.push(...compiled.problems);
  for (const graph of compiled.graphs) {
    problems.push(...validateGraph(graph));
    for (const element of graph.elements.values()) {
      const formId = element.user?.formKey;
      if (formId && input.formExists && !(await input.formExists(formId))) {
        problems.push({ elementId: element.id, message: `unknown form ${formId}` });
      }
    }
  }
  if (problems.length > 0) throw deployInvalid(problems);
  return compiled.graphs;
}

/** The newest version owns the process's timer / message / signal start events. */
async function replaceStartTriggers(ctx: EngineContext, db: Db, definitionId: string, graph: ProcessGraph): Promise<void> {
  const older = db.selectFrom('process_definition').select('id').where('key', '=', graph.processId).where('id', '!=', definitionId);
  await db.deleteFrom('job').where('definition_id', 'in', older).where('instance_id', 'is', null).execute();
  await db.deleteFrom('event_subscription').where('definition_id', 'in', older).where('instance_id', 'is', null).execute();
  const now = ctx.clock.now();
  for (const start of graph.elements.values()) {
    if (start.type !== 'startEvent' || start.scopeId !== graph.processId) continue;
    if (start.eventKind === 'timer') {
      const timer = resolveTimer(staticContext(ctx, now, start, graph), start.timer!);
      await db.insertInto('job').values({
        id: ctx.newId(), type: TIMER_JOB, kind: 'timer', instance_id: null, root_instance_id: null, execution_id: null,
        element_id: start.id, definition_id: definitionId, payload: JSON.stringify({ cycle: timer.cycle }),
        due_at: timer.dueAt.toISOString(), retries: 3, attempts: 0, state: 'ready', lock_owner: null,
        lock_expires_at: null, last_error: null, created_at: now.toISOString(),
      }).execute();
    }
    if (start.eventKind === 'message' || start.eventKind === 'signal') {
      await db.insertInto('event_subscription').values({
        id: ctx.newId(), kind: start.eventKind, name: (start.eventKind === 'message' ? start.messageName : start.signalName) ?? '',
        correlation_key: null, instance_id: null, root_instance_id: null, execution_id: null, element_id: start.id,
        definition_id: definitionId, data: '{}', created_at: now.toISOString(),
      }).execute();
    }
  }
}

function staticContext(ctx: EngineContext, now: Date, element: GraphElement, graph: ProcessGraph): BehaviorContext {
  return {
    element, graph, now, feel: ctx.feel, triggered: null,
    execution: { id: '', instance_id: '', root_instance_id: '', parent_id: null, element_id: element.id, state: 'active', data: {}, created_at: '' },
    instance: {
      id: '', root_instance_id: '', parent_instance_id: null, parent_execution_id: null, definition_id: '', definition_key: graph.processId,
      business_key: null, scope: null, state: 'active', started_at: '', ended_at: null, started_by: null,
    },
    variables: () => ({}), siblings: () => [], children: () => [],
    offsetFor: (ymd) => ctx.calendar.offset(new Date(`${ymd}T12:00:00Z`)),
  };
}
