import type { FormSchema } from '../form.types';

/**
 * Where a subschema applies: `child` keywords move to a child instance (a property, an array item);
 * `same` keywords apply to the same instance as their parent (conditions, combinators, definitions).
 */
export const CHILD_MAP_KEYWORDS = ['properties', 'patternProperties'] as const;
export const CHILD_SCHEMA_KEYWORDS = ['additionalProperties', 'additionalItems', 'contains', 'unevaluatedItems'] as const;
export const SAME_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
export const SAME_SCHEMA_KEYWORDS = ['not', 'if', 'then', 'else'] as const;
export const SAME_MAP_KEYWORDS = ['dependencies', 'dependentSchemas', 'definitions', '$defs'] as const;

export function isSchemaObject(value: unknown): value is FormSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function schemaTypes(schema: FormSchema): string[] | undefined {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.map(String);
  return undefined;
}

/**
 * Copies a schema, calling `visit` on every subschema (post-copy, pre-recursion) with whether it
 * sits at an instance location (root, a property, an item) or applies to its parent's instance.
 */
export function mapSchema(
  schema: FormSchema,
  visit: (node: FormSchema, atInstance: boolean, keyword: string | undefined, inCondition: boolean) => FormSchema,
): FormSchema {
  // `inCondition`: inside an `if` or `not` subschema, which only tests the data (never defines fields).
  const walk = (node: unknown, atInstance: boolean, keyword: string | undefined, inCondition: boolean): unknown => {
    if (!isSchemaObject(node)) return node;
    const copy = visit({ ...node }, atInstance, keyword, inCondition);
    const child = (kw: string) => (s: unknown) => walk(s, true, kw, inCondition);
    for (const kw of CHILD_MAP_KEYWORDS) copy[kw] = mapValues(copy[kw], child(kw));
    for (const kw of CHILD_SCHEMA_KEYWORDS) if (kw in copy) copy[kw] = child(kw)(copy[kw]);
    if ('items' in copy) copy.items = Array.isArray(copy.items) ? copy.items.map(child('items')) : child('items')(copy.items);
    if (Array.isArray(copy.prefixItems)) copy.prefixItems = copy.prefixItems.map(child('prefixItems'));
    for (const kw of SAME_LIST_KEYWORDS) {
      if (Array.isArray(copy[kw])) copy[kw] = (copy[kw] as unknown[]).map((s) => walk(s, false, kw, inCondition));
    }
    for (const kw of SAME_SCHEMA_KEYWORDS) {
      if (kw in copy) copy[kw] = walk(copy[kw], false, kw, inCondition || kw === 'if' || kw === 'not');
    }
    for (const kw of SAME_MAP_KEYWORDS) {
      // definitions are reached through $ref from any location: treat them as "same" (no closing of their own).
      copy[kw] = mapValues(copy[kw], (s) => (Array.isArray(s) ? s : walk(s, false, kw, inCondition)));
    }
    return copy;
  };
  return walk(schema, true, undefined, false) as FormSchema;
}

function mapValues(value: unknown, fn: (v: unknown) => unknown): unknown {
  if (!isSchemaObject(value)) return value;
  const out: FormSchema = {};
  for (const [k, v] of Object.entries(value)) out[k] = fn(v);
  return out;
}

/** Resolves a local `$ref` (`#/definitions/x`, `#/$defs/x`) against the root schema. */
export function resolveLocalRef(root: FormSchema, ref: string): FormSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchemaObject(node)) return undefined;
    node = node[part];
  }
  return isSchemaObject(node) ? node : undefined;
}

/**
 * Every subschema that applies to the same instance as `schema` (itself, allOf/anyOf/oneOf members,
 * if/then/else, schema dependencies, local $refs), recursively. Used to gather all the properties a
 * location may have across its conditional branches.
 */
export function sameLocationSchemas(
  schema: FormSchema,
  root: FormSchema,
  seen = new Set<FormSchema>(),
  options: { skipConditions?: boolean } = {},
): FormSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  const more: unknown[] = [];
  for (const kw of SAME_LIST_KEYWORDS) if (Array.isArray(schema[kw])) more.push(...(schema[kw] as unknown[]));
  for (const kw of options.skipConditions ? (['then', 'else'] as const) : (['if', 'then', 'else'] as const)) more.push(schema[kw]);
  for (const kw of ['dependencies', 'dependentSchemas'] as const) {
    if (isSchemaObject(schema[kw])) more.push(...Object.values(schema[kw]).filter((v) => !Array.isArray(v)));
  }
  if (typeof schema.$ref === 'string') more.push(resolveLocalRef(root, schema.$ref));
  for (const sub of more) if (isSchemaObject(sub)) out.push(...sameLocationSchemas(sub, root, seen, options));
  return out;
}

/** Property name → the schemas that define it at this location (across branches), in order. */
export function locationProperties(schema: FormSchema, root: FormSchema): Map<string, FormSchema[]> {
  const out = new Map<string, FormSchema[]>();
  for (const node of sameLocationSchemas(schema, root)) {
    if (!isSchemaObject(node.properties)) continue;
    for (const [name, sub] of Object.entries(node.properties)) {
      if (!isSchemaObject(sub)) continue;
      const list = out.get(name) ?? [];
      list.push(sub);
      out.set(name, list);
    }
  }
  return out;
}

/** The item schema(s) of an array location (single `items` schema, across branches). */
export function locationItems(schema: FormSchema, root: FormSchema): FormSchema[] {
  return sameLocationSchemas(schema, root)
    .map((node) => node.items)
    .filter(isSchemaObject);
}

/** JSON pointer segment escaping (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
