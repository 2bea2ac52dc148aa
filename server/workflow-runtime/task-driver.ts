import type { FastifyInstance } from 'fastify';
import { assertValidFormData, extractOutput, getForm, getLatestForm, prefill, type JsonObject, type StoredForm } from '../../forms/index';
import type { TaskRecord } from '../../engine/index';
import { usersOfGroups } from './workers/recipients';

/**
 * Drives procedures with engine commands as the right demo users (the demo seed; scenario tests
 * before/besides HTTP): a task is completed by a user of an agency answering its candidate group,
 * with the form's shipped example data plus overrides, validated exactly as the server does.
 */
export class TaskDriver {
  constructor(private readonly app: FastifyInstance) {}

  /** Open tasks of an instance tree (root id), oldest first. */
  async openTasks(rootInstanceId: string): Promise<TaskRecord[]> {
    const page = await this.app.engine.listTasks({ state: 'created', limit: 200, orderBy: 'created_at', filter: (qb) => qb.where('task.root_instance_id', '=', rootInstanceId) });
    return page.items;
  }

  async openTask(rootInstanceId: string, elementId: string): Promise<TaskRecord> {
    const task = (await this.openTasks(rootInstanceId)).find((t) => t.element_id === elementId);
    if (!task) {
      const open = (await this.openTasks(rootInstanceId)).map((t) => t.element_id).join(', ') || 'none';
      throw new Error(`no open task ${elementId} in instance ${rootInstanceId} (open: ${open})`);
    }
    return task;
  }

  async formOf(task: TaskRecord): Promise<StoredForm | undefined> {
    if (!task.form_key) return undefined;
    const [id, version] = task.form_key.split(':');
    const db = this.app.deps.db as never;
    return version ? getForm(db, id, Number(version)) : getLatestForm(db, id);
  }

  /**
   * The form's first shipped example, pre-filled from the process variables like the task screen
   * (`variables`), then `overrides` (null removes a field).
   */
  static formData(form: StoredForm, overrides: Record<string, unknown> = {}, variables: Record<string, unknown> = {}): JsonObject {
    const data: Record<string, unknown> = { ...((form.examples?.valid?.[0] ?? {}) as Record<string, unknown>), ...prefill(form, variables), ...overrides };
    for (const [k, v] of Object.entries(overrides)) if (v === null) delete data[k];
    return data as JsonObject;
  }

  /** A user (staff first) of an agency answering one of the task's candidate groups. */
  async userFor(task: TaskRecord): Promise<string> {
    const staff = await usersOfGroups(this.app.deps.db, task.candidate_groups, ['staff']);
    const anyone = staff.length ? staff : await usersOfGroups(this.app.deps.db, task.candidate_groups);
    if (!anyone.length) throw new Error(`no user answers ${task.candidate_groups.join(', ')} (task ${task.element_id})`);
    return [...anyone].sort((a, b) => a.displayName.localeCompare(b.displayName))[0].id;
  }

  /** Claims and completes the open task `elementId` as a candidate user; returns the task. */
  async complete(rootInstanceId: string, elementId: string, overrides: Record<string, unknown> = {}, userId?: string): Promise<TaskRecord> {
    const task = await this.openTask(rootInstanceId, elementId);
    const form = await this.formOf(task);
    const visible = form ? ((await this.app.engine.getTaskVariables(task.id)) as { all?: Record<string, unknown> } | null)?.all ?? {} : {};
    const variables = form ? extractOutput(form, assertValidFormData(form, TaskDriver.formData(form, overrides, visible))) : overrides;
    const actor = userId ?? (await this.userFor(task));
    await this.app.deps.db.transaction().execute(async (tx) => {
      if (!task.assignee) await this.app.engine.claimTask(task.id, actor, { tx, actor });
      await this.app.engine.completeTask(task.id, variables, { tx, actor });
    });
    await this.app.workflowRuntime.drain();
    return task;
  }
}
