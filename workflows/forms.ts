import { readdirSync, readFileSync } from 'node:fs';
import type { Localized } from './types';

/** A form file as specified in docs/conventions.md. */
export interface FormFile {
  id: string;
  version: number;
  title: Localized;
  mau?: string;
  schema: Record<string, unknown> & { type: 'object'; properties: Record<string, unknown> };
  uiSchema: Record<string, unknown>;
  translations: { en: Record<string, { title?: string; description?: string; enumNames?: string[] }> };
  examples: { valid: Record<string, unknown>[] };
}

const formDir = new URL('./forms/', import.meta.url);

/** Every shipped form (workflows/forms/*.json), sorted by id. */
export function loadForms(): FormFile[] {
  return readdirSync(formDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, formDir), 'utf8')) as FormFile)
    .sort((a, b) => a.id.localeCompare(b.id));
}
