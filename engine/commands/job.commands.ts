import { sql } from 'kysely';
import type { Variables } from '../behaviors/behavior.types';
import type { Db, EngineContext } from '../engine-context';
import { EngineError } from '../errors';
import { HistoryEvent } from '../runtime/history-events';
import { resumeAsync } from '../runtime/runner-async';
import type { JobRow } from '../runtime/state.types';
import { inTransaction, runCommand, type CommandOptions } from './command-runner';

export interface LockedJob {
  id: string;
  type: string;
  kind: string;
  instanceId: string | null;
  elementId: string | null;
  payload: Record<string, unknown>;
  /** variables visible to the job's element (instance scope + the element's locals) */
  variables: Record<string, unknown>;
  retries: number;
  attempts: number;
  dueAt: Date;
  lockOwner: string;
  lockExpiresAt: Date;
}

export interface EnqueueJobInput {
  type: string;
  payload?: Record<string, unknown>;
  dueAt?: Date;
  retries?: number;
}

/** Generic job (e.g. outbound email outbox) in the caller's transaction; the handler must be idempotent. */
export async function enqueueJob(ctx: EngineContext, tx: Db | null, input: EnqueueJobInput): Promise<string> {
  const id = ctx.newId();
  const now = ctx.clock.now();
  await (tx ?? ctx.db).insertInto('job').values({
    id, type: input.type, kind: 'generic', instance_id: null, root_instance_id: null, execution_id: null,
    element_id: null, definition_id: null, payload: JSON.stringify(input.payload ?? {}),
    due_at: (input.dueAt ?? now).toISOString(), retries: input.retries ?? 3, attempts: 0, state: 'ready',
    lock_owner: null, lock_expires_at: null, last_error: null, created_at: now.toISOString(),
  }).execute();
  return id;
}

