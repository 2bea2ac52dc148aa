import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/schema';
import type { Recipient } from '../../mail/notifications';

/** Active users of the agencies answering one of `groups` (optionally only some roles). */
export async function usersOfGroups(db: Kysely<ServerDatabase>, groups: string[], roles?: string[]): Promise<(Recipient & { id: string })[]> {
  if (groups.length === 0) return [];
  let q = db.selectFrom('app_user as u').innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.locale'])
    .where('u.disabled', '=', false)
    .where((eb) => eb.or(groups.map((g) => eb(eb.val(g), '=', eb.fn.any('a.candidate_groups')))));
  if (roles?.length) q = q.where('u.id', 'in', (eb) => eb.selectFrom('user_role').select('user_id').where('role', 'in', roles));
  const rows = await q.distinct().execute();
  return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, locale: r.locale }));
}
