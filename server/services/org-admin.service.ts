import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../db/schema';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for ILIKE, wildcards in the text escaped. */
const contains = (text: string) => `%${likeEscape(text)}%`;

/** One page and the total of the same filtered query. */
async function pageWithTotal<I>(page: Promise<I[]>, total: Promise<{ n: number | string | bigint }>) {
  const [items, count] = await Promise.all([page, total]);
  return { total: Number(count.n), items };
}

export interface AgencyFilter {
  q?: string;
  kind?: string;
  jurisdictionCode?: string;
  limit: number;
  offset: number;
}

/** Agencies the caller manages (CASL `update Agency` in SQL), with their jurisdiction and account counts; one page + total. */
export async function listManagedAgencies(db: Kysely<ServerDatabase>, allowed: RawBuilder<SqlBool>, f: AgencyFilter) {
  let q = db.selectFrom('agency as a').innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id').where(allowed);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.jurisdictionCode) q = q.where('j.code', '=', f.jurisdictionCode);
  if (f.q) {
    const like = contains(f.q);
    q = q.where((eb) => eb.or([eb('a.name', 'ilike', like), eb('a.code', 'ilike', like), eb('j.name', 'ilike', like)]));
  }
  return pageWithTotal(
    q
      .selectAll('a')
      .select(['j.code as jurisdiction_code', 'j.name as jurisdiction_name', 'j.path as jurisdiction_path'])
      .select([
        sql<number>`(SELECT count(*)::int FROM app_user u WHERE u.agency_id = a.id)`.as('users_total'),
        sql<number>`(SELECT count(*)::int FROM app_user u WHERE u.agency_id = a.id AND NOT u.disabled)`.as('users_active'),
      ])
      .orderBy('j.path')
      .orderBy('a.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

export interface JurisdictionFilter {
  q?: string;
  level?: 'province' | 'district' | 'commune';
  parentCode?: string;
  limit: number;
  offset: number;
}

/** Jurisdictions the caller manages (CASL `update Jurisdiction` in SQL) with parent and agency count; one page + total. */
export async function listManagedJurisdictions(db: Kysely<ServerDatabase>, allowed: RawBuilder<SqlBool>, f: JurisdictionFilter) {
  let q = db.selectFrom('jurisdiction as j').leftJoin('jurisdiction as parent', 'parent.id', 'j.parent_id').where(allowed);
  if (f.level) q = q.where('j.level', '=', f.level);
  if (f.parentCode) q = q.where('parent.code', '=', f.parentCode);
  if (f.q) {
    const like = contains(f.q);
    q = q.where((eb) => eb.or([eb('j.name', 'ilike', like), eb('j.code', 'ilike', like)]));
  }
  return pageWithTotal(
    q
      .selectAll('j')
      .select(['parent.code as parent_code', 'parent.name as parent_name'])
      .select(sql<number>`(SELECT count(*)::int FROM agency a WHERE a.jurisdiction_id = j.id)`.as('agencies'))
      .orderBy('j.path')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/** The default candidate groups of an agency of this kind in this jurisdiction. */
export function defaultAgencyGroups(kind: string, jurisdictionCode: string, agencyCode: string): string[] {
  return [`${kind}:${jurisdictionCode}`, `agency:${agencyCode}`];
}

/** The agency's row with its jurisdiction (for guards and moves). */
export function findAgency(db: Kysely<ServerDatabase>, id: string) {
  return db
    .selectFrom('agency as a')
    .innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id')
    .selectAll('a')
    .select(['j.code as jurisdiction_code', 'j.path'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Sets `disabled` on the agency's users (all, or the given ones) whose flag differs; returns the ids changed. */
export async function setAgencyUsersDisabled(tx: Kysely<ServerDatabase>, agencyId: string, disabled: boolean, only?: string[]): Promise<string[]> {
  let q = tx.updateTable('app_user').set({ disabled }).where('agency_id', '=', agencyId).where('disabled', '=', !disabled);
  if (only) q = q.where('id', 'in', only.length ? only : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.returning('id').execute();
  return rows.map((r) => r.id);
}
