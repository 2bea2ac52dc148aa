import type { Selectable } from 'kysely';
import { FormNotFoundError, FormVersionConflictError } from '../form.errors';
import type { FormDefinition } from '../form.types';
import { checkFormDefinition } from '../validation/form.validator';
import { formChecksum } from './form-checksum';
import { formsDb, systemClock, type Clock, type FormDefinitionTable, type FormsDb } from './forms.tables';

/** A stored form version. */
export interface StoredForm extends FormDefinition {
  checksum: string;
  createdAt: Date;
  createdBy: string;
}

export interface SaveFormInput extends Omit<FormDefinition, 'version'> {
  /** Omit to let the registry number it (latest + 1, or the latest itself when unchanged). */
  version?: number;
}

export interface SaveFormResult {
  form: StoredForm;
  /** false when an identical version already existed (idempotent save). */
  created: boolean;
}

export interface FormSummary {
  id: string;
  latestVersion: number;
  title: FormDefinition['title'];
  mau?: string;
  createdAt: Date;
}

/**
 * Stores a form version after checking it (strict compile, examples valid). Idempotent on content:
 * - with `version`: an existing (id, version) with the same checksum is returned as is; with a
 *   different checksum it is a FormVersionConflictError (FORM_VERSION_CONFLICT).
 * - without `version`: when the latest version has the same checksum it is returned; otherwise the
 *   next version number is used.
 */
export async function saveForm(
  db: FormsDb,
  input: SaveFormInput,
  options: { createdBy: string; clock?: Clock },
): Promise<SaveFormResult> {
  const k = formsDb(db);
  const checksum = await formChecksum(input);
  const latest = await getLatestForm(db, input.id);
  let version = input.version;
  if (version === undefined) {
    if (latest && latest.checksum === checksum) return { form: latest, created: false };
    version = (latest?.version ?? 0) + 1;
  } else {
    const existing = await getForm(db, input.id, version);
    if (existing) {
      if (existing.checksum === checksum) return { form: existing, created: false };
      throw new FormVersionConflictError(input.id, version);
    }
  }
  const definition: FormDefinition = { ...input, version };
  checkFormDefinition(definition);
  const row = await k
    .insertInto('form_definition')
    .values({
      id: input.id,
      version,
      title: JSON.stringify(input.title) as never,
      mau: input.mau ?? null,
      schema: JSON.stringify(input.schema) as never,
      ui_schema: JSON.stringify(input.uiSchema ?? {}) as never,
      translations: JSON.stringify(input.translations ?? {}) as never,
      examples: JSON.stringify(input.examples ?? {}) as never,
      checksum,
      created_at: (options.clock ?? systemClock).now(),
      created_by: options.createdBy,
    })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    // Raced with another saver of the same version: same content is fine, different is a conflict.
    const existing = await getForm(db, input.id, version);
    if (existing && existing.checksum === checksum) return { form: existing, created: false };
    throw new FormVersionConflictError(input.id, version);
  }
  return { form: toStored(row), created: true };
}

export async function getForm(db: FormsDb, id: string, version: number): Promise<StoredForm | undefined> {
  const row = await formsDb(db)
    .selectFrom('form_definition')
    .selectAll()
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function getLatestForm(db: FormsDb, id: string): Promise<StoredForm | undefined> {
  const row = await formsDb(db)
    .selectFrom('form_definition')
    .selectAll()
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** The given version, or the latest when `version` is undefined; throws FORM_NOT_FOUND. */
export async function requireForm(db: FormsDb, id: string, version?: number): Promise<StoredForm> {
  const form = version === undefined ? await getLatestForm(db, id) : await getForm(db, id, version);
  if (!form) throw new FormNotFoundError(id, version);
  return form;
}

/** Latest version of every form, ordered by id. */
export async function listForms(db: FormsDb): Promise<FormSummary[]> {
  const rows = await formsDb(db)
    .selectFrom('form_definition')
    .select(['id', 'version', 'title', 'mau', 'created_at'])
    .distinctOn('id')
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    latestVersion: r.version,
    title: r.title,
    ...(r.mau ? { mau: r.mau } : {}),
    createdAt: r.created_at,
  }));
}

/** All versions of one form, oldest first. */
export async function listFormVersions(db: FormsDb, id: string): Promise<StoredForm[]> {
  const rows = await formsDb(db)
    .selectFrom('form_definition')
    .selectAll()
    .where('id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map(toStored);
}

/** Whether the form (optionally that exact version) is stored — the engine's deploy-time check. */
export async function formExists(db: FormsDb, id: string, version?: number): Promise<boolean> {
  let query = formsDb(db).selectFrom('form_definition').select('id').where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** `formExists` bound to a db, in the shape an engine deploy callback takes. */
export function formExistsCallback(db: FormsDb): (formId: string, version?: number) => Promise<boolean> {
  return (formId, version) => formExists(db, formId, version);
}

function toStored(row: Selectable<FormDefinitionTable>): StoredForm {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    ...(row.mau ? { mau: row.mau } : {}),
    schema: row.schema,
    uiSchema: row.ui_schema,
    translations: row.translations,
    examples: row.examples,
    checksum: row.checksum,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
