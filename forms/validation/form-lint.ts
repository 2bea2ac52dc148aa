import { evaluate } from 'feelin';
import type { FormDefinition, FormSchema, LocalizedText } from '../form.types';
import { findFieldSchemas } from '../translations/translate-form';
import { checkFormDefinition } from './form.validator';
import { isSchemaObject, sameLocationSchemas } from './schema-walk';

export interface FormLintProblem {
  severity: 'error' | 'warning';
  code: string;
  /** Where: a JSON pointer into the form file (`/schema/properties/x`, `/uiSchema/x`, `/translations/en/x`). */
  path: string;
  message: LocalizedText;
}

/** Widget names RJSF 6 resolves itself, plus ours (kept in sync with theme.ts by a test). */
export const RJSF_WIDGET_NAMES = [
  'checkbox', 'radio', 'select', 'hidden', 'text', 'password', 'email', 'hostname', 'ipv4', 'ipv6', 'uri',
  'data-url', 'textarea', 'date', 'datetime', 'date-time', 'alt-date', 'alt-datetime', 'time', 'color',
  'file', 'updown', 'range', 'checkboxes', 'files',
];
export const QUY_TRINH_WIDGET_NAMES = ['vn-date', 'vn-datetime', 'id-number', 'vn-phone', 'jurisdiction', 'person', 'file', 'signature', 'summary'];

/**
 * Problems of a form definition for the designer's live check (and CI): everything
 * `checkFormDefinition` refuses (schema does not compile strictly, an example invalid), FEEL syntax of
 * `x-computed`, `ui:widget` names nobody renders, `ui:order` entries that are not fields (RJSF throws
 * on both), and, as warnings, nested objects defined in several branches (see closeSchema), English
 * translation keys that match no field and titled fields without an English title.
 */
