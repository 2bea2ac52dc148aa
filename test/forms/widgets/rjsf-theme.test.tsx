import Form from '@rjsf/core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  computeOnChange,
  createRjsfValidator,
  decorateUiSchema,
  quyTrinhFormProps,
  quyTrinhWidgets,
  refineRjsfErrors,
  type FormDefinition,
} from '../../../forms/index';
import { tt18, tt18Valid } from '../support';

function render(form: FormDefinition, locale: 'vi' | 'en', formData: unknown = undefined): string {
  return renderToStaticMarkup(<Form {...quyTrinhFormProps(form, locale)} formData={formData} />);
}

function shippedForms(): FormDefinition[] {
  const dir = new URL('../../../workflows/forms/', import.meta.url);
  if (!existsSync(fileURLToPath(dir))) return [];
  return readdirSync(fileURLToPath(dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as FormDefinition);
}

describe('RJSF theme (quyTrinhFormProps) rendered on the server', () => {
  it('should render the fixture with every widget, stable ids and labels tied to inputs', () => {
    // when
    const html = render(tt18(), 'vi', tt18Valid());
    // then
    expect(html).toContain('id="root_dateOfBirth"');
    expect(html).toContain('data-testid="root_dateOfBirth"');
    expect(html).toContain('value="17/05/1990"');
    expect(html).toContain('for="root_dateOfBirth"');
    expect(html).toContain('value="02/03/2026 08:30"');
    expect(html).toContain('type="tel"');
    expect(html).toContain('id="root_communeCode"');
    expect(html).toContain('data-testid="root_approval"');
    expect(html).toContain('for="root_approval_signed"');
    expect(html).toContain('data-testid="root_drugTests-row-0"');
    expect(html).toContain('role="columnheader"');
    expect(html).toContain('data-testid="root_attachments-files"');
    expect(html).toContain('Họ và tên');
    // conclusion as a summary shows the value label
    expect(html).toMatch(/<output[^>]*id="root_conclusion"[^>]*>nghien<\/output>/);
  });

  it('should translate the RJSF labels and make computed fields read-only', () => {
    const vi = render(tt18(), 'vi', tt18Valid());
    const en = render(tt18(), 'en', tt18Valid());
    expect(vi).toContain('id="root_drugTests__add" title="Thêm"');
    expect(en).toContain('id="root_drugTests__add" title="Add"');
    expect(vi).toContain('>Hoàn thành</button>');
    expect(vi).toContain('<option value="0" selected="">Căn cước công dân</option>');
    expect(en).toContain('<option value="0" selected="">Citizen identity card</option>');
    const ui = decorateUiSchema(
      { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number', 'x-computed': 'a' }, c: { type: 'string', 'x-readonly-summary': true } } },
      { c: { 'ui:help': 'x' } },
    );
    expect(ui).toEqual({ b: { 'ui:readonly': true }, c: { 'ui:help': 'x', 'ui:widget': 'summary' } });
    expect(decorateUiSchema({ type: 'object', properties: { e: { enum: [1, 2], enumNames: ['Một', 'Hai'] } } }, {})).toEqual({
      e: { 'ui:enumNames': ['Một', 'Hai'] },
    });
    const byFormat = decorateUiSchema(
      {
        type: 'object',
        properties: {
          d: { type: 'string', format: 'date' },
          t: { type: 'string', format: 'date-time' },
          c: { type: 'string', format: 'cccd' },
          kept: { type: 'string', format: 'date' },
          list: { type: 'array', items: { type: 'object', properties: { p: { type: 'string', format: 'vn-phone' } } } },
        },
      },
      { kept: { 'ui:widget': 'hidden' } },
    );
    expect(byFormat).toEqual({
      d: { 'ui:widget': 'vn-date' },
      t: { 'ui:widget': 'vn-datetime' },
      c: { 'ui:widget': 'id-number' },
      kept: { 'ui:widget': 'hidden' },
      list: { items: { p: { 'ui:widget': 'vn-phone' } } },
    });
  });

  it('should render English labels for locale en', () => {
    const html = render(tt18(), 'en', tt18Valid());
    expect(html).toContain('Full name');
    expect(html).toContain('6. Withdrawal state');
    expect(html).toContain('Pick the province, then the commune');
    expect(html).not.toContain('Họ và tên');
  });

  it.each(shippedForms().map((f) => [f.id, f] as const))('should render shipped form %s in vi and en with its example', (_id, form) => {
    const example = form.examples?.valid?.[0];
    expect(() => render(form, 'vi', example)).not.toThrow();
    expect(() => render(form, 'en', example)).not.toThrow();
  });

  it.each(shippedForms().map((f) => [f.id, f] as const))('should accept the example of %s with the browser validator too', (_id, form) => {
    const validator = createRjsfValidator('vi');
    for (const example of form.examples?.valid ?? []) {
      const { errors } = validator.validateFormData(computeOnChange(form)(example), form.schema);
      expect(errors).toEqual([]);
    }
  });

  it('should register every widget name of the conventions', () => {
    expect(Object.keys(quyTrinhWidgets).sort()).toEqual(
      ['file', 'id-number', 'jurisdiction', 'person', 'signature', 'summary', 'vn-date', 'vn-datetime', 'vn-phone'].sort(),
    );
  });

  it('should validate in the browser with the same formats and Vietnamese/English messages', () => {
    // given
    const data = { ...tt18Valid(), phone: '123', dateOfBirth: '2023-02-30' };
    delete (data as Record<string, unknown>).fullName;
    // when
    const vi = createRjsfValidator('vi').validateFormData(data, tt18().schema);
    const en = createRjsfValidator('en').validateFormData(data, tt18().schema);
    // then
    const messages = vi.errors.map((e) => `${e.property} ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'fullName Trường này là bắt buộc',
        '.phone Giá trị phải là số điện thoại Việt Nam (0xxxxxxxxx hoặc +84xxxxxxxxx)',
        '.dateOfBirth Giá trị phải là ngày hợp lệ (dd/mm/yyyy)',
      ]),
    );
    expect(en.errors.map((e) => e.message)).toContain('This field is required');
  });

  it('should refine browser errors like the server (chosen oneOf branch only)', () => {
    // given
    const data = { ...tt18Valid(), custody: { decisionDate: '2026-03-01' } };
    // when
    const { errors } = createRjsfValidator('vi').validateFormData(data, tt18().schema, undefined, refineRjsfErrors);
    // then
    expect(errors.map((e) => [e.name, e.property])).toEqual([['required', '.custody.decisionNumber']]);
  });

  it('should recompute x-computed fields on change with the server function', () => {
    const onChange = computeOnChange(tt18());
    const out = onChange({ criteria: { craving: true, withdrawal: true } });
    expect(out.conclusion).toBe('khong_nghien');
  });
});
