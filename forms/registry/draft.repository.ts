import { FormValidationError } from '../form.errors';
import type { DataLimits, FormDefinition, JsonObject } from '../form.types';
import { validateFormData } from '../validation/form.validator';
import { draftMigrations } from './draft-migrations';
import { formsDb, systemClock, type Clock, type FormsDb } from './forms.tables';

export interface Draft {
  taskId: string;
  formId: string;
  formVersion: number;
  data: JsonObject;
  updatedAt: Date;
  updatedBy: string;
}

export interface SaveDraftInput {
  taskId: string;
  /** The form version of the task (tasks keep the version they were created with). */
  form: Pick<FormDefinition, 'id' | 'version' | 'schema'>;
  data: unknown;
  updatedBy: string;
  clock?: Clock;
  limits?: Partial<DataLimits>;
}

/**
 * Saves (upserts) the draft of a task without completing it. Checked loosely: types, formats and
 * lengths of the fields present, no required fields, but unknown fields and forbidden keys are still
 * refused (FormValidationError, FORM_INVALID). Strings are stored NFC-normalised.
 */
export async function saveDraft(db: FormsDb, input: SaveDraftInput): Promise<Draft> {
  const result = validateFormData(input.form, input.data, { mode: 'draft', limits: input.limits });
  if (!result.valid) throw new FormValidationError(result.issues, input.form.id);
  const now = (input.clock ?? systemClock).now();
  const values = {
    task_id: input.taskId,
    form_id: input.form.id,
    form_version: input.form.version,
    data: JSON.stringify(result.data) as never,
    updated_at: now,
    updated_by: input.updatedBy,
  };
  await formsDb(db)
    .insertInto('form_draft')
    .values(values)
    .onConflict((oc) =>
      oc.column('task_id').doUpdateSet({
        form_id: values.form_id,
        form_version: values.form_version,
        data: values.data,
        updated_at: values.updated_at,
        updated_by: values.updated_by,
      }),
    )
    .execute();
  return {
    taskId: input.taskId,
    formId: input.form.id,
    formVersion: input.form.version,
    data: result.data,
    updatedAt: now,
    updatedBy: input.updatedBy,
  };
}

/**
 * The task's draft, or undefined. With `migrateTo` (a newer version of the same form) the data is run
 * through the registered draft migrations and returned with that version (not written back).
 */
export async function getDraft(db: FormsDb, taskId: string, options: { migrateTo?: number } = {}): Promise<Draft | undefined> {
  const row = await formsDb(db).selectFrom('form_draft').selectAll().where('task_id', '=', taskId).executeTakeFirst();
  if (!row) return undefined;
  const draft: Draft = {
    taskId: row.task_id,
    formId: row.form_id,
    formVersion: row.form_version,
    data: row.data,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
  if (options.migrateTo !== undefined && options.migrateTo > draft.formVersion) {
    return {
      ...draft,
      data: draftMigrations.migrate(draft.formId, draft.formVersion, options.migrateTo, draft.data),
      formVersion: options.migrateTo,
    };
  }
  return draft;
}

/** Removes the draft (on task completion); true when one existed. */
export async function deleteDraft(db: FormsDb, taskId: string): Promise<boolean> {
  const result = await formsDb(db).deleteFrom('form_draft').where('task_id', '=', taskId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
