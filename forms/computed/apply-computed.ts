import type { FormSchema, JsonObject, JsonValue } from '../form.types';
import { cloneJson } from '../validation/data-guard';
import { activeLocationSchemas, type SchemaMatcher } from './active-branches';
import { isSchemaObject, pointerSegment } from '../validation/schema-walk';
import { defaultMatcher } from './default-matcher';
import { evaluateFeel } from './feel-evaluator';
import { canonicalSchema } from '../validation/schema-identity';

export interface ApplyComputedOptions {
  /** Decides whether data satisfies an `if`/`oneOf`/`anyOf` subschema (defaults to a lenient ajv). */
  matches?: SchemaMatcher;
}

/**
 * Fills every `x-computed` field of `data` from its FEEL expression — the one function the browser
 * (live, while typing) and the server (authoritative, overriding whatever the client sent) both use.
 *
 * An expression sees the fields of the object that holds the computed field, plus `root` (the whole
 * form data). Fields of conditional branches are computed only when their branch applies to the data.
 * Nested objects and array items are computed before their parent, in declaration order, so a
 * computed field may use another one declared before it. A null result removes the field.
 * Pure: returns a new object, never evaluates JavaScript (feelin interprets FEEL).
 */
export function applyComputed(input: FormSchema, data: JsonObject, options: ApplyComputedOptions = {}): JsonObject {
  const schema = canonicalSchema(input);
  const matches = options.matches ?? defaultMatcher;
  const out = cloneJson(data);
  if (!hasComputed(schema)) return out;
  const visit = (node: FormSchema, value: JsonValue, path: string): void => {
    const active = activeLocationSchemas(node, schema, value, matches);
    if (Array.isArray(value)) {
      const itemSchema = active.map((s) => s.items).find(isSchemaObject);
      if (itemSchema) value.forEach((item, i) => visit(itemSchema, item, `${path}/${i}`));
      return;
    }
    if (!isPlainObject(value)) return;
    const props: [string, FormSchema[]][] = [];
    const index = new Map<string, FormSchema[]>();
    for (const s of active) {
      if (!isSchemaObject(s.properties)) continue;
      for (const [name, sub] of Object.entries(s.properties)) {
        if (!isSchemaObject(sub)) continue;
        let list = index.get(name);
        if (!list) {
          list = [];
          index.set(name, list);
          props.push([name, list]);
        }
        list.push(sub);
      }
    }
    for (const [name, defs] of props) {
      const child = value[name];
      if (child !== null && typeof child === 'object') visit(defs[0], child, `${path}/${pointerSegment(name)}`);
    }
    for (const [name, defs] of props) {
      const expression = defs.map((d) => d['x-computed']).find((e): e is string => typeof e === 'string');
      if (expression === undefined) continue;
      const result = evaluateFeel(expression, { ...value, root: out }, `${path}/${pointerSegment(name)}`);
      if (result === null || result === undefined) delete value[name];
      else value[name] = result;
    }
  };
  visit(schema, out, '');
  return out;
}

const computedCache = new WeakMap<FormSchema, boolean>();

/** Whether the schema declares any `x-computed` field (cached per schema object): the fast path. */
function hasComputed(schema: FormSchema): boolean {
  let has = computedCache.get(schema);
  if (has === undefined) {
    has = JSON.stringify(schema).includes('"x-computed"');
    computedCache.set(schema, has);
  }
  return has;
}

/** Every `x-computed` field of a schema as JSON pointers (array items as `/-`), for UIs and docs. */
export function computedFieldPaths(schema: FormSchema): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string, seen: Set<unknown>): void => {
    if (!isSchemaObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node['x-computed'] === 'string') out.push(path);
    if (isSchemaObject(node.properties)) {
      for (const [name, sub] of Object.entries(node.properties)) walk(sub, `${path}/${pointerSegment(name)}`, seen);
    }
    if (isSchemaObject(node.items)) walk(node.items, `${path}/-`, seen);
    for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[kw])) for (const sub of node[kw] as unknown[]) walk(sub, path, seen);
    }
    for (const kw of ['then', 'else'] as const) walk(node[kw], path, seen);
    if (isSchemaObject(node.dependencies)) for (const sub of Object.values(node.dependencies)) walk(sub, path, seen);
  };
  walk(schema, '', new Set());
  return [...new Set(out)];
}

function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
