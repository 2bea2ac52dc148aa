import { AppError } from '../errors';
import { findJurisdictionByCode } from '../repositories/jurisdiction.repository';
import { resolveForPath } from './variant.repository';
import { serverDb, type ResolvedDefinition, type VariantDb } from './variant.types';

/**
 * The definition a case started by `key` runs under a jurisdiction path: the most specific active
 * variant (commune, district, province), latest version; else the latest global definition.
 * 404 DEFINITION_NOT_FOUND when the key is not deployed at all.
 */
export async function resolveDefinition(db: VariantDb, key: string, path: string | null): Promise<ResolvedDefinition> {
  const resolved = await resolveForPath(db, key, path);
  if (!resolved) throw new AppError('DEFINITION_NOT_FOUND', { definitionKey: key });
  return resolved;
}

/** Same, for a jurisdiction code (commune, district or province); 404 JURISDICTION_NOT_FOUND when unknown. */
export async function resolveDefinitionForCode(db: VariantDb, key: string, jurisdictionCode: string): Promise<ResolvedDefinition> {
  const jurisdiction = await findJurisdictionByCode(serverDb(db), jurisdictionCode);
  if (!jurisdiction) throw new AppError('JURISDICTION_NOT_FOUND');
  return resolveDefinition(db, key, jurisdiction.path);
}

/** The first of `keys` deployed at all, resolved for the path (public services try several procedures). */
export async function resolveFirstDeployed(db: VariantDb, keys: readonly string[], path: string | null): Promise<ResolvedDefinition | null> {
  for (const key of keys) {
    const resolved = await resolveForPath(db, key, path);
    if (resolved) return resolved;
  }
  return null;
}
