import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { AppError } from '../errors';

/**
 * The jurisdiction path an instance is filed under (authorization filters tasks/instances on it):
 * from `caseId`, else `personId`, else `communeCode`/`districtCode`/`provinceCode` variables.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function scopeForVariables(db: Kysely<ServerDatabase>, variables: Record<string, unknown>): Promise<string> {
  if (typeof variables.caseId === 'string') {
    if (!UUID.test(variables.caseId)) throw new AppError('CASE_NOT_FOUND');
    const row = await db.selectFrom('rehab_case').select('scope').where('id', '=', variables.caseId).executeTakeFirst();
    if (!row) throw new AppError('CASE_NOT_FOUND');
    return row.scope;
  }
  if (typeof variables.personId === 'string') {
    if (!UUID.test(variables.personId)) throw new AppError('PERSON_NOT_FOUND');
    const row = await db.selectFrom('person').select('scope').where('id', '=', variables.personId).executeTakeFirst();
    if (!row) throw new AppError('PERSON_NOT_FOUND');
    return row.scope;
  }
  for (const name of ['communeCode', 'districtCode', 'provinceCode']) {
    const code = variables[name];
    if (typeof code === 'string') {
      const row = await db.selectFrom('jurisdiction').select('path').where('code', '=', code).executeTakeFirst();
      if (!row) throw new AppError('JURISDICTION_NOT_FOUND');
      return row.path;
    }
  }
  throw new AppError('INSTANCE_SCOPE_REQUIRED');
}
