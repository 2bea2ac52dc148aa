import type { ErrorObject, ValidateFunction } from 'ajv';
import type Ajv2019 from 'ajv/dist/2019';
import { applyComputed } from '../computed/apply-computed';
import { FormDefinitionError, FormValidationError } from '../form.errors';
import {
  DEFAULT_LIMITS,
  type DataLimits,
  type FormDefinition,
  type FormSchema,
  type FormValidationIssue,
  type JsonObject,
} from '../form.types';
import { createFormsAjv } from './ajv.factory';
import { guardData } from './data-guard';
import { messageFor } from './error-messages';
import { closeSchema, looseSchema } from './schema-closing';
import { refineErrors } from './refine-errors';
import { canonicalSchema } from './schema-identity';
import { pointerSegment } from './schema-walk';

export type ValidationMode = 'submit' | 'draft';

export interface ValidationResult {
  valid: boolean;
  /** The data to store: NFC-normalised, computed fields recomputed (submit mode). */
  data: JsonObject;
  issues: FormValidationIssue[];
}

export interface ValidateOptions {
  mode?: ValidationMode;
  limits?: Partial<DataLimits>;
}

type FormRef = Pick<FormDefinition, 'id' | 'version' | 'schema'>;

interface CacheEntry {
  schema: FormSchema;
  validate: ValidateFunction;
}

let serverAjv: Ajv2019 | undefined;
const compiled = new Map<string, CacheEntry>();

/**
 * The compiled validator of a form version (cached per form id + version + mode + limits; a schema
 * with different content under the same key is recompiled, so tests and the designer preview stay
 * correct; the same content re-read from the database is a cache hit).
 */
export function compileForm(form: FormRef, mode: ValidationMode = 'submit', limits: DataLimits = DEFAULT_LIMITS): ValidateFunction {
  const key = `${form.id}@${form.version}#${mode}#${limits.maxStringLength}`;
  const schema = canonicalSchema(form.schema);
  const hit = compiled.get(key);
  if (hit && hit.schema === schema) return hit.validate;
  serverAjv ??= createFormsAjv();
  const prepared = mode === 'submit' ? closeSchema(schema, limits) : looseSchema(schema, limits);
  let validate: ValidateFunction;
  try {
    validate = serverAjv.compile(prepared);
    // Our Map is the cache; ajv must not keep superseded versions (designer previews) forever.
    serverAjv.removeSchema(prepared);
  } catch (error) {
    throw new FormDefinitionError(
      `form ${form.id} v${form.version}: schema does not compile: ${error instanceof Error ? error.message : String(error)}`,
      form.id,
    );
  }
  compiled.set(key, { schema, validate });
  return validate;
}

/** Forgets compiled validators (tests; a long-running designer preview). */
export function clearValidatorCache(): void {
  compiled.clear();
}

/**
 * Server-side validation of submitted data — the authority:
 * 1. refuses `__proto__`/`constructor`/`prototype` keys and too-deep nesting, normalises strings to NFC;
 * 2. (submit) recomputes every `x-computed` field, ignoring the client's value;
 * 3. validates against the closed schema: unknown properties at any depth/branch, formats, required,
 *    string lengths (default maxLength 10 000).
 * Drafts (`mode: 'draft'`) check only types/formats/lengths of present fields and unknown properties.
 */
export function validateFormData(form: FormRef, input: unknown, options: ValidateOptions = {}): ValidationResult {
  const mode = options.mode ?? 'submit';
  const limits: DataLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const guarded = guardData(input, limits);
  if (guarded.issues.length > 0) return { valid: false, data: guarded.data, issues: guarded.issues };
  const data = mode === 'submit' ? applyComputed(form.schema, guarded.data) : guarded.data;
  const validate = compileForm(form, mode, limits);
  const valid = validate(data) === true;
  return { valid, data, issues: valid ? [] : toIssues(validate.errors ?? []) };
}

/** Like validateFormData but throws FormValidationError (code FORM_INVALID); returns the data to store. */
export function assertValidFormData(form: FormRef, input: unknown, options: ValidateOptions = {}): JsonObject {
  const result = validateFormData(form, input, options);
  if (!result.valid) throw new FormValidationError(result.issues, form.id);
  return result.data;
}

/** ajv errors → our issues: JSON pointer of the field concerned, vi/en message, duplicates removed. */
export function toIssues(errors: readonly ErrorObject[]): FormValidationIssue[] {
  const out: FormValidationIssue[] = [];
  const seen = new Set<string>();
  const located = errors.map((error) => ({
    error,
    path: error.instancePath + fieldSuffix(error.keyword, error.params as Record<string, unknown>),
  }));
  const refined = refineErrors(located, (x) => ({ keyword: x.error.keyword, schemaPath: x.error.schemaPath, path: x.path }));
  for (const { error, path } of refined) {
    const params = error.params as Record<string, unknown>;
    const key = `${path}|${error.keyword}|${JSON.stringify(params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, keyword: error.keyword, message: messageFor(error.keyword, params, error.message), params });
  }
  return out;
}

export function fieldSuffix(keyword: string, params: Record<string, unknown>): string {
  const name =
    keyword === 'required' || keyword === 'dependencies' || keyword === 'dependentRequired'
      ? params.missingProperty
      : keyword === 'additionalProperties'
        ? params.additionalProperty
        : keyword === 'unevaluatedProperties'
          ? params.unevaluatedProperty
          : keyword === 'propertyNames'
            ? params.propertyName
            : undefined;
  return typeof name === 'string' ? `/${pointerSegment(name)}` : '';
}

/**
 * Checks a form definition before it is stored: the schema compiles in strict mode (unknown keywords
 * and formats are errors), the root is an object schema, and every `examples.valid` entry validates.
 */
export function checkFormDefinition(form: FormDefinition): void {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(form.id)) throw new FormDefinitionError(`invalid form id "${form.id}"`, form.id);
  if (!Number.isInteger(form.version) || form.version < 1) {
    throw new FormDefinitionError(`form ${form.id}: version must be a positive integer`, form.id);
  }
  if (form.schema.type !== 'object') throw new FormDefinitionError(`form ${form.id}: schema.type must be "object"`, form.id);
  compileForm(form, 'submit');
  compileForm(form, 'draft');
  for (const [i, example] of (form.examples?.valid ?? []).entries()) {
    const result = validateFormData(form, example);
    if (!result.valid) {
      const detail = result.issues.map((x) => `${x.path} ${x.keyword}`).join(', ');
      throw new FormDefinitionError(`form ${form.id}: examples.valid[${i}] is invalid: ${detail}`, form.id);
    }
  }
}
