import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { ServerDatabase } from '../db/schema';

const columns = ['c.id', 'c.code', 'c.person_id', 'c.procedure_key', 'c.title', 'c.scope', 'c.status', 'c.instance_id', 'c.data', 'c.medical', 'c.created_by', 'c.created_at', 'c.updated_at', 'c.closed_at'] as const;

export function findCase(db: Kysely<ServerDatabase>, id: string) {
  return db.selectFrom('rehab_case as c').innerJoin('person as p', 'p.id', 'c.person_id').select([...columns, 'p.full_name as person_name']).where('c.id', '=', id).executeTakeFirst();
}

export async function listCases(
  db: Kysely<ServerDatabase>,
  allowed: RawBuilder<SqlBool>,
  f: { personId?: string; status?: string; procedureKey?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('rehab_case as c').innerJoin('person as p', 'p.id', 'c.person_id').where(allowed);
  if (f.personId) q = q.where('c.person_id', '=', f.personId);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.procedureKey) q = q.where('c.procedure_key', '=', f.procedureKey);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select([...columns, 'p.full_name as person_name']).orderBy('c.created_at', 'desc').orderBy('c.id').limit(f.limit).offset(f.offset).execute();
  return { total: total.n, rows };
}
