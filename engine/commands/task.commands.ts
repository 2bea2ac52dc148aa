import type { Variables } from '../behaviors/behavior.types';
import type { Db, EngineContext } from '../engine-context';
import { EngineError } from '../errors';
import { HistoryEvent } from '../runtime/history-events';
import type { Runner } from '../runtime/runner';
import type { TaskRow } from '../runtime/state.types';
import { runCommand, type CommandOptions } from './command-runner';

export interface CompleteTaskInput {
  variables?: Variables;
}

/** Completes an open user task; a finished one → TASK_ALREADY_COMPLETED. */
export async function completeTask(
  ctx: EngineContext, taskId: string, input: CompleteTaskInput = {}, options: CommandOptions = {},
): Promise<{ taskIds: string[] }> {
  return runCommand(ctx, 'task', taskId, options, async (runner, db) => {
    const task = await openTask(runner, db, taskId);
    const variables = input.variables ?? {};
    runner.state.putTask({ ...task, state: 'completed', completed_at: runner.nowIso, completed_by: options.actor ?? null });
    const execution = runner.state.executions.get(task.execution_id);
    if (!execution) throw new EngineError('TASK_NOT_FOUND', `task ${taskId} has no active element`, { taskId });
    runner.history(HistoryEvent.taskCompleted, execution, {
      taskId, data: Object.keys(variables).length > 0 ? { variables } : null,
    });
    runner.push({ op: 'trigger', executionId: execution.id, trigger: { kind: 'task-completed', variables } });
    // filled while the command runs: the user tasks that became open
    return { taskIds: runner.createdTaskIds };
  });
}

/** Claim: only when unassigned (or already the same user). */
export async function claimTask(ctx: EngineContext, taskId: string, userId: string, options: CommandOptions = {}): Promise<void> {
  await updateTask(ctx, taskId, options, (task) => {
    if (task.assignee && task.assignee !== userId) {
      throw new EngineError('TASK_NOT_ASSIGNABLE', `task ${taskId} is already claimed by ${task.assignee}`, { taskId, assignee: task.assignee });
    }
    return { change: { assignee: userId, claimed_at: new Date().toISOString() }, type: HistoryEvent.taskClaimed, data: { assignee: userId } };
  });
}

export async function unclaimTask(ctx: EngineContext, taskId: string, options: CommandOptions = {}): Promise<void> {
  await updateTask(ctx, taskId, options, (task) => ({
    change: { assignee: null, claimed_at: null }, type: HistoryEvent.taskUnclaimed, data: { previous: task.assignee },
  }));
}

/** Assign (or reassign / clear) regardless of the current assignee (supervisor action). */
export async function assignTask(
  ctx: EngineContext, taskId: string, assignee: string | null, options: CommandOptions = {},
): Promise<void> {
  await updateTask(ctx, taskId, options, (task) => ({
    change: { assignee, claimed_at: assignee ? new Date().toISOString() : null },
    type: HistoryEvent.taskAssigned, data: { assignee, previous: task.assignee },
  }));
}

/** Delegate: the current assignee hands the task to someone else. */
export async function delegateTask(ctx: EngineContext, taskId: string, userId: string, options: CommandOptions = {}): Promise<void> {
  await updateTask(ctx, taskId, options, (task) => {
    if (!task.assignee) throw new EngineError('TASK_NOT_ASSIGNABLE', `task ${taskId} is not assigned; claim it first`, { taskId });
    return { change: { assignee: userId }, type: HistoryEvent.taskDelegated, data: { assignee: userId, previous: task.assignee } };
  });
}

type TaskChange = {
  change: Partial<TaskRow>;
  type: (typeof HistoryEvent)[keyof typeof HistoryEvent];
  data: Record<string, unknown>;
};

async function updateTask(
  ctx: EngineContext, taskId: string, options: CommandOptions, decide: (task: TaskRow) => TaskChange,
): Promise<void> {
  await runCommand(ctx, 'task', taskId, options, async (runner, db) => {
    const task = await openTask(runner, db, taskId);
    const { change, type, data } = decide(task);
    if ('claimed_at' in change && change.claimed_at) change.claimed_at = runner.nowIso;
    runner.state.putTask({ ...task, ...change });
    const execution = runner.state.executions.get(task.execution_id) ?? null;
    runner.history(type, execution, { taskId, data, instance: runner.state.instances.get(task.instance_id) });
  });
}

async function openTask(runner: Runner, db: Db, taskId: string): Promise<TaskRow> {
  const task = runner.state.tasks.get(taskId);
  if (task && task.state === 'created') return task;
  const row = await db.selectFrom('task').select(['state']).where('id', '=', taskId).executeTakeFirst();
  if (row?.state === 'completed') throw new EngineError('TASK_ALREADY_COMPLETED', `task ${taskId} is already completed`, { taskId });
  throw new EngineError('TASK_NOT_FOUND', `task ${taskId} is not open${row ? ` (${row.state})` : ''}`, { taskId, state: row?.state });
}
