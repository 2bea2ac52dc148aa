import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** Users joined to agency and jurisdiction (`j.path` is the user's scope for authorization). */
export function userQuery(db: Kysely<ServerDatabase>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('agency as a', 'a.id', 'u.agency_id')
    .leftJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id')
    .select([
      'u.id', 'u.username', 'u.display_name', 'u.email', 'u.locale', 'u.disabled', 'u.locked_until', 'u.totp_enabled', 'u.created_at',
      'a.code as agency_code', 'a.name as agency_name', 'a.kind as agency_kind', 'j.code as jurisdiction_code', 'j.path as scope',
    ])
    .select((eb) =>
      eb
        .fn.coalesce(
          eb.selectFrom('user_role as r').whereRef('r.user_id', '=', 'u.id').select((e) => e.fn.agg<string[]>('array_agg', ['r.role']).as('roles')),
          eb.val<string[]>([]),
        )
        .as('roles'),
    );
}

export async function listUsers(db: Kysely<ServerDatabase>, allowed: RawBuilder<SqlBool>, f: { q?: string; agencyCode?: string; limit: number; offset: number }) {
  let q = userQuery(db).where(allowed);
  if (f.agencyCode) q = q.where('a.code', '=', f.agencyCode);
  if (f.q) q = q.where((eb) => eb.or([eb('u.username', 'ilike', `%${f.q}%`), eb('u.display_name', 'ilike', `%${f.q}%`)]));
  return q.orderBy('u.username').limit(f.limit).offset(f.offset).execute();
}

export function findUser(db: Kysely<ServerDatabase>, id: string) {
  return userQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export async function agencyWithPath(db: Kysely<ServerDatabase>, code: string) {
  return db.selectFrom('agency as a').innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id').select(['a.id', 'a.code', 'j.path']).where('a.code', '=', code).executeTakeFirst();
}
