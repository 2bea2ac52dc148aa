import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { allows, callerOf, recordDenial, type Caller } from '../auth/guard';
import type { ServerDatabase } from '../db/schema';
import { AppError } from '../errors';
import { jurisdictionByCode } from './indicator.repository';

/**
 * The jurisdiction path an indicator is measured on for this caller. An explicit jurisdiction must
 * lie inside what the caller may read (403 otherwise); without one, the caller's own subtree when it
 * lies inside the indicator's jurisdiction (a commune sees its commune), else the indicator's.
 * The numbers are filtered by the caller's CASL rules in SQL in any case.
 */
export async function resolveScope(
  db: Kysely<ServerDatabase>,
  request: FastifyRequest,
  indicatorJurisdiction: string | null,
  requested?: string,
): Promise<{ caller: Caller; scopePath: string }> {
  const caller = callerOf(request);
  if (requested) {
    const j = await jurisdictionByCode(db, requested);
    if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
    if (!allows(caller.ability, 'read', 'Person', { row: { scope: j.path } })) {
      await recordDenial(request, 'read', 'Indicator', { row: { scope: j.path } });
      throw new AppError('FORBIDDEN', { action: 'read', subject: 'Indicator' });
    }
    return { caller, scopePath: j.path };
  }
  const home = caller.principal.homePath;
  const own = indicatorJurisdiction ? (await jurisdictionByCode(db, indicatorJurisdiction))?.path : undefined;
  if (!own || home.startsWith(own)) return { caller, scopePath: home };
  if (own.startsWith(home)) return { caller, scopePath: own };
  return { caller, scopePath: home };
}
