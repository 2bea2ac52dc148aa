import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../db/schema';

export interface PersonFilter {
  q?: string;
  idNumber?: string;
  communeCode?: string;
  status?: string;
  limit: number;
  offset: number;
}

const columns = [
  'p.id', 'p.full_name', 'p.other_names', 'p.date_of_birth', 'p.sex', 'p.id_type', 'p.id_number', 'p.province_code',
  'p.commune_code', 'p.scope', 'p.permanent_address', 'p.status', 'p.created_at', 'p.updated_at',
] as const;

/**
 * Similarity a name must reach in the fuzzy fallback (pg_trgm `%`, set for the transaction so the
 * trigram index prunes with it). pg_trgm's default 0.3 matched 2 400 persons of one province for a
 * one-letter typo of a 3-word name (every "tran … quang …"); 0.5 still finds the typo'd name.
 */
export const FUZZY_NAME_THRESHOLD = 0.5;

type Executor = Kysely<ServerDatabase>;

/**
 * Person search within `allowed` (the CASL filter), in two tiers so an index drives each:
 * 1. exact: the unaccented name contains the term (trigram GIN, `LIKE '%term%'`) or the ID number
 *    equals it (btree) — a name typed in full or in part, a CCCD number;
 * 2. fuzzy, only when tier 1 finds nobody: trigram similarity ≥ FUZZY_NAME_THRESHOLD (typos).
 * Ranked by similarity to the term, then name; the total is that of the tier that answered.
 * Plans: docs/benchmarks.md (HTTP / national scale).
 */
export async function searchPersons(db: Executor, allowed: RawBuilder<SqlBool>, f: PersonFilter) {
  const filtered = (executor: Executor) => {
    let q = personFrom(executor).where(allowed);
    if (f.idNumber) q = q.where('p.id_number', '=', f.idNumber);
    if (f.communeCode) q = q.where('p.commune_code', '=', f.communeCode);
    if (f.status) q = q.where('p.status', '=', f.status);
    return q;
  };
  const term = f.q?.trim();
  if (!term) return pageOf(filtered(db), [sql`p.full_name COLLATE "C"`, sql`p.id`], f);
  const needle = sql<string>`f_unaccent(${term})`;
  const ranked = [sql`similarity(p.search_name, ${needle}) DESC`, sql`p.full_name`];
  const exact = filtered(db).where((eb) => eb.or([eb(sql`p.search_name`, 'like', sql<string>`'%' || ${needle} || '%'`), eb('p.id_number', '=', term)]));
  const found = await pageOf(exact, ranked, f);
  if (found.total > 0) return found;
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(FUZZY_NAME_THRESHOLD)}, true)`.execute(tx);
    return pageOf(filtered(tx).where(sql<SqlBool>`p.search_name % ${needle}`), ranked, f);
  });
}

/** One page and the total in one scan (count(*) OVER ()); a separate count only past the last row. */
async function pageOf(q: PersonQuery, order: RawBuilder<unknown>[], f: PersonFilter) {
  let listed = q.select(columns).select(sql<string>`count(*) OVER ()`.as('total_count'));
  for (const o of order) listed = listed.orderBy(o);
  const page = await listed.limit(f.limit).offset(f.offset).execute();
  const total = page.length
    ? Number(page[0].total_count)
    : f.offset > 0 ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  return { total, rows: page.map(({ total_count: _total, ...row }) => row) };
}

/** The builder type of `selectFrom('person as p')` with conditions (no selection yet). */
type PersonQuery = ReturnType<typeof personFrom>;
function personFrom(db: Executor) {
  return db.selectFrom('person as p');
}

export function findPerson(db: Kysely<ServerDatabase>, id: string) {
  return db.selectFrom('person as p').select([...columns, 'p.statuses']).where('p.id', '=', id).executeTakeFirst();
}

export interface NewPerson {
  fullName: string;
  otherNames?: string[];
  dateOfBirth?: string | null;
  sex?: 'male' | 'female' | null;
  idType?: string | null;
  idNumber?: string | null;
  communeCode: string;
  permanentAddress?: string | null;
  status?: string | null;
}

export async function insertPerson(db: Kysely<ServerDatabase>, p: NewPerson, scope: string, provinceCode: string, by: string, now: Date) {
  return db
    .insertInto('person')
    .values({
      full_name: p.fullName,
      other_names: p.otherNames ?? [],
      date_of_birth: p.dateOfBirth ?? null,
      sex: p.sex ?? null,
      id_type: p.idType ?? null,
      id_number: p.idNumber ?? null,
      province_code: provinceCode,
      commune_code: p.communeCode,
      scope,
      permanent_address: p.permanentAddress ?? null,
      status: p.status ?? null,
      statuses: JSON.stringify(p.status ? [{ status: p.status, from: now.toISOString().slice(0, 10) }] : []),
      created_by: by,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
