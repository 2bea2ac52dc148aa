import { sql } from 'kysely';
import { str, type WorkflowWorker } from './worker.types';

/**
 * `case.transfer` (input `toCommuneCode`): the person moves; the person, the case and the
 * instance tree (instances and open tasks) are re-filed under the new commune's path, and the
 * well-known variable communeCode follows (so new tasks go to the new commune's agencies).
 * Idempotent: re-running sets the same values.
 */
export const caseTransferWorker: WorkflowWorker = {
  type: 'case.transfer',
  handler: (app) => async (job) => {
    const to = str(job.variables.toCommuneCode) ?? str(job.variables.newCommuneCode);
    const personId = str(job.variables.personId);
    if (!to || !personId) throw new Error('case.transfer needs toCommuneCode and personId');
    const commune = await app.deps.db.selectFrom('jurisdiction').select(['code', 'path']).where('code', '=', to).executeTakeFirst();
    if (!commune) throw new Error(`unknown commune ${to}`);
    const now = app.deps.clock.now();
    await app.deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('person').set({ commune_code: to, scope: commune.path, updated_at: now }).where('id', '=', personId).execute();
      const caseId = str(job.variables.caseId);
      if (caseId) await tx.updateTable('rehab_case').set({ scope: commune.path, updated_at: now }).where('id', '=', caseId).execute();
      if (job.instanceId) {
        await sql`UPDATE process_instance SET scope = ${commune.path} WHERE root_instance_id = (SELECT root_instance_id FROM process_instance WHERE id = ${job.instanceId}::uuid)`.execute(tx);
        await sql`UPDATE task SET scope = ${commune.path} WHERE state = 'created' AND root_instance_id = (SELECT root_instance_id FROM process_instance WHERE id = ${job.instanceId}::uuid)`.execute(tx);
      }
    });
    return { communeCode: to };
  },
};
