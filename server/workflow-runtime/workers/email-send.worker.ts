import { enqueueMail } from '../../mail/notifications';
import { usersOfGroups } from './recipients';
import { str, type WorkflowWorker } from './worker.types';

/**
 * `email.send` (inputs `template`, `toGroup`): queues a "decision issued" mail through the
 * server's outbox to every user of the agencies answering `toGroup`. The procedure's template
 * name (e.g. `court.decision`) and the element name go into the mail. Queued in one transaction
 * with a marker row, so a retried job never queues twice.
 */
export const emailSendWorker: WorkflowWorker = {
  type: 'email.send',
  handler: (app) => async (job) => {
    const group = str(job.variables.toGroup);
    const template = str(job.variables.template) ?? 'notice';
    if (!group) return {};
    const recipients = await usersOfGroups(app.deps.db, [group]);
    const title = String((job.payload as { elementName?: string }).elementName ?? template);
    await app.deps.db.transaction().execute(async (tx) => {
      const marker = await tx.insertInto('task_notification').values({ task_id: `job:${job.id}`, kind: 'deadline_near', at: app.deps.clock.now() })
        .onConflict((oc) => oc.doNothing()).returning('task_id').executeTakeFirst();
      if (!marker) return;
      for (const to of recipients) {
        await enqueueMail(app, tx, to, 'decision-issued', {
          decisionTitle: title, caseCode: str(job.variables.caseCode) ?? undefined,
          link: `${app.deps.config.publicUrl.replace(/\/$/, '')}/cases/${str(job.variables.caseId) ?? ''}`,
        });
      }
    });
    return {};
  },
};
