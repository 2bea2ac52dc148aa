import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.service';
import type { AppDeps } from '../app-deps';
import type { ServerDatabase } from '../db/schema';
import { AppError, type ErrorCode } from '../errors';
import { dummyHash, verifyPassword } from '../auth/password';
import { createSession, type NewSession } from '../auth/session.service';
import { verifyTotp } from '../auth/totp';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  ip?: string;
  userAgent?: string;
}

type Outcome = { ok: true; session: NewSession; userId: string } | { ok: false; code: ErrorCode };

/**
 * Password (+ TOTP when enabled) sign-in with lockout after `loginMaxFailures` failures in a row.
 * Failures are committed (counter + audit row) before the error is thrown.
 */
export async function login(deps: AppDeps, input: LoginInput): Promise<{ session: NewSession; userId: string }> {
  const { db, clock, config } = deps;
  const username = input.username.trim().toLowerCase();
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  const now = clock.now();
  const audit = (tx: Kysely<ServerDatabase>, action: string, detail: Record<string, unknown>) =>
    appendAudit(tx, { at: now, actorId: user?.id ?? null, action, resourceType: 'User', resourceId: user?.id ?? null, detail: { username, ip: input.ip, ...detail } });

  if (!user || user.disabled) {
    await verifyPassword(await dummyHash(), input.password);
    await audit(db, 'login.failure', { reason: user ? 'disabled' : 'unknown_user' });
    throw new AppError('LOGIN_FAILED');
  }
  if (user.locked_until && user.locked_until.getTime() > now.getTime()) {
    await audit(db, 'login.failure', { reason: 'locked' });
    throw new AppError('ACCOUNT_LOCKED', { lockedUntil: user.locked_until.toISOString() });
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const outcome = await db.transaction().execute(async (tx): Promise<Outcome> => {
    const fresh = await tx.selectFrom('app_user').select(['failed_logins', 'totp_last_step']).where('id', '=', user.id).forUpdate().executeTakeFirstOrThrow();
    const fail = async (reason: string, code: ErrorCode): Promise<Outcome> => {
      const failures = fresh.failed_logins + 1;
      const lock = failures >= config.loginMaxFailures;
      await tx
        .updateTable('app_user')
        .set(lock ? { failed_logins: 0, locked_until: new Date(now.getTime() + config.lockoutMinutes * 60_000) } : { failed_logins: failures })
        .where('id', '=', user.id)
        .execute();
      await audit(tx, 'login.failure', { reason, failures, locked: lock });
      if (lock) await audit(tx, 'account.locked', { minutes: config.lockoutMinutes });
      return { ok: false, code: lock ? 'ACCOUNT_LOCKED' : code };
    };
    if (!passwordOk) return fail('password', 'LOGIN_FAILED');
    if (user.totp_enabled && user.totp_secret) {
      if (!input.totp) return { ok: false, code: 'TOTP_REQUIRED' };
      const step = verifyTotp(user.totp_secret, input.totp, now);
      if (step === undefined || (fresh.totp_last_step !== null && step <= fresh.totp_last_step)) return fail('totp', 'TOTP_INVALID');
      await tx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    }
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const session = await createSession(
      tx,
      user.id,
      { now, idleMinutes: config.sessionIdleMinutes, ttlMinutes: config.sessionTtlMinutes },
      { ip: input.ip, userAgent: input.userAgent },
    );
    await audit(tx, 'login.success', {});
    return { ok: true, session, userId: user.id };
  });
  if (!outcome.ok) throw new AppError(outcome.code);
  return { session: outcome.session, userId: outcome.userId };
}
