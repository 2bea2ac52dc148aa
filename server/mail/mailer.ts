import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import type { AppConfig } from '../config/config';
import type { Clock } from '../app-deps';
import { isTemplate, renderMail } from './templates';

export const MAIL_JOB = 'mail.send';

export interface MailJobPayload {
  template: string;
  to: string;
  locale: string;
  params: Record<string, string | undefined>;
}

export interface Mailer {
  /** Sends (or writes) the mail of one outbox job; safe to repeat (same Message-ID, same file). */
  deliver(jobId: string, payload: MailJobPayload, attempts: number): Promise<void>;
  close(): void;
}

/** Deterministic from the job id, so a resend after a crash is recognisable as a duplicate. */
export function messageIdFor(jobId: string): string {
  return `<job-${jobId}@quytrinh.mail>`;
}

export function mailDir(config: AppConfig): string {
  return path.join(config.dataDir, 'mail');
}

export function createMailer(db: Kysely<ServerDatabase>, config: AppConfig, clock: Clock): Mailer {
  const smtp = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async deliver(jobId, payload, attempts) {
      if (!isTemplate(payload.template)) throw new Error(`unknown template ${payload.template}`);
      const rendered = renderMail(payload.template, payload.locale, payload.params);
      const messageId = messageIdFor(jobId);
      const message = {
        from: config.mailFrom,
        to: payload.to,
        subject: rendered.subject,
        text: rendered.text,
        messageId,
        headers: { 'X-Quy-Trinh-Job': jobId },
      };
      let file: string | null = null;
      if (smtp) {
        await smtp.sendMail(message);
      } else {
        const info = (await files.sendMail(message)) as { message: Buffer };
        const dir = mailDir(config);
        await mkdir(dir, { recursive: true });
        file = `${jobId}.eml`;
        await writeFile(path.join(dir, file), info.message);
      }
      await db
        .insertInto('mail_log')
        .values({ job_id: jobId, message_id: messageId, template: payload.template, recipient: payload.to, subject: rendered.subject, transport: smtp ? 'smtp' : 'file', file, attempts, sent_at: clock.now() })
        .onConflict((oc) => oc.column('job_id').doUpdateSet({ attempts, sent_at: clock.now() }))
        .execute();
    },
    close() {
      smtp?.close();
    },
  };
}
