import type { FormSchema } from '../form.types';

/**
 * Forms loaded from the database arrive as new objects on every request; caches keyed by object
 * identity (compiled branch matchers, "has x-computed") would then miss every time. This maps any
 * schema object to one canonical object per distinct content (bounded, oldest evicted).
 */
const MAX_CANONICAL = 500;
const byObject = new WeakMap<FormSchema, FormSchema>();
const byText = new Map<string, FormSchema>();

export function canonicalSchema(schema: FormSchema): FormSchema {
  const known = byObject.get(schema);
  if (known) return known;
  const text = JSON.stringify(schema);
  let canonical = byText.get(text);
  if (!canonical) {
    canonical = schema;
    byText.set(text, schema);
    if (byText.size > MAX_CANONICAL) byText.delete(byText.keys().next().value as string);
  }
  byObject.set(schema, canonical);
  return canonical;
}