/** Acquires due jobs of the given types: FOR UPDATE SKIP LOCKED + lock owner + lock expiry. */
export async function fetchAndLock(
  ctx: EngineContext, workerId: string, types: string[], lockMs: number, max: number,
): Promise<LockedJob[]> {
  if (types.length === 0 || max <= 0) return [];
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + lockMs);
  const result = await sql<JobRow>`
    UPDATE job SET lock_owner = ${workerId}, lock_expires_at = ${expires.toISOString()}::timestamptz, attempts = attempts
    WHERE id IN (
      SELECT id FROM job
      WHERE state = 'ready' AND due_at <= ${now.toISOString()}::timestamptz AND type = ANY(${types}::text[])
        AND (lock_expires_at IS NULL OR lock_expires_at < ${now.toISOString()}::timestamptz)
      ORDER BY due_at LIMIT ${max} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(ctx.db);
  const jobs = result.rows;
  const scopes = jobs.flatMap((job) => [job.instance_id, job.execution_id]).filter((id): id is string => Boolean(id));
  const variables = scopes.length === 0 ? [] : (await ctx.db.selectFrom('variable').select(['scope_id', 'name', 'value'])
    .where('scope_id', 'in', scopes).execute());
  return jobs.map((job) => {
    const visible: Record<string, unknown> = {};
    for (const scope of [job.instance_id, job.execution_id]) {
      for (const row of variables) if (row.scope_id === scope) visible[row.name] = row.value;
    }
    return {
      id: job.id, type: job.type, kind: job.kind, instanceId: job.instance_id, elementId: job.element_id,
      payload: job.payload, variables: visible, retries: job.retries, attempts: job.attempts, dueAt: new Date(job.due_at),
      lockOwner: workerId, lockExpiresAt: expires,
    };
  });
}

export interface CompleteJobOptions extends CommandOptions {
  workerId?: string;
}

/** Completes a service job; the element continues in the same transaction. */
export async function completeJob(
  ctx: EngineContext, jobId: string, variables: Variables = {}, options: CompleteJobOptions = {},
): Promise<void> {
  await runCommand(ctx, 'job', jobId, options, (runner) => {
    const job = lockedJob(runner.state.jobs.get(jobId), jobId, options.workerId);
    runner.state.deleteJob(job.id);
    const execution = runner.state.executions.get(job.execution_id ?? '');
    if (!execution) return;
    runner.history(HistoryEvent.jobCompleted, execution, {
      data: { jobId, ...(Object.keys(variables).length > 0 ? { variables } : {}) },
    });
    runner.push({ op: 'trigger', executionId: execution.id, trigger: { kind: 'job-completed', variables } });
  });
}

/**
 * Runs an async continuation job (locked by `workerId`): the token goes on from its boundary until
 * it waits again. Any incident on the way throws instead (ContinuationFailure), so the transaction
 * rolls back to the boundary and the executor fails the job (retry with backoff, then an incident).
 */
export async function continueAsync(ctx: EngineContext, jobId: string, workerId: string | null, options: CommandOptions = {}): Promise<void> {
  await runCommand(ctx, 'job', jobId, options, async (runner) => {
    const job = lockedJob(runner.state.jobs.get(jobId), jobId, workerId ?? undefined);
    runner.state.deleteJob(job.id);
    const execution = runner.state.executions.get(job.execution_id ?? '');
    if (!execution?.data.async) return;
    runner.failFast = true;
    runner.history(HistoryEvent.jobCompleted, execution, { data: { jobId, type: job.type, boundary: execution.data.async } });
    await resumeAsync(runner, execution);
  });
}

export interface FailJobInput {
  errorMessage: string;
  /** retries left after this failure (default: current - 1) */
  retries?: number;
  backoffMs?: number;
}

export function defaultBackoff(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** A failed attempt: retry later with backoff, or an incident when no retries are left. */
export async function failJob(
  ctx: EngineContext, jobId: string, input: FailJobInput, options: CompleteJobOptions = {},
): Promise<void> {
  const generic = await (options.tx ?? ctx.db).selectFrom('job').select(['root_instance_id', 'retries', 'attempts', 'lock_owner'])
    .where('id', '=', jobId).executeTakeFirst();
  if (!generic) throw new EngineError('JOB_NOT_FOUND', `job ${jobId} not found`, { jobId });
  if (!generic.root_instance_id) return failGenericJob(ctx, jobId, input, options);
  await runCommand(ctx, 'job', jobId, options, (runner) => {
    const job = lockedJob(runner.state.jobs.get(jobId), jobId, options.workerId);
    const retries = input.retries ?? job.retries - 1;
    const attempts = job.attempts + 1;
    const dueAt = new Date(runner.deps.now.getTime() + (input.backoffMs ?? defaultBackoff(attempts)));
    const failed = retries <= 0;
    runner.state.putJob({
      ...job, retries: Math.max(0, retries), attempts, last_error: input.errorMessage, lock_owner: null, lock_expires_at: null,
      state: failed ? 'failed' : 'ready', due_at: failed ? job.due_at : dueAt.toISOString(),
    });
    const execution = runner.state.executions.get(job.execution_id ?? '');
    if (!execution) return;
    runner.history(HistoryEvent.jobFailed, execution, { data: { jobId, message: input.errorMessage, retries: Math.max(0, retries) } });
    if (failed) runner.incident(execution, 'JOB_NO_RETRIES', input.errorMessage, jobId);
  });
}

async function failGenericJob(ctx: EngineContext, jobId: string, input: FailJobInput, options: CompleteJobOptions): Promise<void> {
  await inTransaction(ctx, options, async (db) => {
    const job = await db.selectFrom('job').selectAll().where('id', '=', jobId).forUpdate().executeTakeFirst();
    if (!job) throw new EngineError('JOB_NOT_FOUND', `job ${jobId} not found`, { jobId });
    if (options.workerId && job.lock_owner !== options.workerId) throw notLocked(jobId);
    const retries = Math.max(0, input.retries ?? job.retries - 1);
    const attempts = job.attempts + 1;
    const now = ctx.clock.now();
    await db.updateTable('job').set({
      retries, attempts, last_error: input.errorMessage, lock_owner: null, lock_expires_at: null,
      state: retries === 0 ? 'failed' : 'ready',
      due_at: new Date(now.getTime() + (input.backoffMs ?? defaultBackoff(attempts))).toISOString(),
    }).where('id', '=', jobId).execute();
    if (retries === 0) {
      await db.insertInto('incident').values({
        id: ctx.newId(), type: 'JOB_NO_RETRIES', message: input.errorMessage, instance_id: null, root_instance_id: null,
        execution_id: null, element_id: null, job_id: jobId, state: 'open', created_at: now.toISOString(),
        resolved_at: null, resolved_by: null,
      }).execute();
    }
  });
}

/** The worker reports a BPMN error: caught by a boundary / event subprocess, else an incident. */
export async function throwJobError(
  ctx: EngineContext, jobId: string, code: string, variables: Variables = {}, options: CompleteJobOptions = {},
): Promise<void> {
  await runCommand(ctx, 'job', jobId, options, async (runner) => {
    const job = lockedJob(runner.state.jobs.get(jobId), jobId, options.workerId);
    runner.state.deleteJob(job.id);
    const execution = runner.state.executions.get(job.execution_id ?? '');
    if (!execution) return;
    if (Object.keys(variables).length > 0) runner.vars.propagate(execution, variables);
    await runner.handle(execution, { effects: [], next: { kind: 'throw-error', code } });
  });
}

/** Deletes a finished generic / internal job (only while this worker still holds its lock). */
export async function finishJobRow(ctx: EngineContext, jobId: string, workerId: string): Promise<void> {
  await ctx.db.deleteFrom('job').where('id', '=', jobId).where('lock_owner', '=', workerId).execute();
}

function lockedJob(job: JobRow | undefined, jobId: string, workerId: string | undefined): JobRow {
  if (!job) throw new EngineError('JOB_NOT_FOUND', `job ${jobId} not found`, { jobId });
  if (workerId && job.lock_owner !== workerId) throw notLocked(jobId);
  return job;
}

function notLocked(jobId: string): EngineError {
  return new EngineError('JOB_NOT_LOCKED', `job ${jobId} is not locked by this worker`, { jobId });
}
