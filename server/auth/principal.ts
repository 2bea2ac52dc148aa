import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** `variant_admin`: a district/commune admin who adopts local variants of procedures in their subtree (issue 8). */
export const ROLES = ['staff', 'supervisor', 'admin', 'provincial_admin', 'auditor', 'leader', 'variant_admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = ['police', 'people_committee', 'health_facility', 'labour_office', 'court', 'procuracy', 'rehab_centre'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Who is calling: the user, their roles, agency and the jurisdiction subtree they work in. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: string;
  roles: Role[];
  agency: { id: string; code: string; name: string; kind: AgencyKind } | null;
  jurisdiction: { id: string; code: string; name: string; path: string; level: string; structure: string } | null;
  /** Materialised path of the subtree the user works in ('/' = everywhere: a user without agency). */
  homePath: string;
  /** Candidate groups the user answers: the agency's own plus `<kind>:<code>` and `agency:<code>`. */
  candidateGroups: string[];
  totpEnabled: boolean;
}

/**
 * The groups an agency's users answer: the agency's stored groups when it has any (a regional court
 * seated in province 99 answers `court:99-KV1`, not the provincial court's `court:99`), else
 * `<kind>:<jurisdiction code>`; always `agency:<code>`.
 */
export function candidateGroupsOf(agency: { code: string; kind: string; candidate_groups: string[] }, jurisdictionCode: string): string[] {
  const own = agency.candidate_groups.length ? agency.candidate_groups : [`${agency.kind}:${jurisdictionCode}`];
  return [...new Set([...own, `agency:${agency.code}`])];
}

/**
 * The principal's columns, from `app_user as u` left-joined to `agency as a` and `jurisdiction as j`
 * (loadPrincipal, and the session lookup that loads both in one query).
 */
export const PRINCIPAL_COLUMNS = [
  'u.id', 'u.username', 'u.display_name', 'u.email', 'u.locale', 'u.disabled', 'u.totp_enabled',
  'a.id as agency_id', 'a.code as agency_code', 'a.name as agency_name', 'a.kind as agency_kind', 'a.candidate_groups',
  'j.id as j_id', 'j.code as j_code', 'j.name as j_name', 'j.path as j_path', 'j.level as j_level', 'j.structure as j_structure',
] as const;

/** The roles in the same round trip: every authenticated request loads the principal. */
export const principalRoles = () => sql<string[]>`ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role)`.as('roles');

export interface PrincipalRow {
  id: string; username: string; display_name: string; email: string | null; locale: string; disabled: boolean; totp_enabled: boolean;
  agency_id: string | null; agency_code: string | null; agency_name: string | null; agency_kind: string | null; candidate_groups: string[] | null;
  j_id: string | null; j_code: string | null; j_name: string | null; j_path: string | null; j_level: string | null; j_structure: string | null;
  roles: string[];
}

export async function loadPrincipal(db: Kysely<ServerDatabase>, userId: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('app_user as u')
    .leftJoin('agency as a', 'a.id', 'u.agency_id')
    .leftJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id')
    .select([...PRINCIPAL_COLUMNS, principalRoles()])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row ? toPrincipal(row) : undefined;
}

/** A principal from its row; undefined for a disabled account. */
export function toPrincipal(row: PrincipalRow): Principal | undefined {
  if (row.disabled) return undefined;
  const agency = row.agency_id
    ? { id: row.agency_id, code: row.agency_code!, name: row.agency_name!, kind: row.agency_kind as AgencyKind }
    : null;
  const jurisdiction = row.j_id
    ? { id: row.j_id, code: row.j_code!, name: row.j_name!, path: row.j_path!, level: row.j_level!, structure: row.j_structure! }
    : null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    locale: row.locale,
    roles: row.roles as Role[],
    agency,
    jurisdiction,
    homePath: jurisdiction?.path ?? '/',
    candidateGroups: agency && jurisdiction
      ? candidateGroupsOf({ code: agency.code, kind: agency.kind, candidate_groups: row.candidate_groups ?? [] }, jurisdiction.code)
      : [],
    totpEnabled: row.totp_enabled,
  };
}

/** The province subtree containing a path: '/99/991/99101/' → '/99/'. */
export function provincePathOf(path: string): string {
  const first = path.split('/').filter(Boolean)[0];
  return first ? `/${first}/` : '/';
}
