import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { callerOf } from '../auth/guard';
import { hashPassword, isStrongEnough, verifyPassword } from '../auth/password';
import { defineAbilityFor } from '../auth/abilities';
import { loadPrincipal, type Principal } from '../auth/principal';
import { deleteSession, deleteUserSessions } from '../auth/session.service';
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../auth/totp';
import { AppError } from '../errors';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.plugin';
import { login } from '../services/login.service';
import { errorResponses, strictObject } from './schemas';

const tags = ['session'];
const password = { type: 'string', minLength: 1, maxLength: 200 } as const;
const totpCode = { type: 'string', pattern: '^[0-9]{6}$' } as const;

export function meView(p: Principal, request: FastifyRequest) {
  return {
    user: {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      email: p.email,
      locale: p.locale,
      roles: p.roles,
      agency: p.agency,
      jurisdiction: p.jurisdiction,
      candidateGroups: p.candidateGroups,
      totpEnabled: p.totpEnabled,
    },
    /** CASL rules, so the web app can hide what the server would refuse anyway. */
    rules: request.ability?.rules ?? [],
    csrfToken: request.csrfToken,
  };
}

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const secure = config.publicUrl.startsWith('https:');

  app.post<{ Body: { username: string; password: string; totp?: string } }>(
    '/api/session/login',
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: {
          max: config.loginRateLimitPerMinute,
          timeWindow: 60_000,
          keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags,
        summary: 'Sign in (sets the httpOnly session cookie; returns the CSRF token)',
        body: strictObject({ username: { type: 'string', minLength: 1, maxLength: 100 }, password, totp: totpCode }, ['username', 'password']),
        response: { 401: { $ref: 'errorBody#' }, 423: { $ref: 'errorBody#' }, 429: { $ref: 'errorBody#' } },
      },
    },
    async (request, reply) => {
      const { session, userId } = await login(app.deps, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, session.token, session.expiresAt, secure);
      const principal = await loadPrincipal(app.deps.db, userId);
      if (!principal) throw new AppError('LOGIN_FAILED');
      request.principal = principal;
      request.ability = defineAbilityFor(principal);
      request.csrfToken = session.csrfToken;
      return { ...meView(principal, request), expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.get('/api/session', { schema: { tags, summary: 'The signed-in user, their permissions and the CSRF token', response: errorResponses } }, async (request) =>
    meView(callerOf(request).principal, request),
  );

  app.post('/api/session/logout', { schema: { tags, summary: 'Sign out this session', response: errorResponses } }, async (request, reply) => {
    const { principal } = callerOf(request);
    await app.deps.db.transaction().execute(async (tx) => {
      await deleteSession(tx, request.sessionId!);
      await appendAudit(tx, { at: app.deps.clock.now(), actorId: principal.userId, action: 'logout', resourceType: 'User', resourceId: principal.userId });
    });
    clearSessionCookie(reply, secure);
    return reply.status(204).send();
  });

  app.post('/api/session/logout-all', { schema: { tags, summary: 'Sign out every session of this user', response: errorResponses } }, async (request, reply) => {
    const { principal } = callerOf(request);
    const count = await app.deps.db.transaction().execute(async (tx) => {
      const n = await deleteUserSessions(tx, principal.userId);
      await appendAudit(tx, { at: app.deps.clock.now(), actorId: principal.userId, action: 'logout.all', resourceType: 'User', resourceId: principal.userId, detail: { sessions: n } });
      return n;
    });
    clearSessionCookie(reply, secure);
    return { sessionsEnded: count };
  });

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/session/password',
    {
      schema: {
        tags,
        summary: 'Change the password (ends every other session)',
        body: strictObject({ currentPassword: password, newPassword: password }, ['currentPassword', 'newPassword']),
        response: { ...errorResponses, 422: { $ref: 'errorBody#' } },
      },
    },
    async (request, reply) => {
      const { principal } = callerOf(request);
      const { db, clock } = app.deps;
      const user = await db.selectFrom('app_user').select('password_hash').where('id', '=', principal.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, request.body.currentPassword))) throw new AppError('PASSWORD_WRONG');
      if (!isStrongEnough(request.body.newPassword) || request.body.newPassword === request.body.currentPassword) throw new AppError('PASSWORD_TOO_WEAK');
      const newHash = await hashPassword(request.body.newPassword);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('app_user').set({ password_hash: newHash, password_changed_at: clock.now() }).where('id', '=', principal.userId).execute();
        await deleteUserSessions(tx, principal.userId, request.sessionId ?? undefined);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'password.changed', resourceType: 'User', resourceId: principal.userId });
      });
      return reply.status(204).send();
    },
  );

  app.post('/api/session/totp/setup', { schema: { tags, summary: 'Start TOTP enrolment: a new secret (not active until confirmed)', response: errorResponses } }, async (request) => {
    const { principal } = callerOf(request);
    if (principal.totpEnabled) throw new AppError('CONFLICT');
    const secret = generateTotpSecret();
    await app.deps.db.updateTable('app_user').set({ totp_secret: secret }).where('id', '=', principal.userId).execute();
    return { secret, otpauthUrl: otpauthUrl(secret, principal.username) };
  });

  app.post<{ Body: { code: string } }>(
    '/api/session/totp/enable',
    { schema: { tags, summary: 'Confirm TOTP enrolment with a current code', body: strictObject({ code: totpCode }, ['code']), response: errorResponses } },
    async (request, reply) => {
      const { principal } = callerOf(request);
      const { db, clock } = app.deps;
      const user = await db.selectFrom('app_user').select(['totp_secret']).where('id', '=', principal.userId).executeTakeFirstOrThrow();
      const step = user.totp_secret ? verifyTotp(user.totp_secret, request.body.code, clock.now()) : undefined;
      if (step === undefined) throw new AppError('TOTP_INVALID');
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('app_user').set({ totp_enabled: true, totp_last_step: step }).where('id', '=', principal.userId).execute();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'totp.enabled', resourceType: 'User', resourceId: principal.userId });
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { password: string } }>(
    '/api/session/totp/disable',
    { schema: { tags, summary: 'Turn TOTP off (needs the password)', body: strictObject({ password }, ['password']), response: errorResponses } },
    async (request, reply) => {
      const { principal } = callerOf(request);
      const { db, clock } = app.deps;
      const user = await db.selectFrom('app_user').select('password_hash').where('id', '=', principal.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, request.body.password))) throw new AppError('PASSWORD_WRONG');
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('app_user').set({ totp_enabled: false, totp_secret: null, totp_last_step: null }).where('id', '=', principal.userId).execute();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'totp.disabled', resourceType: 'User', resourceId: principal.userId });
      });
      return reply.status(204).send();
    },
  );
}
