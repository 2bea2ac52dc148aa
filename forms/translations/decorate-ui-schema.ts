import type { FormSchema, FormUiSchema } from '../form.types';
import { isSchemaObject, sameLocationSchemas } from '../validation/schema-walk';

/**
 * uiSchema defaults derived from the schema (an explicit uiSchema setting always wins):
 * - an `x-computed` field is `ui:readonly` (the value comes from the rule, the server recomputes it);
 * - a primitive `x-readonly-summary` field uses the `summary` widget;
 * - schema `enumNames` (draft-era RJSF, ignored by RJSF 6) become `ui:enumNames`;
 * - a string field whose `format` has a Vietnamese widget uses it (`date` → `vn-date`, not the
 *   browser's locale-dependent date picker).
 * Returns a new uiSchema.
 */
const FORMAT_WIDGETS: Record<string, string> = {
  date: 'vn-date',
  'date-time': 'vn-datetime',
  cccd: 'id-number',
  cmnd: 'id-number',
  'vn-phone': 'vn-phone',
  'jurisdiction-code': 'jurisdiction',
};

export function decorateUiSchema(schema: FormSchema, uiSchema: FormUiSchema): FormUiSchema {
  const out = structuredClone(uiSchema);
  const walk = (node: FormSchema, ui: FormUiSchema, seen: Set<FormSchema>) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const same of sameLocationSchemas(node, schema)) {
      if (isSchemaObject(same.properties)) {
        for (const [name, sub] of Object.entries(same.properties)) {
          if (!isSchemaObject(sub)) continue;
          const child = childUi(ui, name);
          if (typeof sub['x-computed'] === 'string' && !('ui:readonly' in child)) child['ui:readonly'] = true;
          const byFormat = typeof sub.format === 'string' ? FORMAT_WIDGETS[sub.format] : undefined;
          if (byFormat && !('ui:widget' in child) && !Array.isArray(sub.enum) && typeof sub['x-computed'] !== 'string') {
            child['ui:widget'] = byFormat;
          }
          if (Array.isArray(sub.enumNames) && !('ui:enumNames' in child)) child['ui:enumNames'] = [...sub.enumNames];
          if (sub['x-readonly-summary'] && sub.type !== 'object' && sub.type !== 'array' && !('ui:widget' in child)) {
            child['ui:widget'] = 'summary';
          }
          walk(sub, child, seen);
          if (Object.keys(child).length === 0) delete ui[name];
        }
      }
      if (isSchemaObject(same.items)) {
        const items = childUi(ui, 'items');
        walk(same.items, items, seen);
        if (Object.keys(items).length === 0) delete ui.items;
      }
    }
  };
  walk(schema, out, new Set());
  return out;
}

function childUi(ui: FormUiSchema, key: string): FormUiSchema {
  const existing = ui[key];
  if (isSchemaObject(existing)) return existing;
  const created: FormUiSchema = {};
  ui[key] = created;
  return created;
}
