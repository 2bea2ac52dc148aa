import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { grantableRoles } from '../auth/abilities';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan, recordDenial } from '../auth/guard';
import { hashPassword, isStrongEnough } from '../auth/password';
import { ROLES } from '../auth/principal';
import { deleteUserSessions } from '../auth/session.service';
import { AppError } from '../errors';
import { agencyWithPath, findUser, listUsers } from '../repositories/user.repository';
import { code, errorResponses, idParams, pageOf, paging, shortText, strictObject } from './schemas';

const tags = ['admin'];
const roles = { type: 'array', items: { type: 'string', enum: [...ROLES] }, uniqueItems: true, maxItems: 6 } as const;
const username = { type: 'string', minLength: 2, maxLength: 60, pattern: '^[a-z0-9][a-z0-9._-]*$' } as const;
const email = { type: 'string', format: 'email', maxLength: 200 } as const;
const password = { type: 'string', minLength: 1, maxLength: 200 } as const;

async function checkGrant(request: FastifyRequest, wanted: string[]): Promise<void> {
  const { principal } = callerOf(request);
  const allowed = new Set(grantableRoles(principal));
  const refused = wanted.filter((r) => !allowed.has(r));
  if (refused.length) {
    await recordDenial(request, 'grant', 'User', { field: refused.join(',') });
    throw new AppError('ROLE_NOT_GRANTABLE', { roles: refused });
  }
}

