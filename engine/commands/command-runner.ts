import { sql } from 'kysely';
import type { Db, EngineContext } from '../engine-context';
import { EngineError } from '../errors';
import { HistoryEvent } from '../runtime/history-events';
import { InstanceState } from '../runtime/instance-state';
import { Runner } from '../runtime/runner';
import { fireEvent } from '../runtime/runner-events';
import type { LoadedState } from '../runtime/state.types';
import { isUuid, withCommandSession, type CommandSession } from './command-session';

export interface CommandOptions {
  /** compose with the caller's transaction (kysely Transaction); else the command opens its own */
  tx?: Db;
  actor?: string | null;
}

export type LoadKind = 'instance' | 'task' | 'job' | 'incident' | 'subscription';

/** Runs `work` in a transaction (the caller's `tx` if given). */
export async function inTransaction<R>(ctx: EngineContext, options: CommandOptions, work: (db: Db) => Promise<R>): Promise<R> {
  if (options.tx) return work(options.tx);
  return ctx.db.transaction().execute((trx) => work(trx));
}

/**
 * ONE command = ONE transaction: lock the root instance row (engine_load_for does SELECT … FOR
 * UPDATE, then reads the state with a fresh snapshot), run `work` and the tokens until each waits,
 * write the diff and history with one engine_apply call. Round trips: see command-session.ts.
 */
export async function runCommand<R>(
  ctx: EngineContext, kind: LoadKind, id: string, options: CommandOptions,
  work: (runner: Runner, db: Db) => Promise<R> | R,
): Promise<R> {
  if (!isUuid(id)) throw notFound(kind, id);
  return withCommandSession(ctx, options.tx, async (session) => {
    const [loaded] = await session.first<{ state: LoadedState | null }>(
      `SELECT engine_load_for('${kind}', '${id}'::uuid) AS state`,
    );
    const state = loaded?.state;
    if (!state) throw notFound(kind, id);
    return execute(ctx, session, new InstanceState(state), options, (runner, db) => work(runner, db));
  });
}

/**
 * A command on a new root instance (nothing to lock yet). `prelude`: an optional first statement
 * (inlined literals) whose rows are handed to `work` — sent together with BEGIN where possible.
 */
export async function runNewCommand<R, P = never>(
  ctx: EngineContext, options: CommandOptions, work: (runner: Runner, db: Db, prelude: P[]) => Promise<R> | R,
  prelude?: string,
): Promise<R> {
  return withCommandSession(ctx, options.tx, async (session) => {
    const rows = prelude ? await session.first<P>(prelude) : [];
    return execute(ctx, session, new InstanceState(), options, (runner, db) => work(runner, db, rows));
  });
}

async function execute<R>(
  ctx: EngineContext, session: CommandSession, state: InstanceState, options: CommandOptions,
  work: (runner: Runner, db: Db) => Promise<R> | R,
): Promise<R> {
  const db = session.db;
  await ctx.holidays.ensure(db);
  for (const instance of state.instances.values()) await ctx.graphs.load(db, instance.definition_id);
  const runner = new Runner({
    state, graphs: ctx.graphs.provider(db), feel: ctx.feel, calendar: ctx.calendar, now: ctx.clock.now(),
    actor: options.actor ?? null, newId: ctx.newId,
  });
  const result = await work(runner, db);
  await runner.run();
  await consumeBufferedMessages(runner, db);
  await session.finish(state.diff());
  return result;
}

/** Messages published before their subscription existed (buffered with a TTL) are consumed here. */
async function consumeBufferedMessages(runner: Runner, db: Db): Promise<void> {
  const checked = new Set<string>();
  for (;;) {
    const pending = runner.state.newSubscriptions().filter((s) => s.kind === 'message' && !checked.has(s.id)
      && runner.state.subscriptions.has(s.id) && s.instance_id !== null);
    if (pending.length === 0) return;
    let fired = false;
    for (const subscription of pending) {
      checked.add(subscription.id);
      const result = await sql<{ variables: Record<string, unknown> }>`
        DELETE FROM message_buffer WHERE id = (
          SELECT id FROM message_buffer WHERE name = ${subscription.name}
            AND correlation_key IS NOT DISTINCT FROM ${subscription.correlation_key}
            AND expires_at > ${runner.nowIso}::timestamptz
          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING variables`.execute(db);
      const message = result.rows[0];
      const execution = subscription.execution_id ? runner.state.executions.get(subscription.execution_id) : undefined;
      if (!message || !execution || !runner.state.subscriptions.has(subscription.id)) continue;
      runner.history(HistoryEvent.messageCorrelated, execution, { data: { name: subscription.name, buffered: true } });
      fireEvent(runner, execution, subscription.element_id, message.variables ?? {});
      fired = true;
    }
    if (fired) await runner.run();
  }
}

function notFound(kind: LoadKind, id: string): EngineError {
  switch (kind) {
    case 'task': return new EngineError('TASK_NOT_FOUND', `task ${id} not found`, { taskId: id });
    case 'job': return new EngineError('JOB_NOT_FOUND', `job ${id} not found`, { jobId: id });
    case 'incident': return new EngineError('INCIDENT_NOT_FOUND', `incident ${id} not found`, { incidentId: id });
    default: return new EngineError('INSTANCE_NOT_FOUND', `instance ${id} not found`, { instanceId: id });
  }
}
