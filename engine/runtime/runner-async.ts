import { HistoryEvent } from './history-events';
import type { Runner } from './runner';
import type { ExecutionRow } from './state.types';

/** Job type of an async continuation (a row of `job`, kind `async`, executed by every JobExecutor). */
export const ASYNC_CONTINUATION_JOB = 'engine:async-continuation';

/** Default attempts of an async continuation before it becomes an incident. */
export const ASYNC_RETRIES = 3;

/** Raised inside an async continuation instead of an incident: the command rolls back to the boundary. */
export class ContinuationFailure extends Error {
  constructor(readonly type: string, message: string) {
    super(`${type}: ${message}`);
    this.name = 'ContinuationFailure';
  }
}

/**
 * Ends the command's work for this token at an async boundary: the token (execution row, marked
 * `async`) and a due job are written in this transaction; the job's executor carries it on.
 * before: the execution is the activity's, not yet entered (no `element.activated`, no boundaries).
 * after: a new execution at the completed activity that only has to take its outgoing flows.
 */
export function suspendAsync(runner: Runner, execution: ExecutionRow, boundary: 'before' | 'after'): void {
  const token: ExecutionRow = {
    ...execution, state: 'active', data: { ...execution.data, async: boundary },
    ...(boundary === 'after' ? { created_at: runner.nowIso } : {}),
  };
  runner.state.putExecution(token);
  const instance = runner.instanceOf(token);
  const jobId = runner.deps.newId();
  runner.state.putJob({
    id: jobId, type: ASYNC_CONTINUATION_JOB, kind: 'async', instance_id: instance.id, root_instance_id: instance.root_instance_id,
    execution_id: token.id, element_id: token.element_id, definition_id: instance.definition_id, payload: { boundary },
    due_at: runner.nowIso, retries: ASYNC_RETRIES, attempts: 0, state: 'ready', lock_owner: null, lock_expires_at: null,
    last_error: null, created_at: runner.nowIso,
  });
  runner.history(HistoryEvent.jobCreated, token, { data: { jobId, type: ASYNC_CONTINUATION_JOB, boundary } });
}

/** Carries a token on past its async boundary (inside the continuation job's command). */
export async function resumeAsync(runner: Runner, execution: ExecutionRow): Promise<void> {
  const boundary = execution.data.async;
  if (!boundary) return;
  const element = runner.elementOf(execution);
  if (boundary === 'before') {
    const data = { ...execution.data };
    delete data.async;
    execution.data = data;
    runner.state.putExecution(execution);
    await runner.enter(execution, element);
    return;
  }
  const parent = execution.parent_id ? runner.state.executions.get(execution.parent_id) : undefined;
  const flows = execution.data.asyncFlows ?? runner.selectFlows(element, parent ?? execution);
  runner.state.deleteExecution(execution.id);
  runner.leave(execution, flows);
}
