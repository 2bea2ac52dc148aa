import { enqueueMail } from '../../mail/notifications';
import { isTemplate } from '../../mail/templates';
import { usersOfGroups } from './recipients';
import { str, type WorkflowWorker } from './worker.types';

/**
 * `email.send` (inputs `template`, `toGroup`): queues the procedure's mail template (server/mail
 * procedure-templates: `determination.result`, `court.accepted`, `court.decision`,
 * `court.not-applied`) through the server's outbox to every user of the agencies answering
 * `toGroup`. An unknown template name fails the job (retries, then an incident naming it) rather
 * than sending something else. Queued in one transaction with a marker row, so a retried job
 * never queues twice.
 */
export const emailSendWorker: WorkflowWorker = {
  type: 'email.send',
  handler: (app) => async (job) => {
    const group = str(job.variables.toGroup);
    const template = str(job.variables.template);
    if (!isTemplate(template)) throw new Error(`email.send: unknown mail template ${template ?? '(none)'} (server/mail/procedure-templates.ts)`);
    if (!group) return {};
    const recipients = await usersOfGroups(app.deps.db, [group]);
    const stepName = String((job.payload as { elementName?: string }).elementName ?? template);
    await app.deps.db.transaction().execute(async (tx) => {
      const marker = await tx.insertInto('task_notification').values({ task_id: `job:${job.id}`, kind: 'deadline_near', at: app.deps.clock.now() })
        .onConflict((oc) => oc.doNothing()).returning('task_id').executeTakeFirst();
      if (!marker) return;
      for (const to of recipients) {
        await enqueueMail(app, tx, to, template, {
          stepName, caseCode: str(job.variables.caseCode) ?? undefined,
          link: `${app.deps.config.publicUrl.replace(/\/$/, '')}/cases/${str(job.variables.caseId) ?? ''}`,
        });
      }
    });
    return {};
  },
};
