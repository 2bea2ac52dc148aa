import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadPrincipal } from '../auth/principal';
import { createMailer, MAIL_JOB, type MailJobPayload } from './mailer';
import { enqueueMail, taskLink } from './notifications';

export const DEADLINE_SCAN_JOB = 'mail.deadline-scan';
/** BPMN service task type: `zeebe:taskDefinition type="notify.decision-issued"`. */
export const DECISION_ISSUED_JOB = 'notify.decision-issued';
const SCAN_EVERY_MS = 10 * 60_000;
const NEAR_MS = 24 * 3_600_000;

/** Registers the outbox worker, the deadline scanner and the decision-issued service task. */
export function registerMailWorkers(app: FastifyInstance): void {
  const { db, config, clock } = app.deps;
  const mailer = createMailer(db, config, clock);
  app.addHook('onClose', async () => mailer.close());

  app.engine.registerWorker(MAIL_JOB, async (job) => {
    await mailer.deliver(job.id, job.payload as unknown as MailJobPayload, job.attempts + 1);
  });

  app.engine.registerWorker(DEADLINE_SCAN_JOB, async () => {
    await scanDeadlines(app);
    await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(72620002)`.execute(tx);
      const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE type = ${DEADLINE_SCAN_JOB} AND state = 'ready'`.execute(tx);
      if (!pending.rows[0].n) await app.engine.enqueueJob(tx, { type: DEADLINE_SCAN_JOB, dueAt: new Date(clock.now().getTime() + SCAN_EVERY_MS), retries: 1_000_000 });
    });
  });

  app.engine.registerWorker(DECISION_ISSUED_JOB, async (job) => {
    const v = job.variables;
    const groups = Array.isArray(v.notifyGroups) ? v.notifyGroups.filter((g): g is string => typeof g === 'string') : [];
    await db.transaction().execute(async (tx) => {
      for (const user of await usersOfGroups(app, groups, false)) {
        await enqueueMail(app, tx, user, 'decision-issued', {
          decisionTitle: String(v.decisionTitle ?? job.elementId ?? ''),
          caseCode: typeof v.caseCode === 'string' ? v.caseCode : undefined,
          link: `${config.publicUrl.replace(/\/$/, '')}/cases/${String(v.caseId ?? '')}`,
        });
      }
    });
    return {};
  });
}

/** Starts the recurring deadline scan unless one is already queued (called once at start-up). */
export async function ensureDeadlineScan(app: FastifyInstance): Promise<void> {
  await app.deps.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(72620002)`.execute(tx);
    const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE type = ${DEADLINE_SCAN_JOB}`.execute(tx);
    if (!pending.rows[0].n) await app.engine.enqueueJob(tx, { type: DEADLINE_SCAN_JOB, retries: 1_000_000 });
  });
}

interface Recipient {
  userId: string;
  email: string | null;
  displayName: string;
  locale: string;
}

/** Active users whose agency answers one of the groups (optionally supervisors only). */
async function usersOfGroups(app: FastifyInstance, groups: string[], supervisorsOnly: boolean): Promise<Recipient[]> {
  if (!groups.length) return [];
  const agencyCodes = groups.filter((g) => g.startsWith('agency:')).map((g) => g.slice(7));
  const rows = await sql<Recipient>`
    SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
    FROM app_user u JOIN agency a ON a.id = u.agency_id JOIN jurisdiction j ON j.id = a.jurisdiction_id
    WHERE NOT u.disabled AND u.email IS NOT NULL
      AND (a.candidate_groups && ${sql.val(groups)}::text[]
        OR (cardinality(a.candidate_groups) = 0 AND (a.kind || ':' || j.code) = ANY(${sql.val(groups)}::text[]))
        OR a.code = ANY(${sql.val(agencyCodes)}::text[]))
      ${supervisorsOnly ? sql`AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'supervisor')` : sql``}
    ORDER BY u.username`.execute(app.deps.db);
  return rows.rows;
}

interface DueTask {
  id: string;
  name: string | null;
  assignee: string | null;
  candidate_groups: string[];
  due_at: Date;
}

/** Deadline near → the assignee (or the candidates); overdue → the candidate agencies' supervisors. Once per task and kind. */
export async function scanDeadlines(app: FastifyInstance): Promise<number> {
  const { db, clock } = app.deps;
  const now = clock.now();
  let queued = 0;
  for (const kind of ['deadline_near', 'overdue'] as const) {
    const tasks = await sql<DueTask>`
      SELECT t.id, t.name, t.assignee, t.candidate_groups, t.due_at FROM task t
      WHERE t.state = 'created' AND t.due_at IS NOT NULL
        AND ${kind === 'overdue' ? sql`t.due_at < ${now}` : sql`t.due_at >= ${now} AND t.due_at < ${new Date(now.getTime() + NEAR_MS)}`}
        AND NOT EXISTS (SELECT 1 FROM task_notification n WHERE n.task_id = t.id::text AND n.kind = ${kind})
      ORDER BY t.due_at LIMIT 500`.execute(db);
    for (const task of tasks.rows) {
      await db.transaction().execute(async (tx) => {
        const inserted = await tx.insertInto('task_notification').values({ task_id: String(task.id), kind, at: now }).onConflict((oc) => oc.doNothing()).returning('task_id').executeTakeFirst();
        if (!inserted) return;
        let recipients: Recipient[];
        if (kind === 'deadline_near' && task.assignee) {
          const p = await loadPrincipal(tx, task.assignee);
          recipients = p ? [{ userId: p.userId, email: p.email, displayName: p.displayName, locale: p.locale }] : [];
        } else {
          recipients = await usersOfGroups(app, task.candidate_groups, kind === 'overdue');
        }
        const dueAt = task.due_at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
        for (const r of recipients) {
          const id = await enqueueMail(app, tx, r, kind === 'overdue' ? 'overdue-escalation' : 'deadline-near', { taskName: task.name ?? task.id, dueAt, link: taskLink(app, task.id) });
          if (id) queued++;
        }
      });
    }
  }
  return queued;
}
