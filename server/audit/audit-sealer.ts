import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { enqueueMail } from '../mail/notifications';
import { appendAnchor } from './audit-anchor';
import { AUDIT_SEAL_LOCK_KEY, chainHead, sealAuditLog } from './audit-seal.service';
import { appendAudit } from './audit.service';

export interface AuditSealer {
  /** One round now: seal, then anchor/mail when due. Resolves when done (never throws). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The in-process sealer of `npm start` (every server process runs one; the try-lock lets one seal at a
 * time): chains new audit rows every `auditSealIntervalMs`, copies the chain head to the append-only
 * anchor file every `auditAnchorMinutes`, and mails it to the auditors every `auditAnchorMailHours`.
 */
export function startAuditSealer(app: FastifyInstance, options: { autoStart?: boolean } = {}): AuditSealer {
  const { db, config, clock } = app.deps;
  let lastAnchor = 0;
  let lastMailCheck = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function round(): Promise<void> {
    await sealAuditLog(db);
    const now = clock.now();
    if (now.getTime() - lastAnchor >= config.auditAnchorMinutes * 60_000) {
      const head = await chainHead(db);
      if (head) await appendAnchor(config.auditAnchorFile, head, now);
      lastAnchor = now.getTime();
    }
    const mailEvery = config.auditAnchorMailHours * 3_600_000;
    if (mailEvery > 0 && now.getTime() - lastMailCheck >= Math.min(mailEvery, 3_600_000)) {
      lastMailCheck = now.getTime();
      await mailAnchor(app, mailEvery);
    }
  }

  const tick = (): Promise<void> => {
    if (!running) {
      running = round()
        .catch((error: unknown) => app.log.warn({ err: error }, 'audit sealer round failed; retrying next interval'))
        .finally(() => {
          running = null;
        });
    }
    return running;
  };
  const timer = options.autoStart === false ? null : setInterval(() => void (stopped || tick()), config.auditSealIntervalMs);
  timer?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      await sealAuditLog(db).catch(() => undefined);
    },
  };
}

/**
 * Mails the chain head to every active auditor with an address unless an anchor mail went out within
 * `everyMs` (any process): the mail and its own `audit.anchor_mailed` row commit together.
 */
export async function mailAnchor(app: FastifyInstance, everyMs: number): Promise<number> {
  const { db, clock } = app.deps;
  return db.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK_KEY + 1}) AS ok`.execute(tx);
    if (!lock.rows[0].ok) return 0;
    const now = clock.now();
    const recent = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.anchor_mailed' AND at > ${new Date(now.getTime() - everyMs)}`.execute(tx);
    if (recent.rows[0].n) return 0;
    const head = await chainHead(tx);
    if (!head) return 0;
    const auditors = await sql<{ email: string | null; displayName: string; locale: string }>`
      SELECT u.email, u.display_name AS "displayName", u.locale FROM app_user u
      WHERE NOT u.disabled AND u.email IS NOT NULL AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'auditor')
      ORDER BY u.username`.execute(tx);
    for (const to of auditors.rows) {
      await enqueueMail(app, tx, to, 'audit-anchor', { seq: String(head.seq), id: String(head.id), hash: head.hash, at: now.toISOString() });
    }
    await appendAudit(tx, { at: now, actorId: null, action: 'audit.anchor_mailed', resourceType: 'AuditLog', detail: { seq: head.seq, hash: head.hash, recipients: auditors.rows.length } });
    return auditors.rows.length;
  });
}
