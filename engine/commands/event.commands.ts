import { sql } from 'kysely';
import type { Variables } from '../behaviors/behavior.types';
import type { EngineContext } from '../engine-context';
import { EngineError } from '../errors';
import { addDuration } from '../feel/timer-spec';
import { HistoryEvent } from '../runtime/history-events';
import { startRootExecution } from '../runtime/runner-effects';
import { fireEvent } from '../runtime/runner-events';
import { inTransaction, runCommand, runNewCommand, type CommandOptions } from './command-runner';
import { createInstanceRow } from './instance.commands';

export interface CorrelateMessageInput {
  name: string;
  correlationKey?: string | null;
  variables?: Variables;
  /** buffer the message this long when nothing waits for it yet (0 / absent: reject) */
  ttlMs?: number;
}

export interface CorrelationResult {
  correlatedInstances: string[];
  startedInstances: string[];
  buffered: boolean;
}

/**
 * Correlates a message to every instance waiting for (name, correlationKey) — one transaction per
 * instance — else starts instances at a matching message start event, else buffers it for ttlMs,
 * else MESSAGE_NOT_CORRELATED.
 */
export async function correlateMessage(
  ctx: EngineContext, input: CorrelateMessageInput, options: CommandOptions = {},
): Promise<CorrelationResult> {
  const key = input.correlationKey ?? null;
  const variables = input.variables ?? {};
  const result: CorrelationResult = { correlatedInstances: [], startedInstances: [], buffered: false };
  const db = options.tx ?? ctx.db;
  const waiting = await sql<{ root_instance_id: string | null; definition_id: string; element_id: string }>`
    SELECT DISTINCT ON (coalesce(root_instance_id::text, definition_id::text)) root_instance_id, definition_id, element_id
    FROM event_subscription WHERE kind = 'message' AND name = ${input.name}
      AND (instance_id IS NULL OR correlation_key IS NOT DISTINCT FROM ${key})`.execute(db);
  for (const row of waiting.rows.filter((r) => r.root_instance_id)) {
    const fired = await runCommand(ctx, 'instance', row.root_instance_id as string, options, (runner) => {
      const subscription = [...runner.state.subscriptions.values()].find((s) =>
        s.kind === 'message' && s.name === input.name && s.correlation_key === key && s.execution_id);
      const execution = subscription ? runner.state.executions.get(subscription.execution_id ?? '') : undefined;
      if (!subscription || !execution) return false;
      runner.history(HistoryEvent.messageCorrelated, execution, { data: { name: input.name, correlationKey: key } });
      fireEvent(runner, execution, subscription.element_id, variables);
      return true;
    }).catch((error: unknown) => {
      if (error instanceof EngineError && error.code === 'INSTANCE_NOT_FOUND') return false;
      throw error;
    });
    if (fired) result.correlatedInstances.push(row.root_instance_id as string);
  }
  if (result.correlatedInstances.length > 0) return result;
  for (const row of waiting.rows.filter((r) => !r.root_instance_id)) {
    result.startedInstances.push(await startAtEvent(ctx, row.definition_id, row.element_id, variables, options));
  }
  if (result.startedInstances.length > 0) return result;
  if (input.ttlMs && input.ttlMs > 0) {
    const now = ctx.clock.now();
    await inTransaction(ctx, options, (tx) => tx.insertInto('message_buffer').values({
      id: ctx.newId(), name: input.name, correlation_key: key, variables: JSON.stringify(variables),
      expires_at: new Date(now.getTime() + input.ttlMs!).toISOString(), created_at: now.toISOString(),
    }).execute());
    result.buffered = true;
    return result;
  }
  throw new EngineError('MESSAGE_NOT_CORRELATED', `no instance waits for message ${input.name} (${key ?? 'no key'})`, {
    name: input.name, correlationKey: key,
  });
}

