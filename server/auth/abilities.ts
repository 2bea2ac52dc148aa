import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import { provincePathOf, type Principal } from './principal';

export type Action =
  | 'read' | 'create' | 'update' | 'delete'
  | 'claim' | 'unclaim' | 'assign' | 'complete'
  | 'start' | 'cancel' | 'modify' | 'migrate' | 'deploy' | 'retry';
export type SubjectType =
  | 'Task' | 'Instance' | 'Case' | 'Person' | 'Attachment' | 'History'
  | 'User' | 'Agency' | 'Jurisdiction' | 'Holiday' | 'Definition' | 'Form' | 'Variant' | 'AuditLog' | 'Mail' | 'Job' | 'Incident';
type Row = Record<string, unknown>;
/** CASL types conditions of string subjects as MongoQuery<never>; ours are plain row conditions. */
const when = (c: object) => c as MongoQuery<never>;
export type AppAbility = MongoAbility<[Action, SubjectType], MongoQuery<Row>>;

/** Case fields everyone with read access sees; `medical` only health, court and the case's police. */
export const CASE_PUBLIC_FIELDS = ['id', 'code', 'person_id', 'procedure_key', 'title', 'scope', 'status', 'instance_id', 'data', 'created_by', 'created_at', 'updated_at'];
const MEDICAL_READERS = new Set(['police', 'health_facility', 'court']);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** CASL condition "materialised path is inside this subtree" (translated to LIKE 'path%' in SQL). */
export function under(path: string): MongoQuery<Row> {
  return { $regex: `^${escapeRegex(path)}` } as MongoQuery<Row>;
}

/**
 * Abilities from role + jurisdiction subtree + task candidacy. The same rules guard single rows
 * (ability.can) and become SQL for lists (casl-sql.ts).
 */
export function defineAbilityFor(p: Principal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const roles = new Set(p.roles);
  const home = p.homePath;
  const inHome = when({ scope: under(home) });

  // Everyone signed in: reference data and their own account.
  can('read', 'Jurisdiction');
  can('read', 'Agency');
  can('read', ['Definition', 'Form']);
  can('read', 'User', when({ id: p.userId }));

  const worker = roles.has('staff') || roles.has('supervisor') || roles.has('leader') || roles.has('auditor');
  if (worker && p.agency) {
    can('read', 'Person', inHome);
    can('read', 'Instance', inHome);
    can('read', 'History', inHome);
    if (MEDICAL_READERS.has(p.agency.kind)) can('read', 'Case', inHome);
    else can('read', 'Case', CASE_PUBLIC_FIELDS, inHome);
    can('read', 'User', inHome);
  }

  if ((roles.has('staff') || roles.has('supervisor')) && p.agency) {
    const mine = [{ candidate_groups: { $in: p.candidateGroups } }, { candidate_users: { $in: [p.userId] } }, { assignee: p.userId }];
    for (const cond of mine) {
      can(['read', 'claim'], 'Task', when(cond));
    }
    can(['unclaim', 'complete', 'update'], 'Task', when({ assignee: p.userId }));
    can(['create', 'update'], 'Person', inHome);
    // Only health facilities write the medical part of a case.
    if (p.agency.kind === 'health_facility') can(['create', 'update'], 'Case', inHome);
    else can(['create', 'update'], 'Case', CASE_PUBLIC_FIELDS, inHome);
    can('start', 'Instance', inHome);
    can(['read', 'create'], 'Attachment', inHome);
  }

  if (roles.has('supervisor') && p.agency) {
    can(['read', 'assign', 'unclaim'], 'Task', inHome);
    can(['cancel', 'modify'], 'Instance', inHome);
  }

  if ((roles.has('leader') || roles.has('auditor')) && p.agency) {
    can('read', 'Task', inHome);
    can('read', 'Attachment', inHome);
  }

  if (roles.has('auditor')) can('read', 'AuditLog', home === '/' ? when({}) : inHome);

  const adminPath = roles.has('admin') ? home : roles.has('provincial_admin') ? provincePathOf(home) : undefined;
  if (adminPath !== undefined) {
    const inAdmin = when(adminPath === '/' ? {} : { scope: under(adminPath) });
    can(['read', 'create', 'update', 'delete'], 'User', inAdmin);
    can(['create', 'update'], 'Agency', inAdmin);
    can(['create', 'update'], 'Jurisdiction', inAdmin);
    can(['read', 'create', 'update', 'delete'], 'Holiday');
    // definitions are deployed for a jurisdiction (`scope` = its path, '/' = global): only the global admin deploys global ones
    can('deploy', 'Definition', inAdmin);
    can(['read', 'create', 'update'], 'Variant', inAdmin);
    can('create', 'Form'); // forms are global, versioned (issue 8)
    can('migrate', 'Instance', inAdmin);
    can(['read', 'retry'], ['Job', 'Incident']);
    can('read', 'Mail');
    can('read', 'AuditLog', inAdmin);
    can(['read', 'cancel', 'modify'], 'Instance', inAdmin);
    can(['read', 'assign', 'unclaim'], 'Task', inAdmin);
    can('read', 'History', inAdmin);
    can('read', 'Person', inAdmin);
    can('read', 'Case', CASE_PUBLIC_FIELDS, inAdmin);
  }
  // District/commune admins adopt variants of procedures in their own subtree (issue 8).
  if (roles.has('variant_admin') && p.agency) {
    can(['read', 'create', 'update'], 'Variant', inHome);
    can('create', 'Form');
    can('migrate', 'Instance', inHome);
  }
  return build();
}

/** Roles a user may grant: never more than they hold; only a global admin grants `admin` everywhere. */
export function grantableRoles(p: Principal): string[] {
  if (p.roles.includes('admin') && p.homePath === '/') return ['staff', 'supervisor', 'admin', 'provincial_admin', 'auditor', 'leader', 'variant_admin'];
  if (p.roles.includes('provincial_admin')) return ['staff', 'supervisor', 'admin', 'auditor', 'leader', 'variant_admin'];
  if (p.roles.includes('admin')) return ['staff', 'supervisor', 'auditor', 'leader', 'variant_admin'];
  return [];
}
