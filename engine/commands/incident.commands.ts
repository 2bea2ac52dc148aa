import type { EngineContext } from '../engine-context';
import { EngineError } from '../errors';
import { HistoryEvent } from '../runtime/history-events';
import { inTransaction, runCommand, type CommandOptions } from './command-runner';

/**
 * Retries what an incident stopped: a job gets `retries` again; an element (gateway without a
 * matching condition, failing expression, uncaught error) re-runs its activation with current data.
 */
export async function retryIncident(
  ctx: EngineContext, incidentId: string, input: { retries?: number } = {}, options: CommandOptions = {},
): Promise<void> {
  const db = options.tx ?? ctx.db;
  const row = await db.selectFrom('incident').select(['root_instance_id', 'job_id', 'state']).where('id', '=', incidentId).executeTakeFirst();
  if (!row || row.state !== 'open') throw new EngineError('INCIDENT_NOT_FOUND', `no open incident ${incidentId}`, { incidentId });
  if (!row.root_instance_id) {
    await inTransaction(ctx, options, async (tx) => {
      const now = ctx.clock.now().toISOString();
      await tx.updateTable('job').set({ state: 'ready', retries: input.retries ?? 1, due_at: now, lock_owner: null, lock_expires_at: null })
        .where('id', '=', row.job_id ?? '').execute();
      await tx.updateTable('incident').set({ state: 'resolved', resolved_at: now, resolved_by: options.actor ?? null })
        .where('id', '=', incidentId).execute();
    });
    return;
  }
  await runCommand(ctx, 'incident', incidentId, options, (runner) => {
    const incident = runner.state.incidents.get(incidentId);
    if (!incident) throw new EngineError('INCIDENT_NOT_FOUND', `no open incident ${incidentId}`, { incidentId });
    runner.state.putIncident({ ...incident, state: 'resolved', resolved_at: runner.nowIso, resolved_by: options.actor ?? null });
    const execution = runner.state.executions.get(incident.execution_id ?? '') ?? null;
    runner.history(HistoryEvent.incidentResolved, execution, {
      instance: runner.state.instances.get(incident.instance_id ?? ''), data: { incidentId },
    });
    if (incident.job_id) {
      const job = runner.state.jobs.get(incident.job_id);
      if (job) {
        runner.state.putJob({
          ...job, state: 'ready', retries: input.retries ?? 1, due_at: runner.nowIso, lock_owner: null, lock_expires_at: null,
        });
      }
      return;
    }
    if (execution) {
      execution.data = { ...execution.data, incident: false };
      runner.state.putExecution(execution);
      runner.push({ op: 'reactivate', executionId: execution.id });
    }
  });
}

/** Marks an incident resolved without retrying (e.g. fixed by modifying the instance). */
export async function resolveIncident(ctx: EngineContext, incidentId: string, options: CommandOptions = {}): Promise<void> {
  await inTransaction(ctx, options, async (db) => {
    const result = await db.updateTable('incident')
      .set({ state: 'resolved', resolved_at: ctx.clock.now().toISOString(), resolved_by: options.actor ?? null })
      .where('id', '=', incidentId).where('state', '=', 'open').executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new EngineError('INCIDENT_NOT_FOUND', `no open incident ${incidentId}`, { incidentId });
  });
}
