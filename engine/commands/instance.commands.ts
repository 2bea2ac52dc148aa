import type { Variables } from '../behaviors/behavior.types';
import type { EngineContext } from '../engine-context';
import { EngineError } from '../errors';
import { HistoryEvent } from '../runtime/history-events';
import { startRootExecution } from '../runtime/runner-effects';
import { terminateExecution } from '../runtime/runner-events';
import type { Runner } from '../runtime/runner';
import { runCommand, runNewCommand, type CommandOptions } from './command-runner';
import { isUuid, literal } from './command-session';

export interface StartInstanceInput {
  /** latest version of this process id … */
  definitionKey?: string;
  /** … or exactly this version */
  definitionId?: string;
  variables?: Variables;
  businessKey?: string | null;
  /** jurisdiction path, e.g. '/44/19300/' (authorization filters on it) */
  scope?: string | null;
  /** start at a message/timer/signal start event instead of the none start */
  startEventId?: string;
  startVariables?: Variables;
}

export interface StartedInstance {
  instanceId: string;
  definitionId: string;
  /** user tasks the start created (e.g. to open the first form right away) */
  taskIds: string[];
}

export async function startInstance(ctx: EngineContext, input: StartInstanceInput, options: CommandOptions = {}): Promise<StartedInstance> {
  // the definition lookup travels with BEGIN (one round trip fewer than a separate query)
  const lookup = input.definitionId
    ? (isUuid(input.definitionId) ? `SELECT id, key FROM process_definition WHERE id = '${input.definitionId}'::uuid` : 'SELECT NULL AS id WHERE false')
    : `SELECT id, key FROM process_definition WHERE key = ${literal(input.definitionKey ?? '')} ORDER BY version DESC LIMIT 1`;
  return runNewCommand<StartedInstance, { id: string; key: string }>(ctx, options, async (runner, db, rows) => {
    const definition = rows[0];
    if (!definition) {
      throw new EngineError('DEFINITION_NOT_FOUND', `process ${input.definitionId ?? input.definitionKey} not found`, {
        definitionKey: input.definitionKey, definitionId: input.definitionId,
      });
    }
    const graph = await ctx.graphs.load(db, definition.id);
    if (!input.startEventId && !graph.elements.get(graph.processId)?.noneStartId) {
      throw new EngineError('ELEMENT_NOT_FOUND', `process ${definition.key} has no none start event`);
    }
    const instanceId = ctx.newId();
    createInstanceRow(runner, instanceId, definition.id, definition.key, input.businessKey ?? null, input.scope ?? null);
    startRootExecution(runner, instanceId, input.variables ?? {}, input.startEventId ?? null, input.startVariables ?? null);
    return { instanceId, definitionId: definition.id, taskIds: runner.createdTaskIds };
  }, lookup);
}

export function createInstanceRow(
  runner: Runner, id: string, definitionId: string, key: string, businessKey: string | null, scope: string | null,
): void {
  runner.state.putInstance({
    id, root_instance_id: id, parent_instance_id: null, parent_execution_id: null, definition_id: definitionId,
    definition_key: key, business_key: businessKey, scope, state: 'active', started_at: runner.nowIso, ended_at: null,
    started_by: runner.deps.actor,
  });
}

/** Cancels a whole instance tree (admin). */
export async function cancelInstance(ctx: EngineContext, instanceId: string, options: CommandOptions = {}): Promise<void> {
  await runCommand(ctx, 'instance', instanceId, options, (runner) => {
    const instance = runner.state.instances.get(instanceId);
    const root = runner.state.executions.get(instanceId);
    if (!instance || !root || instance.state !== 'active') {
      throw new EngineError('INSTANCE_NOT_ACTIVE', `instance ${instanceId} is not active`, { instanceId });
    }
    for (const child of runner.state.childrenOf(root.id)) terminateExecution(runner, child);
    runner.cleanup(root, false);
    runner.finishInstance(root, 'cancelled', {});
  });
}

/** Sets variables on the instance scope (or a given execution scope). */
export async function setVariables(
  ctx: EngineContext, instanceId: string, variables: Variables, options: CommandOptions & { scopeId?: string } = {},
): Promise<void> {
  await runCommand(ctx, 'instance', instanceId, options, (runner) => {
    const scope = runner.state.executions.get(options.scopeId ?? instanceId);
    if (!scope) throw new EngineError('INSTANCE_NOT_ACTIVE', `scope ${options.scopeId ?? instanceId} is not active`);
    runner.vars.setLocal(scope, variables);
    runner.history(HistoryEvent.variablesUpdated, null, {
      instance: runner.instanceOf(scope), element: null, data: { variables },
    });
  });
}

export interface ModifyInstanceInput {
  /** element ids whose active executions are terminated */
  cancel?: string[];
  /** element ids to start (a new token before each, in the scope of the element's parent) */
  startBefore?: string[];
  variables?: Variables;
}

/** Admin: move tokens (cancel element X, start before element Y). */
export async function modifyInstance(
  ctx: EngineContext, instanceId: string, input: ModifyInstanceInput, options: CommandOptions = {},
): Promise<void> {
  await runCommand(ctx, 'instance', instanceId, options, (runner) => {
    const root = runner.state.executions.get(instanceId);
    if (!root) throw new EngineError('INSTANCE_NOT_ACTIVE', `instance ${instanceId} is not active`, { instanceId });
    const graph = runner.graphOf(root);
    runner.history(HistoryEvent.instanceModified, null, { instance: runner.instanceOf(root), element: null, data: { ...input } });
    if (input.variables) runner.vars.setLocal(root, input.variables);
    for (const elementId of input.cancel ?? []) {
      const matches = [...runner.state.executions.values()].filter((e) => e.instance_id === instanceId && e.element_id === elementId);
      if (matches.length === 0) throw new EngineError('ELEMENT_NOT_FOUND', `no active token at ${elementId}`, { elementId });
      for (const execution of matches) if (runner.state.executions.has(execution.id)) terminateExecution(runner, execution);
    }
    for (const elementId of input.startBefore ?? []) {
      const element = graph.elements.get(elementId);
      if (!element || !element.scopeId) throw new EngineError('ELEMENT_NOT_FOUND', `no element ${elementId}`, { elementId });
      const scope = element.scopeId === graph.processId ? root
        : [...runner.state.executions.values()].find((e) => e.instance_id === instanceId && e.element_id === element.scopeId);
      if (!scope) throw new EngineError('ELEMENT_NOT_FOUND', `scope ${element.scopeId} of ${elementId} is not active`, { elementId });
      runner.push({ op: 'activate', instanceId, parentId: scope.id, elementId, flowId: null });
    }
    for (const elementId of input.cancel ?? []) {
      const element = graph.elements.get(elementId);
      const scope = element?.scopeId === graph.processId ? root
        : [...runner.state.executions.values()].find((e) => e.instance_id === instanceId && e.element_id === element?.scopeId);
      if (scope) runner.push({ op: 'scope-check', executionId: scope.id });
    }
  });
}
