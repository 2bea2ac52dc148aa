import { runCommand, type CommandOptions } from '../commands/command-runner';
import type { EngineContext } from '../engine-context';
import { EngineError, type DeployProblem } from '../errors';
import type { ProcessGraph } from '../model/graph.types';
import { HistoryEvent } from '../runtime/history-events';
import type { Runner } from '../runtime/runner';

export interface MigrationInput {
  instanceId: string;
  targetDefinitionId: string;
  /** source element id → target element id; unmapped ids map to the same id */
  mapping?: Record<string, string>;
}

export interface MigrationPlan {
  instanceId: string;
  targetDefinitionId: string;
  canMigrate: boolean;
  /** active element → target element */
  moves: { from: string; to: string }[];
  problems: DeployProblem[];
}

/** Dry run: what would move where, and what cannot move. Writes nothing. */
export async function planMigration(ctx: EngineContext, input: MigrationInput, options: CommandOptions = {}): Promise<MigrationPlan> {
  return runCommand(ctx, 'instance', input.instanceId, options, async (runner, db) => {
    const target = await ctx.graphs.load(db, input.targetDefinitionId);
    return plan(runner, input, target);
  });
}

/** Applies a migration in one transaction; refuses (MIGRATION_INVALID) when the plan has problems. */
export async function migrateInstance(ctx: EngineContext, input: MigrationInput, options: CommandOptions = {}): Promise<MigrationPlan> {
  return runCommand(ctx, 'instance', input.instanceId, options, async (runner, db) => {
    const target = await ctx.graphs.load(db, input.targetDefinitionId);
    const result = plan(runner, input, target);
    if (!result.canMigrate) {
      throw new EngineError('MIGRATION_INVALID', `instance ${input.instanceId} cannot migrate`, { problems: result.problems });
    }
    const map = (id: string) => input.mapping?.[id] ?? id;
    const instance = runner.state.instances.get(input.instanceId);
    if (!instance) throw new EngineError('INSTANCE_NOT_FOUND', `instance ${input.instanceId} not found`);
    for (const execution of [...runner.state.executions.values()]) {
      if (execution.instance_id !== instance.id) continue;
      execution.element_id = execution.parent_id === null ? target.processId : map(execution.element_id);
      runner.state.putExecution(execution);
    }
    for (const task of runner.state.tasks.values()) {
      if (task.instance_id !== instance.id) continue;
      runner.state.putTask({ ...task, element_id: map(task.element_id), definition_id: input.targetDefinitionId });
    }
    for (const subscription of [...runner.state.subscriptions.values()]) {
      if (subscription.instance_id !== instance.id) continue;
      runner.state.deleteSubscription(subscription.id);
      const elementId = map(subscription.element_id);
      if (target.elements.has(elementId)) {
        runner.state.putSubscription({ ...subscription, id: ctx.newId(), element_id: elementId, definition_id: input.targetDefinitionId });
      }
    }
    for (const job of [...runner.state.jobs.values()]) {
      if (job.instance_id !== instance.id || !job.element_id) continue;
      const elementId = map(job.element_id);
      if (target.elements.has(elementId)) runner.state.putJob({ ...job, element_id: elementId, definition_id: input.targetDefinitionId });
      else runner.state.deleteJob(job.id);
    }
    const from = instance.definition_id;
    runner.state.putInstance({ ...instance, definition_id: input.targetDefinitionId });
    runner.history(HistoryEvent.instanceMigrated, null, {
      instance: { ...instance, definition_id: input.targetDefinitionId }, element: null,
      data: { from, to: input.targetDefinitionId, moves: result.moves },
    });
    return result;
  });
}

function plan(runner: Runner, input: MigrationInput, target: ProcessGraph): MigrationPlan {
  const problems: DeployProblem[] = [];
  const moves: { from: string; to: string }[] = [];
  const map = (id: string) => input.mapping?.[id] ?? id;
  const instance = runner.state.instances.get(input.instanceId);
  if (!instance || instance.state !== 'active') {
    problems.push({ elementId: null, message: 'instance is not active' });
  }
  const source = instance ? runner.deps.graphs.graph(instance.definition_id) : null;
  for (const execution of runner.state.executions.values()) {
    if (!instance || execution.instance_id !== instance.id || execution.parent_id === null) continue;
    const from = source?.elements.get(execution.element_id);
    const to = target.elements.get(map(execution.element_id));
    if (!to) {
      problems.push({ elementId: execution.element_id, message: `no element ${map(execution.element_id)} in the target version` });
      continue;
    }
    if (from && from.type !== to.type) {
      problems.push({ elementId: execution.element_id, message: `type changes from ${from.type} to ${to.type}` });
      continue;
    }
    if (from && Boolean(from.mi) !== Boolean(to.mi)) {
      problems.push({ elementId: execution.element_id, message: 'multi-instance characteristics differ' });
      continue;
    }
    const parent = execution.parent_id ? runner.state.executions.get(execution.parent_id) : undefined;
    const expectedScope = parent && parent.parent_id !== null ? map(parent.element_id) : target.processId;
    if (to.scopeId !== expectedScope && !(parent?.element_id === execution.element_id)) {
      problems.push({ elementId: execution.element_id, message: `${to.id} is in another scope in the target version` });
      continue;
    }
    moves.push({ from: execution.element_id, to: to.id });
  }
  return { instanceId: input.instanceId, targetDefinitionId: input.targetDefinitionId, canMigrate: problems.length === 0, moves, problems };
}
