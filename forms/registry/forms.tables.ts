import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { FieldTranslation, FormSchema, FormUiSchema, JsonObject, LocalizedText } from '../form.types';

/** Kysely table types of migration 0002_forms (a server can merge them into its DB interface). */
export interface FormDefinitionTable {
  id: string;
  version: number;
  title: LocalizedText;
  mau: string | null;
  schema: FormSchema;
  ui_schema: FormUiSchema;
  translations: { en?: Record<string, FieldTranslation> };
  examples: { valid?: JsonObject[] };
  checksum: string;
  created_at: ColumnType<Date, Date, never>;
  created_by: string;
}

export interface FormDraftTable {
  task_id: string;
  form_id: string;
  form_version: number;
  data: JsonObject;
  updated_at: Date;
  updated_by: string;
}

export interface AttachmentTable {
  id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  scope: string;
  created_by: string;
  created_at: ColumnType<Date, Date, never>;
}

export interface FormsTables {
  form_definition: FormDefinitionTable;
  form_draft: FormDraftTable;
  attachment: AttachmentTable;
}

/** What repositories accept: the app's Kysely or a transaction (any DB that contains our tables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass Kysely<TheirDB>; we only touch our tables
export type FormsDb = Kysely<any> | Transaction<any>;

/** Narrow a caller's db to our tables. */
export function formsDb(db: FormsDb): Kysely<FormsTables> {
  return db as unknown as Kysely<FormsTables>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
