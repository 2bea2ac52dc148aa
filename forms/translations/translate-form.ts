import type { FieldTranslation, FormDefinition, FormSchema, FormUiSchema, Locale } from '../form.types';
import { isSchemaObject, resolveLocalRef, sameLocationSchemas } from '../validation/schema-walk';

export interface LocalizedForm {
  title: string;
  schema: FormSchema;
  uiSchema: FormUiSchema;
}

/**
 * The form in one locale. Vietnamese is the schema itself. For English, `translations.en` is an
 * overlay keyed by the dotted data path of a field (`criteria.craving`; array items need no index:
 * `drugTests.date`; `""` is the root): it replaces `title`, `description`, `enumNames` (schema
 * `enumNames`, uiSchema `ui:enumNames` and the titles of a `oneOf` of `const`s), and the uiSchema's
 * `ui:help`/`ui:placeholder`, everywhere the field is defined (every conditional branch, $ref target).
 * A missing English text keeps the Vietnamese one. Inputs are not mutated.
 */
export function translateForm(form: Pick<FormDefinition, 'title' | 'schema' | 'uiSchema' | 'translations'>, locale: Locale): LocalizedForm {
  const uiSource = form.uiSchema ?? {};
  if (locale === 'vi') return { title: form.title.vi, schema: form.schema, uiSchema: uiSource };
  const schema = structuredClone(form.schema);
  const uiSchema = structuredClone(uiSource);
  for (const [path, text] of Object.entries(form.translations?.en ?? {})) {
    const segments = path === '' ? [] : path.split('.');
    for (const target of findFieldSchemas(schema, segments)) applyToSchema(target, text);
    applyToUi(uiSchema, schema, segments, text);
  }
  return { title: form.title.en || form.title.vi, schema, uiSchema };
}

/** Every schema node that defines the field at `segments` (across branches and array items). */
export function findFieldSchemas(root: FormSchema, segments: string[]): FormSchema[] {
  let current: FormSchema[] = [root];
  for (const segment of segments) {
    const next: FormSchema[] = [];
    for (const node of current) {
      for (const location of expandArrays(node, root)) {
        for (const same of sameLocationSchemas(location, root)) {
          const props = same.properties;
          if (isSchemaObject(props) && isSchemaObject(props[segment])) next.push(props[segment]);
        }
      }
    }
    current = [...new Set(next)];
  }
  return current.flatMap((node) => (typeof node.$ref === 'string' ? [node, resolveLocalRef(root, node.$ref) ?? node] : [node]));
}

/** A location that is an array of objects stands for its item schema when navigating by field name. */
function expandArrays(node: FormSchema, root: FormSchema): FormSchema[] {
  const items = sameLocationSchemas(node, root).map((s) => s.items).filter(isSchemaObject);
  return items.length > 0 ? [node, ...items] : [node];
}

function applyToSchema(node: FormSchema, text: FieldTranslation): void {
  if (text.title !== undefined) node.title = text.title;
  if (text.description !== undefined) node.description = text.description;
  if (text.enumNames) {
    if (Array.isArray(node.enumNames)) node.enumNames = [...text.enumNames];
    for (const kw of ['oneOf', 'anyOf'] as const) {
      const list = node[kw];
      if (!Array.isArray(list)) continue;
      list.forEach((option, i) => {
        if (isSchemaObject(option) && 'const' in option && text.enumNames?.[i] !== undefined) option.title = text.enumNames[i];
      });
    }
  }
}

function applyToUi(uiSchema: FormUiSchema, schema: FormSchema, segments: string[], text: FieldTranslation): void {
  let node: FormUiSchema = uiSchema;
  let schemaNodes: FormSchema[] = [schema];
  for (const segment of segments) {
    // Arrays of objects nest the item's uiSchema under `items`.
    const isArray = schemaNodes.some((s) => sameLocationSchemas(s, schema).some((x) => isSchemaObject(x.items)));
    if (isArray) node = child(node, 'items');
    node = child(node, segment);
    schemaNodes = findFieldSchemasFrom(schemaNodes, schema, segment);
  }
  if (text.help !== undefined) node['ui:help'] = text.help;
  if (text.placeholder !== undefined) node['ui:placeholder'] = text.placeholder;
  if (text.title !== undefined && 'ui:title' in node) node['ui:title'] = text.title;
  if (text.description !== undefined && 'ui:description' in node) node['ui:description'] = text.description;
  if (text.enumNames && 'ui:enumNames' in node) node['ui:enumNames'] = [...text.enumNames];
  const options = node['ui:options'];
  if (isSchemaObject(options)) {
    if (text.help !== undefined && 'help' in options) options.help = text.help;
    if (text.enumNames && 'enumNames' in options) options.enumNames = [...text.enumNames];
  }
}

function findFieldSchemasFrom(nodes: FormSchema[], root: FormSchema, segment: string): FormSchema[] {
  const out: FormSchema[] = [];
  for (const node of nodes) {
    for (const location of expandArrays(node, root)) {
      for (const same of sameLocationSchemas(location, root)) {
        const props = same.properties;
        if (isSchemaObject(props) && isSchemaObject(props[segment])) out.push(props[segment]);
      }
    }
  }
  return out;
}

function child(node: FormUiSchema, key: string): FormUiSchema {
  const existing = node[key];
  if (isSchemaObject(existing)) return existing;
  const created: FormUiSchema = {};
  node[key] = created;
  return created;
}
