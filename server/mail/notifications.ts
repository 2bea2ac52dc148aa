import type { FastifyInstance } from 'fastify';
import { MAIL_JOB, type MailJobPayload } from './mailer';
import type { TemplateName } from './templates';

/** Outbox retries: effectively never give up (backoff grows to 1 h between attempts). */
export const MAIL_RETRIES = 1_000_000;

export interface Recipient {
  email: string | null;
  displayName: string;
  locale: string;
}

/** Queues one mail in the caller's transaction: it is sent only if the command commits. */
export async function enqueueMail(app: FastifyInstance, tx: unknown, to: Recipient, template: TemplateName, params: Record<string, string | undefined>): Promise<string | undefined> {
  if (!to.email) return undefined;
  const payload: MailJobPayload = { template, to: to.email, locale: to.locale, params: { recipientName: to.displayName, ...params } };
  return app.engine.enqueueJob(tx, { type: MAIL_JOB, payload: payload as unknown as Record<string, unknown>, retries: MAIL_RETRIES });
}

export function taskLink(app: FastifyInstance, taskId: string): string {
  return `${app.deps.config.publicUrl.replace(/\/$/, '')}/tasks/${taskId}`;
}

function formatDue(due: unknown): string | undefined {
  if (!due) return undefined;
  const d = new Date(due as string);
  return Number.isNaN(d.getTime()) ? undefined : d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

export async function notifyTaskAssigned(
  app: FastifyInstance,
  tx: unknown,
  to: Recipient,
  task: { id: string; name?: unknown; due_at?: unknown; business_key?: unknown },
): Promise<void> {
  await enqueueMail(app, tx, to, 'task-assigned', {
    taskName: String(task.name ?? task.id),
    dueAt: formatDue(task.due_at),
    caseCode: task.business_key ? String(task.business_key) : undefined,
    link: taskLink(app, task.id),
  });
}
