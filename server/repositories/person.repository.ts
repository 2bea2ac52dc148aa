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

/** Accent-insensitive (unaccent, đ→d) trigram search on names, or exact ID number; `allowed` is the CASL filter. */
export async function searchPersons(db: Kysely<ServerDatabase>, allowed: RawBuilder<SqlBool>, f: PersonFilter) {
  let q = db.selectFrom('person as p').where(allowed);
  if (f.idNumber) q = q.where('p.id_number', '=', f.idNumber);
  if (f.communeCode) q = q.where('p.commune_code', '=', f.communeCode);
  if (f.status) q = q.where('p.status', '=', f.status);
  const term = f.q?.trim();
  if (term) {
    const needle = sql<string>`f_unaccent(${term})`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`p.search_name`, 'like', sql<string>`'%' || ${needle} || '%'`),
        sql<SqlBool>`p.search_name % ${needle}`,
        eb('p.id_number', '=', term),
      ]),
    );
  }
  // The total comes with the page (count(*) OVER ()): one scan of the matching rows, not two —
  // the fuzzy name match is the expensive part (docs/benchmarks.md, HTTP / national scale).
  let listed = q.select(columns).select(sql<string>`count(*) OVER ()`.as('total_count'));
  listed = term
    ? listed.orderBy(sql`similarity(p.search_name, f_unaccent(${term}))`, 'desc').orderBy('p.full_name')
    : listed.orderBy(sql`p.full_name COLLATE "C"`).orderBy('p.id');
  const page = await listed.limit(f.limit).offset(f.offset).execute();
  const total = page.length
    ? Number(page[0].total_count)
    : f.offset > 0 ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  const rows = page.map(({ total_count: _total, ...row }) => row);
  return { total, rows };
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
