import { applyComputed } from '../computed/apply-computed';
import type { FormDefinition, FormSchema, JsonObject, JsonValue } from '../form.types';
import { cloneJson } from '../validation/data-guard';
import { locationItems, locationProperties, schemaTypes } from '../validation/schema-walk';

type FormRef = Pick<FormDefinition, 'schema'>;

/**
 * Initial form data from process variables (the task's input mapping). A top-level field takes the
 * variable named by its `x-source` (a name or dotted path: `"person.fullName"`) or, without one, the
 * variable of the same name. Values whose JSON type does not fit the field are skipped; objects and
 * arrays are pruned to the fields the form defines. `x-computed` fields are then computed.
 */
export function prefill(form: FormRef, variables: Record<string, unknown>): JsonObject {
  const root = form.schema;
  const out: JsonObject = {};
  for (const [name, defs] of locationProperties(root, root)) {
    const source = defs.map((d) => d['x-source']).find((s): s is string => typeof s === 'string');
    const raw = source !== undefined ? readPath(variables, source) : own(variables, name);
    if (raw === undefined || raw === null) continue;
    const value = fit(defs, raw, root);
    if (value !== undefined) out[name] = value;
  }
  return applyComputed(root, out);
}

/**
 * The process variables a completed task sets: every field the form defines that is present in the
 * (validated) data, under its own name or the name given by `x-output` (`false` keeps it out).
 * Nested objects/arrays are pruned to defined fields, so nothing the form does not define leaks out.
 */
export function extractOutput(form: FormRef, data: JsonObject): Record<string, JsonValue> {
  const root = form.schema;
  const out: Record<string, JsonValue> = {};
  for (const [name, defs] of locationProperties(root, root)) {
    const target = defs.map((d) => d['x-output']).find((o) => o !== undefined);
    if (target === false) continue;
    const value = own(data, name);
    if (value === undefined) continue;
    const fitted = fit(defs, value, root);
    if (fitted !== undefined) out[typeof target === 'string' ? target : name] = fitted;
  }
  return out;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function readPath(variables: Record<string, unknown>, path: string): unknown {
  let current: unknown = variables;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = own(current as Record<string, unknown>, part);
  }
  return current;
}

/** The value pruned to the schema(s) of its location, or undefined when its type cannot fit. */
function fit(defs: FormSchema[], value: unknown, root: FormSchema): JsonValue | undefined {
  const types = new Set(defs.flatMap((d) => schemaTypes(d) ?? []));
  const accepts = (t: string) => types.size === 0 || types.has(t) || (t === 'integer' && types.has('number'));
  if (value === null) return accepts('null') ? null : undefined;
  if (typeof value === 'string') return accepts('string') ? value : undefined;
  if (typeof value === 'boolean') return accepts('boolean') ? value : undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return accepts(Number.isInteger(value) ? 'integer' : 'number') ? value : undefined;
  }
  if (value instanceof Date) return accepts('string') ? value.toISOString() : undefined;
  if (Array.isArray(value)) {
    if (!accepts('array')) return undefined;
    const items = defs.flatMap((d) => locationItems(d, root));
    if (items.length === 0) return cloneJson(value as JsonValue[]);
    return value.map((item) => fit(items, item, root)).filter((v): v is JsonValue => v !== undefined);
  }
  if (typeof value === 'object') {
    if (!accepts('object')) return undefined;
    const props = new Map<string, FormSchema[]>();
    for (const d of defs) for (const [k, v] of locationProperties(d, root)) props.set(k, [...(props.get(k) ?? []), ...v]);
    const out: JsonObject = {};
    for (const [name, sub] of props) {
      const raw = own(value as Record<string, unknown>, name);
      if (raw === undefined) continue;
      const fitted = fit(sub, raw, root);
      if (fitted !== undefined) out[name] = fitted;
    }
    return out;
  }
  return undefined;
}

