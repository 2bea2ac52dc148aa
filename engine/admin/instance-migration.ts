import { catchEffects } from '../behaviors/behavior.helpers';
import { runCommand, type CommandOptions } from '../commands/command-runner';
import type { EngineContext } from '../engine-context';
import { EngineError, type DeployProblem } from '../errors';
import type { GraphElement, ProcessGraph } from '../model/graph.types';
import { HistoryEvent } from '../runtime/history-events';
import type { Runner } from '../runtime/runner';
import { applyEffect } from '../runtime/runner-effects';
import type { ExecutionRow } from '../runtime/state.types';

export interface MigrationInput {
  instanceId: string;
  targetDefinitionId: string;
  /** source element id → target element id; unmapped ids map to the same id */
  mapping?: Record<string, string>;
}

/** An event an active element (or scope) listens to: a boundary event, or an event subprocess start. */
export interface EventChange {
  /** the activity / scope a token sits on (target id) */
  elementId: string;
  /** the boundary event / event subprocess start event (target id for attach, source id for detach) */
  eventId: string;
}

export interface MigrationPlan {
  instanceId: string;
  targetDefinitionId: string;
  canMigrate: boolean;
  /** active element → target element */
  moves: { from: string; to: string }[];
  /** events of the target version whose subscription / timer job is created at migration */
  attach: EventChange[];
  /** subscriptions / timer jobs dropped because the event is not in the target version (or not there) */
  detach: EventChange[];
  problems: DeployProblem[];
}

/** Dry run: what would move where, which events are attached / dropped, what cannot move. Writes nothing. */
export async function planMigration(ctx: EngineContext, input: MigrationInput, options: CommandOptions = {}): Promise<MigrationPlan> {
  return runCommand(ctx, 'instance', input.instanceId, options, async (runner, db) => {
    const target = await ctx.graphs.load(db, input.targetDefinitionId);
    return plan(runner, input, target).result;
  });
}

/** Applies a migration in one transaction; refuses (MIGRATION_INVALID) when the plan has problems. */
export async function migrateInstance(ctx: EngineContext, input: MigrationInput, options: CommandOptions = {}): Promise<MigrationPlan> {
  return runCommand(ctx, 'instance', input.instanceId, options, async (runner, db) => {
    const target = await ctx.graphs.load(db, input.targetDefinitionId);
    const { result, listening, attachTo } = plan(runner, input, target);
    if (!result.canMigrate) {
      throw new EngineError('MIGRATION_INVALID', `instance ${input.instanceId} cannot migrate`, { problems: result.problems });
    }
    const map = (id: string) => input.mapping?.[id] ?? id;
    const instance = runner.state.instances.get(input.instanceId);
    if (!instance) throw new EngineError('INSTANCE_NOT_FOUND', `instance ${input.instanceId} not found`);
    const from = instance.definition_id;
    const source = runner.deps.graphs.graph(from);
    runner.state.putInstance({ ...instance, definition_id: input.targetDefinitionId });
    for (const execution of [...runner.state.executions.values()]) {
      if (execution.instance_id !== instance.id) continue;
      execution.element_id = execution.parent_id === null ? target.processId : map(execution.element_id);
      runner.state.putExecution(execution);
    }
    for (const task of runner.state.tasks.values()) {
      if (task.instance_id !== instance.id) continue;
      runner.state.putTask({ ...task, element_id: map(task.element_id), definition_id: input.targetDefinitionId });
    }
    // an event listened to by an execution stays only if the target still has it there
    const keeps = (executionId: string | null, sourceEventId: string): boolean => {
      const elementId = map(sourceEventId);
      if (!target.elements.has(elementId)) return false;
      const allowed = executionId ? listening.get(executionId) : undefined;
      return !allowed || !isListenedEvent(source.elements.get(sourceEventId)) || allowed.has(elementId);
    };
    for (const subscription of [...runner.state.subscriptions.values()]) {
      if (subscription.instance_id !== instance.id) continue;
      runner.state.deleteSubscription(subscription.id);
      if (keeps(subscription.execution_id, subscription.element_id)) {
        runner.state.putSubscription({
          ...subscription, id: ctx.newId(), element_id: map(subscription.element_id), definition_id: input.targetDefinitionId,
        });
      }
    }
    for (const job of [...runner.state.jobs.values()]) {
      if (job.instance_id !== instance.id || !job.element_id) continue;
      if (keeps(job.execution_id, job.element_id)) {
        runner.state.putJob({ ...job, element_id: map(job.element_id), definition_id: input.targetDefinitionId });
      } else {
        runner.state.deleteJob(job.id);
      }
    }
    attachEvents(runner, input.instanceId, attachTo, target);
    runner.history(HistoryEvent.instanceMigrated, null, {
      instance: { ...instance, definition_id: input.targetDefinitionId }, element: null,
      data: { from, to: input.targetDefinitionId, moves: result.moves, attach: result.attach, detach: result.detach },
    });
    return result;
  });
}