/** Broadcasts a signal to every waiting instance (one transaction each) and signal start events. */
export async function broadcastSignal(
  ctx: EngineContext, name: string, variables: Variables = {}, options: CommandOptions = {},
): Promise<{ instances: string[]; started: string[] }> {
  const db = options.tx ?? ctx.db;
  const rows = await sql<{ root_instance_id: string | null; definition_id: string; element_id: string }>`
    SELECT DISTINCT root_instance_id, definition_id, element_id FROM event_subscription
    WHERE kind = 'signal' AND name = ${name}`.execute(db);
  const instances: string[] = [];
  const started: string[] = [];
  for (const root of new Set(rows.rows.map((r) => r.root_instance_id).filter((id): id is string => id !== null))) {
    await runCommand(ctx, 'instance', root, options, (runner) => {
      const matching = [...runner.state.subscriptions.values()].filter((s) => s.kind === 'signal' && s.name === name);
      for (const subscription of matching) {
        const execution = runner.state.executions.get(subscription.execution_id ?? '');
        if (!execution || !runner.state.subscriptions.has(subscription.id)) continue;
        runner.history(HistoryEvent.signalReceived, execution, { data: { name } });
        fireEvent(runner, execution, subscription.element_id, variables);
      }
    });
    instances.push(root);
  }
  for (const row of rows.rows.filter((r) => !r.root_instance_id)) {
    started.push(await startAtEvent(ctx, row.definition_id, row.element_id, variables, options));
  }
  return { instances, started };
}

async function startAtEvent(
  ctx: EngineContext, definitionId: string, startEventId: string, variables: Variables, options: CommandOptions,
): Promise<string> {
  return runNewCommand(ctx, options, async (runner, db) => {
    const graph = await ctx.graphs.load(db, definitionId);
    const id = ctx.newId();
    createInstanceRow(runner, id, definitionId, graph.processId, null, null);
    startRootExecution(runner, id, {}, startEventId, variables);
    return id;
  });
}

/** Fires a timer job (already locked by `workerId`): boundary, catch, gateway branch, event subprocess. */
export async function fireTimer(ctx: EngineContext, jobId: string, workerId: string | null, options: CommandOptions = {}): Promise<void> {
  await runCommand(ctx, 'job', jobId, options, (runner) => {
    const job = runner.state.jobs.get(jobId);
    if (!job || (workerId && job.lock_owner !== workerId)) return;
    runner.state.deleteJob(job.id);
    const execution = runner.state.executions.get(job.execution_id ?? '');
    if (!execution || !job.element_id) return;
    runner.history(HistoryEvent.timerFired, execution, { data: { elementId: job.element_id } });
    const event = runner.graphOf(execution).elements.get(job.element_id);
    const cycle = job.payload.cycle as { repetitions: number | null; duration: string } | null | undefined;
    fireEvent(runner, execution, job.element_id, {});
    const repeat = cycle && (cycle.repetitions === null || cycle.repetitions > 0) && event && !event.interrupting;
    if (repeat && runner.state.executions.has(execution.id)) {
      runner.state.putJob({
        ...job, id: ctx.newId(), due_at: addDuration(new Date(job.due_at), cycle.duration).toISOString(),
        payload: { cycle: { ...cycle, repetitions: cycle.repetitions === null ? null : cycle.repetitions - 1 } },
        lock_owner: null, lock_expires_at: null, attempts: 0, created_at: runner.nowIso,
      });
    }
  });
}

/** A timer start event: starts an instance, then reschedules a cycle in the same transaction. */
export async function fireStartTimer(ctx: EngineContext, jobId: string, workerId: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const job = await tx.selectFrom('job').selectAll().where('id', '=', jobId).forUpdate().executeTakeFirst();
    if (!job || (workerId && job.lock_owner !== workerId) || !job.definition_id || !job.element_id) return;
    await startAtEvent(ctx, job.definition_id, job.element_id, {}, { tx });
    const payload = job.payload as { cycle?: { repetitions: number | null; duration: string } | null };
    const cycle = payload.cycle;
    if (cycle && (cycle.repetitions === null || cycle.repetitions > 0)) {
      await tx.updateTable('job').set({
        due_at: addDuration(new Date(job.due_at), cycle.duration).toISOString(), lock_owner: null, lock_expires_at: null,
        payload: JSON.stringify({ cycle: { ...cycle, repetitions: cycle.repetitions === null ? null : cycle.repetitions - 1 } }),
      }).where('id', '=', jobId).execute();
    } else {
      await tx.deleteFrom('job').where('id', '=', jobId).execute();
    }
  });
}
