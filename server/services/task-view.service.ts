import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { getDraft, getForm, getLatestForm, prefill, type StoredForm } from '../../forms/index';
import type { AppAbility } from '../auth/abilities';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { allows } from '../auth/guard';
import type { Principal } from '../auth/principal';
import type { ServerDatabase } from '../db/schema';

export interface TaskRow {
  id: string;
  scope: string | null;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  state: string;
  form_key: string | null;
  [key: string]: unknown;
}

/** CASL looks at these fields of a task. */
export function taskSubject(task: TaskRow): Record<string, unknown> {
  return { id: task.id, scope: task.scope ?? '', assignee: task.assignee, candidate_groups: task.candidate_groups, candidate_users: task.candidate_users };
}

/** What the caller may do with a task now (buttons in the web app). */
export function permittedTaskActions(ability: AppAbility, principal: Principal, task: TaskRow): string[] {
  if (task.state !== 'created') return [];
  const row = taskSubject(task);
  const actions: string[] = [];
  if (!task.assignee && allows(ability, 'claim', 'Task', { row })) actions.push('claim');
  if (task.assignee && allows(ability, 'unclaim', 'Task', { row })) actions.push('unclaim');
  if (allows(ability, 'assign', 'Task', { row })) actions.push('assign', 'delegate');
  if (task.assignee === principal.userId) actions.push('saveDraft', 'complete');
  else if (!task.assignee && allows(ability, 'claim', 'Task', { row })) actions.push('saveDraft', 'complete');
  return [...new Set(actions)];
}

export interface CandidatePerson {
  id: string;
  displayName: string;
  agencyName: string | null;
  agencyCode: string | null;
}

/**
 * Enabled users who answer the task: its candidate users and the members of agencies answering its
 * candidate groups (the agency's stored groups, else `<kind>:<jurisdiction code>`, and `agency:<code>`),
 * the same rule as the principal's candidate groups. `visibleTo` narrows to users the caller may read
 * (CASL in SQL); `workersOnly` keeps people with a role that can claim (staff, supervisor).
 */
export async function taskCandidatePeople(
  db: Kysely<ServerDatabase>,
  task: Pick<TaskRow, 'candidate_groups' | 'candidate_users'>,
  options: { visibleTo?: RawBuilder<SqlBool>; workersOnly?: boolean; limit?: number } = {},
): Promise<CandidatePerson[]> {
  const groups = task.candidate_groups ?? [];
  const users = task.candidate_users ?? [];
  if (!groups.length && !users.length) return [];
  const agencyCodes = groups.filter((g) => g.startsWith('agency:')).map((g) => g.slice(7));
  const rows = await sql<CandidatePerson>`
    SELECT u.id, u.display_name AS "displayName", a.name AS "agencyName", a.code AS "agencyCode"
    FROM app_user u JOIN agency a ON a.id = u.agency_id JOIN jurisdiction j ON j.id = a.jurisdiction_id
    WHERE NOT u.disabled AND (
      a.candidate_groups && ${sql.val(groups)}::text[]
      OR (cardinality(a.candidate_groups) = 0 AND (a.kind || ':' || j.code) = ANY(${sql.val(groups)}::text[]))
      OR a.code = ANY(${sql.val(agencyCodes)}::text[])
      OR u.id::text = ANY(${sql.val(users)}::text[]))
      ${options.workersOnly ? sql`AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role IN ('staff', 'supervisor'))` : sql``}
      ${options.visibleTo ? sql`AND ${options.visibleTo}` : sql``}
    ORDER BY u.display_name LIMIT ${options.limit ?? 500}`.execute(db);
  return rows.rows;
}

/** `form_key` is `formId` or `formId:version`. */
export async function loadTaskForm(app: FastifyInstance, formKey: string | null): Promise<StoredForm | undefined> {
  if (!formKey) return undefined;
  const [id, version] = formKey.split(':');
  const db = app.deps.db as never;
  return version && /^\d+$/.test(version) ? getForm(db, id, Number(version)) : getLatestForm(db, id);
}

/** People shown under "who else can act" on the task screen. */
const CANDIDATES_SHOWN = 50;

/**
 * One call for the task screen: task, form, data (draft or pre-filled), variables, actions, and the
 * people who can act on it (only those the caller may see: CASL `read User` in SQL).
 */
export async function taskView(app: FastifyInstance, ability: AppAbility, principal: Principal, task: TaskRow) {
  const [variablesOrNull, form, candidates] = await Promise.all([
    app.engine.getTaskVariables(task.id),
    loadTaskForm(app, task.form_key),
    task.state === 'created'
      ? taskCandidatePeople(app.deps.db, task, { visibleTo: accessibleWhere(ability, 'read', 'User', columnMaps.User), workersOnly: true, limit: CANDIDATES_SHOWN + 1 })
      : Promise.resolve([]),
  ]);
  const variables = variablesOrNull ?? { local: {}, all: {} };
  const draft = form ? await getDraft(app.deps.db as never, task.id, { migrateTo: form.version }).catch(() => undefined) : undefined;
  const data = draft?.data ?? (form ? prefill(form, variables.all) : {});
  return {
    task,
    form: form ?? null,
    data,
    draft: draft ? { updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } : null,
    variables: variables.all,
    actions: permittedTaskActions(ability, principal, task),
    candidates: candidates.slice(0, CANDIDATES_SHOWN),
    candidatesMore: candidates.length > CANDIDATES_SHOWN,
  };
}
