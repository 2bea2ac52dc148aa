import type { FormSchema, FormUiSchema } from '../../forms';

export type FieldKind = 'text' | 'number' | 'date' | 'idNumber' | 'jurisdiction' | 'person' | 'file' | 'table' | 'choice';

export interface FieldKindSpec {
  kind: FieldKind;
  label: { vi: string; en: string };
  /** JSON Schema of a new field (title added by the editor). */
  schema(): FormSchema;
  /** uiSchema of a new field. */
  ui(): FormUiSchema;
}

/** The field palette: what an admin can add to a form, in the form format of docs/conventions.md. */
export const FIELD_KINDS: FieldKindSpec[] = [
  { kind: 'text', label: { vi: 'Văn bản', en: 'Text' }, schema: () => ({ type: 'string', maxLength: 500 }), ui: () => ({}) },
  { kind: 'number', label: { vi: 'Số', en: 'Number' }, schema: () => ({ type: 'number' }), ui: () => ({}) },
  { kind: 'date', label: { vi: 'Ngày', en: 'Date' }, schema: () => ({ type: 'string', format: 'date' }), ui: () => ({ 'ui:widget': 'vn-date' }) },
  {
    kind: 'idNumber',
    label: { vi: 'Số CCCD', en: 'ID number' },
    schema: () => ({ type: 'string', format: 'cccd' }),
    ui: () => ({ 'ui:widget': 'id-number' }),
  },
  {
    kind: 'jurisdiction',
    label: { vi: 'Đơn vị hành chính', en: 'Jurisdiction' },
    schema: () => ({ type: 'string', format: 'jurisdiction-code' }),
    ui: () => ({ 'ui:widget': 'jurisdiction' }),
  },
  {
    kind: 'person',
    label: { vi: 'Người (đối tượng)', en: 'Person' },
    schema: () => ({ type: 'string', format: 'uuid' }),
    ui: () => ({ 'ui:widget': 'person' }),
  },
  {
    kind: 'file',
    label: { vi: 'Tệp đính kèm', en: 'File' },
    schema: () => ({ type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 20 }),
    ui: () => ({ 'ui:widget': 'file' }),
  },
  {
    kind: 'table',
    label: { vi: 'Bảng (nhiều dòng)', en: 'Table (rows)' },
    schema: () => ({
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { name: { type: 'string', title: 'Nội dung' }, note: { type: 'string', title: 'Ghi chú' } },
      },
    }),
    ui: () => ({}),
  },
  {
    kind: 'choice',
    label: { vi: 'Danh sách chọn', en: 'Choice list' },
    schema: () => ({ type: 'string', enum: ['Có', 'Không'] }),
    ui: () => ({ 'ui:widget': 'radio' }),
  },
];

export function kindSpec(kind: FieldKind): FieldKindSpec {
  return FIELD_KINDS.find((spec) => spec.kind === kind)!;
}

/** Recognises the palette kind of an existing field schema (best effort; `text` otherwise). */
export function kindOf(schema: FormSchema, ui: FormUiSchema | undefined): FieldKind {
  const widget = ui?.['ui:widget'];
  if (schema.enum) return 'choice';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.format === 'date' || widget === 'vn-date') return 'date';
  if (schema.format === 'cccd' || schema.format === 'cmnd' || widget === 'id-number') return 'idNumber';
  if (schema.format === 'jurisdiction-code' || widget === 'jurisdiction') return 'jurisdiction';
  if (widget === 'person') return 'person';
  if (widget === 'file') return 'file';
  if (schema.type === 'array') return 'table';
  return 'text';
}
