/** Shapes shared by every part of the forms module (see docs/conventions.md "Forms"). */

/** A JSON value as stored in jsonb columns and form data. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema (draft-07 / 2019-09 keywords plus our `x-…` keywords). Kept open on purpose. */
export type FormSchema = { [keyword: string]: unknown };

/** An RJSF uiSchema. */
export type FormUiSchema = { [key: string]: unknown };

/** Text of one field in another language: `translations.en['criteria.craving'] = { title, … }`. */
export interface FieldTranslation {
  title?: string;
  description?: string;
  enumNames?: string[];
  help?: string;
  placeholder?: string;
}

export type Locale = 'vi' | 'en';

export interface LocalizedText {
  vi: string;
  en: string;
}

/** A form file (`workflows/forms/*.json`) or a stored form version. */
export interface FormDefinition {
  id: string;
  version: number;
  title: LocalizedText;
  /** Paper template number ("Mẫu 02") when the form replaces one. */
  mau?: string;
  schema: FormSchema;
  uiSchema?: FormUiSchema;
  translations?: { en?: Record<string, FieldTranslation> };
  examples?: { valid?: JsonObject[] };
}

/** One field-level problem, JSON pointer path (`/criteria/craving`), message in both languages. */
export interface FormValidationIssue {
  path: string;
  keyword: string;
  message: LocalizedText;
  params?: Record<string, unknown>;
}

/** Limits applied to submitted data before/while validating. */
export interface DataLimits {
  /** maxLength applied to string schemas that set none (default 10 000). */
  maxStringLength: number;
  /** Maximum nesting depth of objects/arrays (default 32). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: DataLimits = { maxStringLength: 10_000, maxDepth: 32 };
