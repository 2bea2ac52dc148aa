import type { FastifyInstance } from 'fastify';
import type { LockedJob } from '../../../engine/index';
import { enqueueMail, taskLink } from '../../mail/notifications';
import { usersOfGroups } from './recipients';
import { str, type WorkflowWorker } from './worker.types';

type Kind = 'deadline_near' | 'overdue';

/**
 * SLA timers (DESIGN.md §8): the warning goes to the assignee or the candidates of the open tasks
 * of `elementId` (a task, or every task inside a subprocess); the escalation goes to the
 * supervisors and leaders of the candidate agencies. One notification per task and kind
 * (task_notification), so a retried job or the server's own SLA scan never sends twice.
 */
async function notify(app: FastifyInstance, job: LockedJob, kind: Kind): Promise<Record<string, unknown>> {
  const elementId = str(job.variables.elementId);
  if (!job.instanceId || !elementId) return {};
  const page = await app.engine.listTasks({ state: 'created', limit: 100, filter: (qb) => qb.where('task.root_instance_id', '=', job.instanceId as string) });
  const tasks = page.items.filter((t) => t.element_id === elementId || !elementId.startsWith('Task_'));
  const sent: string[] = [];
  for (const task of tasks) {
    await app.deps.db.transaction().execute(async (tx) => {
      const marker = await tx.insertInto('task_notification').values({ task_id: task.id, kind, at: app.deps.clock.now() })
        .onConflict((oc) => oc.doNothing()).returning('task_id').executeTakeFirst();
      if (!marker) return;
      const recipients = kind === 'overdue'
        ? await usersOfGroups(app.deps.db, task.candidate_groups, ['supervisor', 'leader'])
        : task.assignee
          ? (await tx.selectFrom('app_user').select(['id', 'email', 'display_name', 'locale']).where('id', '=', task.assignee).execute())
            .map((u) => ({ id: u.id, email: u.email, displayName: u.display_name, locale: u.locale }))
          : await usersOfGroups(app.deps.db, task.candidate_groups);
      const dueAt = task.due_at ? new Date(task.due_at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false }) : undefined;
      for (const to of recipients) {
        await enqueueMail(app, tx, to, kind === 'overdue' ? 'overdue-escalation' : 'deadline-near', {
          taskName: `${task.name ?? task.element_id} (${str(job.variables.deadline) ?? ''})`, dueAt, link: taskLink(app, task.id),
        });
      }
      sent.push(task.id);
    });
  }
  return {};
}

export const deadlineWarningWorker: WorkflowWorker = {
  type: 'notification.deadline-warning',
  handler: (app) => (job) => notify(app, job, 'deadline_near'),
};

export const deadlineEscalationWorker: WorkflowWorker = {
  type: 'notification.deadline-escalation',
  handler: (app) => (job) => notify(app, job, 'overdue'),
};
