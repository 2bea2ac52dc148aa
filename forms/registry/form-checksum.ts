import { sha256Hex } from './sha256';
import type { FormDefinition } from '../form.types';

/** JSON with object keys sorted, so the same content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 of the content of a form version (everything but id/version). */
export async function formChecksum(form: Omit<FormDefinition, 'version'> & { version?: number }): Promise<string> {
  const content = {
    title: form.title,
    mau: form.mau ?? null,
    schema: form.schema,
    uiSchema: form.uiSchema ?? {},
    translations: form.translations ?? {},
    examples: form.examples ?? {},
  };
  return sha256Hex(canonicalJson(content));
}
