import { vnDate } from '../procedure-context.service';
import { str, type WorkflowWorker } from './worker.types';

interface StatusEntry { status: string; from: string; to?: string; note?: string; caseId?: string }

/**
 * `person.status.set` (input `status`): closes the open status entry and appends the new one.
 * Idempotent: when the person already has this status from this case, nothing changes.
 */
export const personStatusWorker: WorkflowWorker = {
  type: 'person.status.set',
  handler: (app) => async (job) => {
    const personId = str(job.variables.personId);
    const status = str(job.variables.status);
    if (!personId || !status) throw new Error('person.status.set needs the variables personId and status');
    const caseId = str(job.variables.caseId) ?? undefined;
    const today = vnDate(app.deps.clock.now());
    await app.deps.db.transaction().execute(async (tx) => {
      const person = await tx.selectFrom('person').select(['status', 'statuses']).where('id', '=', personId).forUpdate().executeTakeFirst();
      if (!person) throw new Error(`person ${personId} not found`);
      const statuses = (Array.isArray(person.statuses) ? person.statuses : []) as StatusEntry[];
      const last = statuses[statuses.length - 1];
      if (person.status === status && last?.status === status && (last.caseId === caseId || !caseId)) return;
      if (last && !last.to) last.to = today;
      statuses.push({ status, from: today, ...(caseId ? { caseId } : {}) });
      await tx.updateTable('person').set({ status, statuses: JSON.stringify(statuses), updated_at: app.deps.clock.now() }).where('id', '=', personId).execute();
    });
    return {};
  },
};
