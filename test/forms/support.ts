import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormDefinition, JsonObject } from '../../forms/index';

export function loadFixture(name: string): FormDefinition {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as FormDefinition;
}

export function tt18(): FormDefinition {
  return loadFixture('tt18-determination.form.json');
}

export function tt18Valid(): JsonObject {
  return structuredClone(tt18().examples?.valid?.[0] ?? {});
}
