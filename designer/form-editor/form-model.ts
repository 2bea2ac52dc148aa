import type { FormDefinition, FormSchema, FormUiSchema } from '../../forms';
import { kindOf, kindSpec, type FieldKind } from './field-kinds';

/** A top-level field of a form as the editor shows it. */
export interface FieldInfo {
  key: string;
  kind: FieldKind;
  titleVi: string;
  titleEn: string;
  required: boolean;
  options?: string[];
  /** Shown (and validated) only when another field equals a value. */
  condition?: { field: string; equals: string };
}

type Schema = FormSchema & { properties?: Record<string, FormSchema>; required?: string[]; allOf?: FormSchema[] };

/** A new, empty form in the conventions' file format. */
export function emptyForm(id: string, titleVi = 'Biểu mẫu mới', titleEn = 'New form'): FormDefinition {
  return { id, version: 1, title: { vi: titleVi, en: titleEn }, schema: { type: 'object', properties: {}, required: [] }, uiSchema: { 'ui:order': ['*'] }, translations: { en: {} } };
}

/**
 * A conditional field lives in `allOf: [{ if: { properties: { X: { const: V } }, required: [X] },
 * then: { properties: { key: … }, required: [key] } }]`, so RJSF shows it, and ajv requires it,
 * only when X = V.
 */
function conditionalEntry(schema: Schema, key: string): { entry: Schema; index: number } | undefined {
  const index = (schema.allOf ?? []).findIndex((entry) => Boolean((entry as Schema).then && ((entry as Schema).then as Schema).properties?.[key]));
  return index >= 0 ? { entry: schema.allOf![index] as Schema, index } : undefined;
}

function fieldSchema(schema: Schema, key: string): { container: Schema; field: FormSchema } | undefined {
  if (schema.properties?.[key]) return { container: schema, field: schema.properties[key] };
  const conditional = conditionalEntry(schema, key);
  if (!conditional) return undefined;
  const then = conditional.entry.then as Schema;
  return { container: then, field: then.properties![key] };
}

export function listFields(form: FormDefinition): FieldInfo[] {
  const schema = form.schema as Schema;
  const ui = form.uiSchema ?? {};
  const order = ((ui['ui:order'] as string[] | undefined) ?? []).filter((k) => k !== '*');
  const conditionalKeys = (schema.allOf ?? []).flatMap((entry) => Object.keys(((entry as Schema).then as Schema | undefined)?.properties ?? {}));
  const keys = [...new Set([...order, ...Object.keys(schema.properties ?? {}), ...conditionalKeys])];
  return keys.flatMap((key) => {
    const found = fieldSchema(schema, key);
    if (!found) return [];
    const conditional = conditionalEntry(schema, key);
    const ifProps = ((conditional?.entry.if as Schema | undefined)?.properties ?? {}) as Record<string, FormSchema>;
    const [conditionField] = Object.keys(ifProps);
    return [
      {
        key,
        kind: kindOf(found.field, ui[key] as FormUiSchema | undefined),
        titleVi: String(found.field.title ?? ''),
        titleEn: String(form.translations?.en?.[key]?.title ?? ''),
        required: (found.container.required ?? []).includes(key),
        options: Array.isArray(found.field.enum) ? (found.field.enum as unknown[]).map(String) : undefined,
        condition: conditionField ? { field: conditionField, equals: String(ifProps[conditionField].const ?? '') } : undefined,
      },
    ];
  });
}

function edit(form: FormDefinition, change: (draft: FormDefinition & { schema: Schema; uiSchema: FormUiSchema }) => void): FormDefinition {
  const draft = structuredClone(form) as FormDefinition & { schema: Schema; uiSchema: FormUiSchema };
  draft.uiSchema ??= {};
  draft.schema.properties ??= {};
  change(draft);
  return draft;
}

