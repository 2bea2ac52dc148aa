import { readdirSync, readFileSync } from 'node:fs';
import type { FieldTranslation, FormDefinition, JsonObject } from '../forms/index';

/** A form file as specified in docs/conventions.md (the forms module's FormDefinition, every part present). */
export interface FormFile extends FormDefinition {
  schema: FormDefinition['schema'] & { type: 'object'; properties: Record<string, unknown> };
  uiSchema: Record<string, unknown>;
  translations: { en: Record<string, FieldTranslation> };
  examples: { valid: JsonObject[] };
}

const formDir = new URL('./forms/', import.meta.url);

/** Every shipped form (workflows/forms/*.json), sorted by id. */
export function loadForms(): FormFile[] {
  return readdirSync(formDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, formDir), 'utf8')) as FormFile)
    .sort((a, b) => a.id.localeCompare(b.id));
}
