import type { FormSchema, JsonValue } from '../form.types';
import { isSchemaObject, resolveLocalRef } from '../validation/schema-walk';

/** Does `value` satisfy `subschema`? (`root` lets it resolve local $refs.) */
export type SchemaMatcher = (subschema: FormSchema, value: JsonValue, root: FormSchema) => boolean;

/**
 * The subschemas that apply to `value` at this location given the data: the schema itself, allOf
 * members, local $refs, `then` or `else` by the `if` outcome, the matching oneOf member(s), the
 * matching anyOf members, and schema dependencies whose trigger property is present.
 */
export function activeLocationSchemas(
  schema: FormSchema,
  root: FormSchema,
  value: JsonValue,
  matches: SchemaMatcher,
  seen = new Set<FormSchema>(),
): FormSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  const next: unknown[] = [];
  if (Array.isArray(schema.allOf)) next.push(...(schema.allOf as unknown[]));
  if (typeof schema.$ref === 'string') next.push(resolveLocalRef(root, schema.$ref));
  if (isSchemaObject(schema.if) || typeof schema.if === 'boolean') {
    const ok = typeof schema.if === 'boolean' ? schema.if : matches(schema.if, value, root);
    next.push(ok ? schema.then : schema.else);
  }
  if (Array.isArray(schema.oneOf)) {
    const member = (schema.oneOf as unknown[]).find((s) => isSchemaObject(s) && matches(s, value, root));
    next.push(member);
  }
  if (Array.isArray(schema.anyOf)) {
    next.push(...(schema.anyOf as unknown[]).filter((s) => isSchemaObject(s) && matches(s, value, root)));
  }
  for (const kw of ['dependencies', 'dependentSchemas'] as const) {
    const deps = schema[kw];
    if (!isSchemaObject(deps) || !isObject(value)) continue;
    for (const [prop, sub] of Object.entries(deps)) {
      if (isSchemaObject(sub) && Object.prototype.hasOwnProperty.call(value, prop)) next.push(sub);
    }
  }
  for (const sub of next) {
    if (isSchemaObject(sub)) out.push(...activeLocationSchemas(sub, root, value, matches, seen));
  }
  return out;
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