/** Adds a field of a palette kind with a unique key; returns the form and the key. */
export function addField(form: FormDefinition, kind: FieldKind): { form: FormDefinition; key: string } {
  const spec = kindSpec(kind);
  const existing = new Set(listFields(form).map((f) => f.key));
  let n = 1;
  while (existing.has(`${kind}${n}`)) n++;
  const key = `${kind}${n}`;
  const next = edit(form, (draft) => {
    draft.schema.properties![key] = { ...spec.schema(), title: spec.label.vi };
    const ui = spec.ui();
    if (Object.keys(ui).length) draft.uiSchema[key] = ui;
    const order = ((draft.uiSchema['ui:order'] as string[] | undefined) ?? ['*']).filter((k) => k !== '*');
    draft.uiSchema['ui:order'] = [...order, key, '*'];
    draft.translations = { ...draft.translations, en: { ...draft.translations?.en, [key]: { title: spec.label.en } } };
  });
  return { form: next, key };
}

export function setTitle(form: FormDefinition, key: string, locale: 'vi' | 'en', title: string): FormDefinition {
  return edit(form, (draft) => {
    if (locale === 'vi') {
      const found = fieldSchema(draft.schema, key);
      if (found) found.field.title = title;
    } else {
      draft.translations = { ...draft.translations, en: { ...draft.translations?.en, [key]: { ...draft.translations?.en?.[key], title } } };
    }
  });
}

export function setRequired(form: FormDefinition, key: string, required: boolean): FormDefinition {
  return edit(form, (draft) => {
    const found = fieldSchema(draft.schema, key);
    if (!found) return;
    const list = (found.container.required ?? []).filter((k) => k !== key);
    found.container.required = required ? [...list, key] : list;
  });
}

export function setOptions(form: FormDefinition, key: string, options: string[]): FormDefinition {
  return edit(form, (draft) => {
    const found = fieldSchema(draft.schema, key);
    if (found) found.field.enum = options.length ? options : [''];
  });
}

/** Makes a field conditional (or unconditional with `null`), keeping its schema and requiredness. */
export function setCondition(form: FormDefinition, key: string, condition: FieldInfo['condition'] | null): FormDefinition {
  return edit(form, (draft) => {
    const schema = draft.schema;
    const found = fieldSchema(schema, key);
    if (!found) return;
    const required = (found.container.required ?? []).includes(key);
    detach(schema, key);
    if (!condition) {
      schema.properties![key] = found.field;
      if (required) schema.required = [...(schema.required ?? []), key];
      return;
    }
    schema.allOf = [
      ...(schema.allOf ?? []),
      {
        if: { properties: { [condition.field]: { const: condition.equals } }, required: [condition.field] },
        then: { properties: { [key]: found.field }, ...(required ? { required: [key] } : {}) },
      },
    ];
    // RJSF refuses ui:order entries missing from the schema: conditional fields go to '*'.
    draft.uiSchema['ui:order'] = ((draft.uiSchema['ui:order'] as string[] | undefined) ?? ['*']).filter((k) => k !== key);
  });
}

export function removeField(form: FormDefinition, key: string): FormDefinition {
  return edit(form, (draft) => {
    detach(draft.schema, key);
    delete draft.uiSchema[key];
    draft.uiSchema['ui:order'] = ((draft.uiSchema['ui:order'] as string[] | undefined) ?? ['*']).filter((k) => k !== key);
    if (draft.translations?.en) delete draft.translations.en[key];
  });
}

/** Moves a field up (-1) or down (+1) in `ui:order`. */
export function moveField(form: FormDefinition, key: string, delta: -1 | 1): FormDefinition {
  return edit(form, (draft) => {
    const order = ((draft.uiSchema['ui:order'] as string[] | undefined) ?? ['*']).filter((k) => k !== '*');
    const index = order.indexOf(key);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target], order[index]];
    draft.uiSchema['ui:order'] = [...order, '*'];
  });
}

function detach(schema: Schema, key: string): void {
  if (schema.properties?.[key]) {
    delete schema.properties[key];
    schema.required = (schema.required ?? []).filter((k) => k !== key);
  }
  const conditional = conditionalEntry(schema, key);
  if (conditional) {
    schema.allOf!.splice(conditional.index, 1);
    if (!schema.allOf!.length) delete schema.allOf;
  }
}
