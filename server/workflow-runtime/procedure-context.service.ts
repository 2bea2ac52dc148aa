import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { AppError } from '../errors';
import { selectRuleset, type Structure } from '../../workflows/index';

/** The well-known process variables of docs/conventions.md, computed for one person at one date. */
export interface ProcedureContext {
  personId: string;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  courtRegionCode: string | null;
  ruleset: '2022' | '2025';
  structure: Structure;
  /** the person's jurisdiction path: the instance's scope (authorization filters on it) */
  scope: string;
}

/** Calendar date in Vietnam (the legal date of an act). */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Commune → district (2022 map) → province, the structure, the ruleset in force on `at`, and the
 * regional court area of a 2025 commune from the configuration (`jurisdiction.court_area_code`,
 * per province in `court_area`; admins change it). A commune without an area runs with the
 * district court rule of the ruleset (`courtRegionCode = null`).
 */
export async function procedureContext(db: Kysely<ServerDatabase>, personId: string, at: Date): Promise<ProcedureContext> {
  const person = await db.selectFrom('person').select(['id', 'commune_code', 'province_code', 'scope']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  const codes = person.scope.split('/').filter(Boolean);
  const communeCode = person.commune_code ?? codes[codes.length - 1];
  const commune = await db.selectFrom('jurisdiction').select(['code', 'structure', 'level', 'path', 'court_area_code']).where('code', '=', communeCode).executeTakeFirst();
  if (!commune) throw new AppError('JURISDICTION_NOT_FOUND');
  const pathCodes = commune.path.split('/').filter(Boolean);
  const structure = commune.structure as Structure;
  const ruleset = selectRuleset(vnDate(at), structure).id;
  return {
    personId,
    communeCode,
    districtCode: structure === '2022' && pathCodes.length >= 3 ? pathCodes[pathCodes.length - 2] : null,
    provinceCode: person.province_code ?? pathCodes[0],
    courtRegionCode: structure === '2025' ? commune.court_area_code ?? null : null,
    ruleset,
    structure,
    scope: person.scope,
  };
}

/** The context as process variables (the `scope` and `structure` are not variables). */
export function contextVariables(c: ProcedureContext): Record<string, unknown> {
  return {
    personId: c.personId, communeCode: c.communeCode, districtCode: c.districtCode, provinceCode: c.provinceCode,
    courtRegionCode: c.courtRegionCode, ruleset: c.ruleset,
  };
}
