import type { DataLimits, FormSchema } from '../form.types';
import { locationProperties, mapSchema, schemaTypes } from './schema-walk';

/**
 * The server's "closed" copy of a form schema:
 * - every instance location that may hold an object gets `unevaluatedProperties: false`, so a property
 *   is accepted only when a subschema that actually applied to the data (its `properties`, the
 *   `then`/`else` branch taken, the matching `oneOf` member, a triggered `dependencies` schema …)
 *   defines it. An author's `additionalProperties: false` becomes `unevaluatedProperties: false` (the
 *   intent of draft-07 authors who combine it with if/then) — explicit schema-valued or `true`
 *   additionalProperties are kept (a deliberate map).
 * - tuple arrays (`items: [...]`) without `additionalItems` get `unevaluatedItems: false`.
 * - string schemas (and untyped field schemas) without `maxLength` get `limits.maxStringLength`.
 * - nothing inside `if`/`not` (conditions) is changed: closing them would change their outcome.
 * - the root's `$schema`/`$id` are dropped (the compile cache, not ajv's, owns identity).
 * Limitation: a nested object defined in two places at one location (say the root's `properties` and
 * a `oneOf` member) is closed per definition, so each must list all its fields (lintForm warns).
 */
export function closeSchema(schema: FormSchema, limits: DataLimits): FormSchema {
  const closed = mapSchema(schema, (node, atInstance, _keyword, inCondition) => {
    const types = schemaTypes(node);
    if (inCondition) return node;
    if (node.additionalProperties === false) {
      delete node.additionalProperties;
      node.unevaluatedProperties = false;
    }
    const mayBeObject = !types || types.includes('object');
    if (atInstance && mayBeObject && !('additionalProperties' in node) && !('unevaluatedProperties' in node)) {
      node.unevaluatedProperties = false;
    }
    // Tuples: items beyond the listed ones are not defined by the form.
    if (atInstance && Array.isArray(node.items) && !('additionalItems' in node) && !('unevaluatedItems' in node)) {
      node.unevaluatedItems = false;
    }
    // Typed strings anywhere, and untyped instance locations (which accept strings too), get the cap.
    const mayBeString = types ? types.includes('string') : atInstance;
    if (mayBeString && node.maxLength === undefined) node.maxLength = limits.maxStringLength;
    return node;
  });
  delete closed.$schema;
  delete closed.$id;
  return closed;
}

/**
 * The schema drafts are checked against: the same types, formats, string lengths and closed objects,
 * but nothing is required (no `required`, `minItems`, property dependencies, enum/const/ranges), so a
 * half-filled form saves. Branches are flattened: a property any branch defines is accepted.
 */
export function looseSchema(schema: FormSchema, limits: DataLimits): FormSchema {
  const closed = closeSchema(schema, limits);
  return mapSchema(closed, (node) => {
    // Flatten every same-location subschema's properties into this node (first definition wins).
    const merged: Record<string, FormSchema> = {};
    for (const [name, defs] of locationProperties(node, closed)) merged[name] = defs[0];
    if (Object.keys(merged).length > 0) node.properties = merged;
    for (const kw of ['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not', 'dependencies', 'dependentSchemas', '$ref']) {
      delete node[kw];
    }
    for (const kw of DROPPED_IN_DRAFTS) delete node[kw];
    return node;
  });
}

const DROPPED_IN_DRAFTS = [
  'required',
  'minItems',
  'minProperties',
  'minLength',
  'dependentRequired',
  'const',
  'enum',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'pattern',
  'uniqueItems',
  'contains',
] as const;
