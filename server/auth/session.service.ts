import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { PRINCIPAL_COLUMNS, principalRoles, toPrincipal, type Principal } from './principal';

export const SESSION_COOKIE = 'qt_session';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface SessionTimes {
  now: Date;
  idleMinutes: number;
  ttlMinutes: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Stores only sha256(token) as the session id; the token lives in the httpOnly cookie. */
export async function createSession(
  db: Kysely<ServerDatabase>,
  userId: string,
  times: SessionTimes,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(times.now.getTime() + times.ttlMinutes * 60_000);
  await db
    .insertInto('user_session')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: times.now,
      last_seen_at: times.now,
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired'; userId: string }
  | { state: 'active'; id: string; userId: string; csrfToken: string; expiresAt: Date };

interface SessionRow {
  user_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

/**
 * Looks the cookie token up, with its user's principal in the same query (the auth hook on every
 * API request). Expired (idle or absolute) sessions are deleted on sight; `principal` is undefined
 * for a disabled account.
 */
export async function resolveSessionPrincipal(
  db: Kysely<ServerDatabase>, token: string, times: SessionTimes,
): Promise<{ lookup: SessionLookup; principal?: Principal }> {
  const id = sha256(token);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('agency as a', 'a.id', 'u.agency_id')
    .leftJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id')
    .select(['s.user_id', 's.csrf_token', 's.expires_at', 's.last_seen_at', ...PRINCIPAL_COLUMNS, principalRoles()])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return { lookup: { state: 'none' } };
  const lookup = await checkSession(db, id, row, times);
  return lookup.state === 'active' ? { lookup, principal: toPrincipal(row) } : { lookup };
}

async function checkSession(db: Kysely<ServerDatabase>, id: string, row: SessionRow, times: SessionTimes): Promise<SessionLookup> {
  const now = times.now.getTime();
  const idleLimit = row.last_seen_at.getTime() + times.idleMinutes * 60_000;
  if (now >= row.expires_at.getTime() || now >= idleLimit) {
    await db.deleteFrom('user_session').where('id', '=', id).execute();
    return { state: 'expired', userId: row.user_id };
  }
  // Touch at most once a minute to keep writes down.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('user_session').set({ last_seen_at: times.now }).where('id', '=', id).execute();
  }
  return { state: 'active', id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(db: Kysely<ServerDatabase>, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Kysely<ServerDatabase>, userId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}