/** Subscriptions / timer jobs of the events new to an active element, created with the current variables. */
function attachEvents(runner: Runner, instanceId: string, attachTo: Attachment[], target: ProcessGraph): void {
  for (const { executionId, eventId } of attachTo) {
    const execution = runner.state.executions.get(executionId);
    const event = target.elements.get(eventId);
    if (!execution || !event) continue;
    try {
      for (const effect of catchEffects(runner.context(execution), event)) void applyEffect(runner, execution, effect);
    } catch (error) {
      throw new EngineError('MIGRATION_INVALID', `instance ${instanceId} cannot migrate`, {
        problems: [{ elementId: event.id, message: `cannot subscribe: ${(error as Error).message}` }],
      });
    }
  }
}

/** Boundary events with a subscription / timer, and event subprocess starts: what an active element listens to. */
function isListenedEvent(element: GraphElement | undefined): boolean {
  if (!element || !['message', 'timer', 'signal'].includes(element.eventKind)) return false;
  return element.type === 'boundaryEvent' || element.type === 'startEvent';
}

/** Target events that `to` (the element a token sits on in the target) listens to. */
function listenedEvents(graph: ProcessGraph, to: GraphElement, execution: ExecutionRow): string[] {
  if (execution.data.async) return [];
  const ids: string[] = execution.parent_id === null || execution.data.inner ? [] : [...to.boundaries];
  if (!to.mi || execution.data.inner) {
    for (const espId of to.eventSubProcesses) {
      for (const element of graph.elements.values()) if (element.scopeId === espId && element.type === 'startEvent') ids.push(element.id);
    }
  }
  return ids.filter((id) => isListenedEvent(graph.elements.get(id)));
}

interface Attachment {
  executionId: string;
  eventId: string;
}

interface PlanDetail {
  result: MigrationPlan;
  /** execution id → target events it listens to after the migration */
  listening: Map<string, Set<string>>;
  attachTo: Attachment[];
}

function plan(runner: Runner, input: MigrationInput, target: ProcessGraph): PlanDetail {
  const problems: DeployProblem[] = [];
  const moves: { from: string; to: string }[] = [];
  const attach: EventChange[] = [];
  const detach: EventChange[] = [];
  const listening = new Map<string, Set<string>>();
  const attachTo: Attachment[] = [];
  const map = (id: string) => input.mapping?.[id] ?? id;
  const instance = runner.state.instances.get(input.instanceId);
  if (!instance || instance.state !== 'active') {
    problems.push({ elementId: null, message: 'instance is not active' });
  }
  const source = instance ? runner.deps.graphs.graph(instance.definition_id) : null;
  for (const execution of runner.state.executions.values()) {
    if (!instance || !source || execution.instance_id !== instance.id) continue;
    if (execution.parent_id !== null && !checkMove(runner, execution, source, target, map, problems)) continue;
    const to = target.elements.get(execution.parent_id === null ? target.processId : map(execution.element_id));
    if (!to) continue;
    if (execution.parent_id !== null) moves.push({ from: execution.element_id, to: to.id });
    const wanted = new Set(listenedEvents(target, to, execution));
    listening.set(execution.id, wanted);
    const active = new Set<string>();
    for (const row of [...runner.state.subscriptions.values(), ...runner.state.jobs.values()]) {
      if (row.execution_id !== execution.id || !row.element_id || !isListenedEvent(source.elements.get(row.element_id))) continue;
      if (wanted.has(map(row.element_id))) active.add(map(row.element_id));
      else detach.push({ elementId: to.id, eventId: row.element_id });
    }
    for (const eventId of wanted) {
      if (active.has(eventId)) continue;
      attach.push({ elementId: to.id, eventId });
      attachTo.push({ executionId: execution.id, eventId });
    }
  }
  return {
    result: {
      instanceId: input.instanceId, targetDefinitionId: input.targetDefinitionId, canMigrate: problems.length === 0,
      moves, attach, detach, problems,
    },
    listening,
    attachTo,
  };
}

function checkMove(
  runner: Runner, execution: ExecutionRow, source: ProcessGraph, target: ProcessGraph, map: (id: string) => string,
  problems: DeployProblem[],
): boolean {
  const from = source.elements.get(execution.element_id);
  const to = target.elements.get(map(execution.element_id));
  if (!to) {
    problems.push({ elementId: execution.element_id, message: `no element ${map(execution.element_id)} in the target version` });
    return false;
  }
  if (from && from.type !== to.type) {
    problems.push({ elementId: execution.element_id, message: `type changes from ${from.type} to ${to.type}` });
    return false;
  }
  if (from && Boolean(from.mi) !== Boolean(to.mi)) {
    problems.push({ elementId: execution.element_id, message: 'multi-instance characteristics differ' });
    return false;
  }
  const parent = execution.parent_id ? runner.state.executions.get(execution.parent_id) : undefined;
  const expectedScope = parent && parent.parent_id !== null ? map(parent.element_id) : target.processId;
  if (to.scopeId !== expectedScope && !(parent?.element_id === execution.element_id)) {
    problems.push({ elementId: execution.element_id, message: `${to.id} is in another scope in the target version` });
    return false;
  }
  return true;
}
