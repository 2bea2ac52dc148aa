import type { FastifyInstance } from 'fastify';
import { getDraft, getForm, getLatestForm, prefill, type StoredForm } from '../../forms/index';
import type { AppAbility } from '../auth/abilities';
import { allows } from '../auth/guard';
import type { Principal } from '../auth/principal';

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

/** `form_key` is `formId` or `formId:version`. */
export async function loadTaskForm(app: FastifyInstance, formKey: string | null): Promise<StoredForm | undefined> {
  if (!formKey) return undefined;
  const [id, version] = formKey.split(':');
  const db = app.deps.db as never;
  return version && /^\d+$/.test(version) ? getForm(db, id, Number(version)) : getLatestForm(db, id);
}

/** One call for the task screen: task, form, data (draft or pre-filled), variables, actions. */
export async function taskView(app: FastifyInstance, ability: AppAbility, principal: Principal, task: TaskRow) {
  const variables = (await app.engine.getTaskVariables(task.id)) ?? { local: {}, all: {} };
  const form = await loadTaskForm(app, task.form_key);
  const draft = form ? await getDraft(app.deps.db as never, task.id, { migrateTo: form.version }).catch(() => undefined) : undefined;
  const data = draft?.data ?? (form ? prefill(form, variables.all) : {});
  return {
    task,
    form: form ?? null,
    data,
    draft: draft ? { updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } : null,
    variables: variables.all,
    actions: permittedTaskActions(ability, principal, task),
  };
}
