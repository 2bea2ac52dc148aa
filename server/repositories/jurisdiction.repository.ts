import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';

export function findJurisdictionByCode(db: Kysely<ServerDatabase>, code: string) {
  return db.selectFrom('jurisdiction as j').selectAll('j').where('j.code', '=', code).executeTakeFirst();
}

export function listJurisdictions(db: Kysely<ServerDatabase>, f: { parentCode?: string; structure?: string; level?: string; under?: string }) {
  let q = db.selectFrom('jurisdiction as j').leftJoin('jurisdiction as parent', 'parent.id', 'j.parent_id').selectAll('j').select('parent.code as parent_code');
  if (f.parentCode) q = q.where('parent.code', '=', f.parentCode);
  if (f.structure) q = q.where('j.structure', '=', f.structure as '2022' | '2025');
  if (f.level) q = q.where('j.level', '=', f.level as 'province' | 'district' | 'commune');
  if (f.under) q = q.where('j.path', 'like', `${f.under.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('j.path').limit(2000).execute();
}
