/** A compact description of a form, turned into the form-file format of docs/conventions.md. */

export type Option = [value: string, vi: string, en: string];

export interface Field {
  name: string;
  vi: string;
  en: string;
  kind: 'text' | 'area' | 'date' | 'datetime' | 'cccd' | 'phone' | 'commune' | 'person' | 'files' | 'signature'
    | 'bool' | 'int' | 'choice' | 'multi' | 'table' | 'computed' | 'summary';
  required?: boolean;
  options?: Option[];
  min?: number;
  max?: number;
  fields?: Field[];
  feel?: string;
  descVi?: string;
  descEn?: string;
}

export interface FormSpec {
  id: string;
  vi: string;
  en: string;
  mau?: string;
  /** bump whenever the content changes: a database holding version N with other content refuses to start */
  version?: number;
  descVi?: string;
  fields: Field[];
  example: Record<string, unknown>;
}

type Opts = Partial<Pick<Field, 'required' | 'min' | 'max' | 'descVi' | 'descEn'>>;
const mk = (kind: Field['kind']) => (name: string, vi: string, en: string, o: Opts = {}): Field => ({ name, vi, en, kind, ...o });
export const text = mk('text');
export const area = mk('area');
export const date = mk('date');
export const datetime = mk('datetime');
export const cccd = mk('cccd');
export const phone = mk('phone');
export const commune = mk('commune');
export const personRef = mk('person');
export const files = mk('files');
export const signature = mk('signature');
export const bool = mk('bool');
export const summary = mk('summary');
export const int = (name: string, vi: string, en: string, min: number, max: number, o: Opts = {}): Field =>
  ({ name, vi, en, kind: 'int', min, max, ...o });
export const choice = (name: string, vi: string, en: string, options: Option[], o: Opts = {}): Field =>
  ({ name, vi, en, kind: 'choice', options, ...o });
export const multi = (name: string, vi: string, en: string, options: Option[], o: Opts = {}): Field =>
  ({ name, vi, en, kind: 'multi', options, ...o });
export const table = (name: string, vi: string, en: string, fields: Field[], o: Opts = {}): Field =>
  ({ name, vi, en, kind: 'table', fields, ...o });
export const computed = (name: string, vi: string, en: string, feel: string, options?: Option[]): Field =>
  ({ name, vi, en, kind: 'computed', feel, options });
/** Required marker. */
export const req = (f: Field): Field => ({ ...f, required: true });

const widgets: Partial<Record<Field['kind'], string>> = {
  area: 'textarea', date: 'vn-date', datetime: 'vn-datetime', cccd: 'id-number', phone: 'vn-phone',
  commune: 'jurisdiction', person: 'person', files: 'file', signature: 'signature', multi: 'checkboxes', summary: 'summary',
};

function schemaOf(f: Field): Record<string, unknown> {
  const base: Record<string, unknown> = { title: f.vi };
  if (f.descVi) base.description = f.descVi;
  switch (f.kind) {
    case 'text': case 'signature': return { ...base, type: 'string', maxLength: 500 };
    case 'area': return { ...base, type: 'string', maxLength: 4000 };
    case 'summary': return { ...base, type: 'string', 'x-readonly-summary': true, readOnly: true };
    case 'date': return { ...base, type: 'string', format: 'date' };
    case 'datetime': return { ...base, type: 'string', format: 'date-time' };
    case 'cccd': return { ...base, type: 'string', format: 'cccd' };
    case 'phone': return { ...base, type: 'string', format: 'vn-phone' };
    case 'commune': return { ...base, type: 'string', format: 'jurisdiction-code' };
    case 'person': return { ...base, type: 'string', format: 'uuid' };
    case 'files': return { ...base, type: 'array', items: { type: 'string', format: 'uuid' } };
    case 'bool': return { ...base, type: 'boolean' };
    case 'int': return { ...base, type: 'integer', minimum: f.min, maximum: f.max };
    case 'choice': return { ...base, type: 'string', enum: f.options!.map((o) => o[0]) };
    case 'multi': return { ...base, type: 'array', uniqueItems: true, items: { type: 'string', enum: f.options!.map((o) => o[0]) } };
    case 'computed': return f.options
      ? { ...base, type: 'string', enum: f.options.map((o) => o[0]), readOnly: true, 'x-computed': f.feel }
      : { ...base, type: ['string', 'number', 'boolean', 'null'], readOnly: true, 'x-computed': f.feel };
    case 'table': return { ...base, type: 'array', items: objectSchema(f.fields!) };
  }
}

function objectSchema(fields: Field[]): Record<string, unknown> {
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, schemaOf(f)])),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

function uiOf(f: Field): Record<string, unknown> {
  const ui: Record<string, unknown> = {};
  const w = widgets[f.kind];
  if (w) ui['ui:widget'] = w;
  if (f.kind === 'choice' || (f.kind === 'computed' && f.options)) ui['ui:enumNames'] = f.options!.map((o) => o[1]);
  if (f.kind === 'multi') ui.items = { 'ui:enumNames': f.options!.map((o) => o[1]) };
  if (f.kind === 'computed') ui['ui:readonly'] = true;
  if (f.kind === 'table') {
    ui.items = { 'ui:order': f.fields!.map((s) => s.name), ...Object.fromEntries(f.fields!.map((s) => [s.name, uiOf(s)]).filter(([, u]) => Object.keys(u as object).length)) };
  }
  return ui;
}

function translations(fields: Field[], prefix = ''): Record<string, { title: string; description?: string; enumNames?: string[] }> {
  const t: Record<string, { title: string; description?: string; enumNames?: string[] }> = {};
  for (const f of fields) {
    const path = `${prefix}${f.name}`;
    t[path] = { title: f.en, ...(f.descEn ? { description: f.descEn } : {}), ...(f.options ? { enumNames: f.options.map((o) => o[2]) } : {}) };
    if (f.fields) Object.assign(t, translations(f.fields, `${path}.`));
  }
  return t;
}

export function buildForm(spec: FormSpec): Record<string, unknown> {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: spec.vi, ...(spec.descVi ? { description: spec.descVi } : {}), ...objectSchema(spec.fields) };
  const uiSchema: Record<string, unknown> = { 'ui:order': spec.fields.map((f) => f.name) };
  for (const f of spec.fields) {
    const u = uiOf(f);
    if (Object.keys(u).length) uiSchema[f.name] = u;
  }
  return {
    id: spec.id,
    version: spec.version ?? 1,
    title: { vi: spec.vi, en: spec.en },
    ...(spec.mau ? { mau: spec.mau } : {}),
    schema,
    uiSchema,
    translations: { en: translations(spec.fields) },
    examples: { valid: [spec.example] },
  };
}