/** User administration, scoped by CASL to the admin's (province) subtree. */
export async function userRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get<{ Querystring: { q?: string; agencyCode?: string; limit?: string; offset?: string } }>(
    '/api/admin/users',
    { schema: { tags, summary: 'Users the caller may see', querystring: strictObject({ q: { type: 'string', maxLength: 60 }, agencyCode: code, ...paging }), response: errorResponses } },
    async (request) => {
      const { ability } = callerOf(request);
      return { items: await listUsers(db, accessibleWhere(ability, 'read', 'User', columnMaps.User), { ...request.query, ...pageOf(request.query) }) };
    },
  );

  app.get<{ Params: { id: string } }>('/api/admin/users/:id', { schema: { tags, summary: 'One user', params: idParams, response: errorResponses } }, async (request) => {
    const user = await findUser(db, request.params.id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    await ensureCan(request, 'read', 'User', { row: { id: user.id, scope: user.scope } });
    return user;
  });

  app.post<{ Body: { username: string; displayName: string; email?: string; agencyCode?: string; roles: string[]; password: string; locale?: 'vi' | 'en' } }>(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Create a user in an agency',
        body: strictObject({ username, displayName: shortText, email, agencyCode: code, roles, password, locale: { type: 'string', enum: ['vi', 'en'] } }, ['username', 'displayName', 'roles', 'password']),
        response: { ...errorResponses, 422: { $ref: 'errorBody#' } },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const agency = b.agencyCode ? await agencyWithPath(db, b.agencyCode) : undefined;
      if (b.agencyCode && !agency) throw new AppError('AGENCY_NOT_FOUND');
      const { principal } = await ensureCan(request, 'create', 'User', { row: { scope: agency?.path ?? '/' } });
      await checkGrant(request, b.roles);
      if (!isStrongEnough(b.password)) throw new AppError('PASSWORD_TOO_WEAK');
      const passwordHash = await hashPassword(b.password);
      const id = await db.transaction().execute(async (tx) => {
        if (await tx.selectFrom('app_user').select('id').where('username', '=', b.username).executeTakeFirst()) throw new AppError('DUPLICATE');
        const created = await tx
          .insertInto('app_user')
          .values({ username: b.username, display_name: b.displayName, email: b.email ?? null, password_hash: passwordHash, agency_id: agency?.id ?? null, locale: b.locale ?? 'vi' })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (b.roles.length) await tx.insertInto('user_role').values(b.roles.map((role) => ({ user_id: created.id, role }))).execute();
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'user.created', resourceType: 'User', resourceId: created.id, scope: agency?.path ?? null, detail: { username: b.username, roles: b.roles, agencyCode: b.agencyCode } });
        return created.id;
      });
      return reply.status(201).send(await findUser(db, id));
    },
  );

  app.patch<{ Params: { id: string }; Body: { displayName?: string; email?: string | null; agencyCode?: string; roles?: string[]; disabled?: boolean; locale?: 'vi' | 'en' } }>(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (roles, agency, disable); disabling ends their sessions',
        params: idParams,
        body: strictObject({ displayName: shortText, email: { anyOf: [email, { type: 'null' }] }, agencyCode: code, roles, disabled: { type: 'boolean' }, locale: { type: 'string', enum: ['vi', 'en'] } }),
        response: errorResponses,
      },
    },
    async (request) => {
      const user = await findUser(db, request.params.id);
      if (!user) throw new AppError('USER_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'User', { row: { id: user.id, scope: user.scope } });
      const b = request.body;
      const agency = b.agencyCode ? await agencyWithPath(db, b.agencyCode) : undefined;
      if (b.agencyCode && !agency) throw new AppError('AGENCY_NOT_FOUND');
      if (agency) await ensureCan(request, 'update', 'User', { row: { id: user.id, scope: agency.path } });
      if (b.roles) await checkGrant(request, [...new Set([...b.roles, ...user.roles])].filter((r) => b.roles!.includes(r) !== user.roles.includes(r)));
      await db.transaction().execute(async (tx) => {
        const set = {
          ...(b.displayName ? { display_name: b.displayName } : {}),
          ...(b.email !== undefined ? { email: b.email } : {}),
          ...(agency ? { agency_id: agency.id } : {}),
          ...(b.disabled !== undefined ? { disabled: b.disabled } : {}),
          ...(b.locale ? { locale: b.locale } : {}),
        };
        if (Object.keys(set).length) await tx.updateTable('app_user').set(set).where('id', '=', user.id).execute();
        if (b.roles) {
          await tx.deleteFrom('user_role').where('user_id', '=', user.id).execute();
          if (b.roles.length) await tx.insertInto('user_role').values(b.roles.map((role) => ({ user_id: user.id, role }))).execute();
        }
        if (b.disabled || b.roles || agency) await deleteUserSessions(tx, user.id);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'user.updated', resourceType: 'User', resourceId: user.id, scope: user.scope, detail: b });
      });
      return findUser(db, user.id);
    },
  );

  app.post<{ Params: { id: string } }>('/api/admin/users/:id/unlock', { schema: { tags, summary: 'Lift a sign-in lockout', params: idParams, response: errorResponses } }, async (request, reply) => {
    const user = await findUser(db, request.params.id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const { principal } = await ensureCan(request, 'update', 'User', { row: { id: user.id, scope: user.scope } });
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('app_user').set({ locked_until: null, failed_logins: 0 }).where('id', '=', user.id).execute();
      await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'user.unlocked', resourceType: 'User', resourceId: user.id, scope: user.scope });
    });
    return reply.status(204).send();
  });

  app.post<{ Params: { id: string }; Body: { password: string } }>(
    '/api/admin/users/:id/reset-password',
    { schema: { tags, summary: 'Set a new password (ends the user’s sessions)', params: idParams, body: strictObject({ password }, ['password']), response: { ...errorResponses, 422: { $ref: 'errorBody#' } } } },
    async (request, reply) => {
      const user = await findUser(db, request.params.id);
      if (!user) throw new AppError('USER_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'User', { row: { id: user.id, scope: user.scope } });
      if (!isStrongEnough(request.body.password)) throw new AppError('PASSWORD_TOO_WEAK');
      const passwordHash = await hashPassword(request.body.password);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('app_user').set({ password_hash: passwordHash, password_changed_at: clock.now(), failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
        await deleteUserSessions(tx, user.id);
        await appendAudit(tx, { at: clock.now(), actorId: principal.userId, action: 'user.password_reset', resourceType: 'User', resourceId: user.id, scope: user.scope });
      });
      return reply.status(204).send();
    },
  );
}