export function lintForm(form: FormDefinition): FormLintProblem[] {
  const problems: FormLintProblem[] = [];
  const add = (severity: FormLintProblem['severity'], code: string, path: string, vi: string, en: string) =>
    problems.push({ severity, code, path, message: { vi, en } });

  try {
    checkFormDefinition(form);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    add('error', 'FORM_DEFINITION_INVALID', '/schema', `Định nghĩa biểu mẫu không hợp lệ: ${text}`, `Invalid form definition: ${text}`);
  }

  const fields = collectFields(form.schema);
  for (const { pointer, schema } of fields) {
    const expression = schema['x-computed'];
    if (typeof expression !== 'string') continue;
    try {
      evaluate(expression.trim().replace(/^=/, ''), {});
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      add('error', 'COMPUTED_SYNTAX', `${pointer}/x-computed`, `Biểu thức FEEL sai cú pháp: ${text}`, `FEEL syntax error: ${text}`);
    }
  }

  const known = new Set([...RJSF_WIDGET_NAMES, ...QUY_TRINH_WIDGET_NAMES]);
  const walkUi = (ui: unknown, path: string, schemas: FormSchema[]) => {
    if (!isSchemaObject(ui)) return;
    const widget = ui['ui:widget'];
    if (typeof widget === 'string' && !known.has(widget) && !/Widget$/.test(widget)) {
      add('error', 'UI_UNKNOWN_WIDGET', `${path}/ui:widget`, `Không có widget "${widget}"`, `No widget named "${widget}"`);
    }
    const props = new Map<string, FormSchema[]>();
    const items: FormSchema[] = [];
    for (const s of schemas) {
      for (const same of sameLocationSchemas(s, form.schema)) {
        if (isSchemaObject(same.properties)) {
          for (const [k, v] of Object.entries(same.properties)) if (isSchemaObject(v)) props.set(k, [...(props.get(k) ?? []), v]);
        }
        if (isSchemaObject(same.items)) items.push(same.items);
      }
    }
    const order = ui['ui:order'];
    if (Array.isArray(order)) {
      for (const name of order) {
        if (name !== '*' && !props.has(String(name))) {
          add('error', 'UI_ORDER_UNKNOWN_FIELD', `${path}/ui:order`, `"${name}" trong ui:order không phải là trường`, `"${name}" in ui:order is not a field`);
        }
      }
    }
    for (const [key, value] of Object.entries(ui)) {
      if (key.startsWith('ui:')) continue;
      if (key === 'items' && items.length > 0) walkUi(value, `${path}/items`, items);
      else if (props.has(key)) walkUi(value, `${path}/${key}`, props.get(key) ?? []);
    }
  };
  walkUi(form.uiSchema ?? {}, '/uiSchema', [form.schema]);

  const multiply = (node: FormSchema, path: string, seen: Set<FormSchema>) => {
    if (seen.has(node)) return;
    seen.add(node);
    const defs = new Map<string, FormSchema[]>();
    const items: FormSchema[] = [];
    for (const same of sameLocationSchemas(node, form.schema, new Set(), { skipConditions: true })) {
      if (isSchemaObject(same.properties)) {
        for (const [k, v] of Object.entries(same.properties)) if (isSchemaObject(v)) defs.set(k, [...(defs.get(k) ?? []), v]);
      }
      if (isSchemaObject(same.items)) items.push(same.items);
    }
    for (const [name, list] of defs) {
      const objectLike = list.filter((d) => d.type === 'object' || isSchemaObject(d.properties));
      if (list.length > 1 && objectLike.length > 0) {
        add('warning', 'NESTED_OBJECT_MULTIPLY_DEFINED', `${path}/${name}`,
          `Nhóm "${name}" được định nghĩa ở nhiều nhánh: mỗi định nghĩa phải liệt kê đủ các trường con`,
          `Object "${name}" is defined in several branches: each definition must list all its fields`);
      }
      for (const d of list) multiply(d, `${path}/${name}`, seen);
    }
    for (const item of items) multiply(item, `${path}/-`, seen);
  };
  multiply(form.schema, '', new Set());

  const english = form.translations?.en ?? {};
  for (const key of Object.keys(english)) {
    if (key !== '' && findFieldSchemas(form.schema, key.split('.')).length === 0) {
      add('warning', 'TRANSLATION_UNKNOWN_FIELD', `/translations/en/${key}`, `Bản dịch "${key}" không ứng với trường nào`, `Translation "${key}" matches no field`);
    }
  }
  const reported = new Set<string>();
  for (const { dotted, schema } of fields) {
    if (typeof schema.title === 'string' && english[dotted]?.title === undefined && !reported.has(dotted)) {
      reported.add(dotted);
      add('warning', 'TRANSLATION_MISSING', `/translations/en/${dotted}`, `Trường "${dotted}" chưa có tên tiếng Anh`, `Field "${dotted}" has no English title`);
    }
  }
  return problems;
}

/** Every field schema (all branches, array items) with its schema pointer and dotted data path. */
function collectFields(root: FormSchema): { pointer: string; dotted: string; schema: FormSchema }[] {
  const out: { pointer: string; dotted: string; schema: FormSchema }[] = [];
  const seen = new Set<FormSchema>();
  const walk = (node: FormSchema, pointer: string, dotted: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    const visitProps = (props: unknown, base: string) => {
      if (!isSchemaObject(props)) return;
      for (const [name, sub] of Object.entries(props)) {
        if (!isSchemaObject(sub)) continue;
        const d = dotted ? `${dotted}.${name}` : name;
        out.push({ pointer: `${base}/properties/${name}`, dotted: d, schema: sub });
        walk(sub, `${base}/properties/${name}`, d);
      }
    };
    visitProps(node.properties, pointer);
    if (isSchemaObject(node.items)) walk(node.items, `${pointer}/items`, dotted);
    for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[kw])) (node[kw] as unknown[]).forEach((s, i) => isSchemaObject(s) && walk(s, `${pointer}/${kw}/${i}`, dotted));
    }
    for (const kw of ['then', 'else'] as const) if (isSchemaObject(node[kw])) walk(node[kw], `${pointer}/${kw}`, dotted);
    if (isSchemaObject(node.dependencies)) {
      for (const [k, s] of Object.entries(node.dependencies)) if (isSchemaObject(s)) walk(s, `${pointer}/dependencies/${k}`, dotted);
    }
  };
  walk(root, '/schema', '');
  return out;
}
