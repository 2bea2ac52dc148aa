import Form from '@rjsf/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { quyTrinhFormProps, type FormDefinition, type QuyTrinhFormContext } from '../../../forms/index';

const form: FormDefinition = {
  id: 'test.widgets',
  version: 1,
  title: { vi: 'Thử widget', en: 'Widget test' },
  schema: {
    type: 'object',
    properties: {
      commune: { type: 'string', format: 'jurisdiction-code', title: 'Xã' },
      district: { type: 'string', format: 'jurisdiction-code', title: 'Huyện' },
      person: { type: 'string', format: 'uuid', title: 'Người' },
      files: { type: 'array', title: 'Tệp', items: { type: 'string', format: 'uuid' } },
      idNumber: { type: 'string', format: 'cccd', title: 'Số CCCD' },
      signedBy: { type: 'string', title: 'Chữ ký' },
      agreed: { type: 'boolean', title: 'Đồng ý' },
      count: { type: 'number', title: 'Số lượng' },
      section: {
        type: 'object',
        title: 'Tóm tắt',
        'x-readonly-summary': true,
        properties: { when: { type: 'string', format: 'date', title: 'Ngày' }, ok: { type: 'boolean', title: 'Đạt' } },
      },
      tags: { type: 'array', title: 'Nhãn', items: { type: 'string' } },
    },
  },
  uiSchema: {
    commune: { 'ui:widget': 'jurisdiction' },
    district: { 'ui:widget': 'jurisdiction', 'ui:options': { structure: '2022', level: 'district' } },
    person: { 'ui:widget': 'person' },
    files: { 'ui:widget': 'file', 'ui:options': { accept: '.pdf,image/*' } },
    idNumber: { 'ui:widget': 'id-number' },
    signedBy: { 'ui:widget': 'signature' },
    agreed: { 'ui:widget': 'signature' },
    count: { 'ui:widget': 'summary' },
  },
};

const context: QuyTrinhFormContext = {
  loadJurisdictions: async () => [{ code: '44', name: 'Tỉnh A', level: 'province' }],
  searchPersons: async () => [],
  uploadFile: async (f) => ({ id: crypto.randomUUID(), fileName: f.name, size: f.size }),
};

function render(locale: 'vi' | 'en', data: Record<string, unknown>): string {
  return renderToStaticMarkup(<Form {...quyTrinhFormProps(form, locale, { formContext: context })} formData={data} />);
}

describe('widgets', () => {
  const id = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
  const html = render('vi', {
    files: [id],
    person: id,
    idNumber: '001090012345',
    signedBy: 'Lê Văn A',
    agreed: true,
    count: 1234.5,
    section: { when: '2026-03-01', ok: true },
    tags: [],
  });

  it('should render the jurisdiction picker as labelled cascading selects (2025 and 2022 structures)', () => {
    expect(html).toContain('id="root_commune__province"');
    expect(html).toContain('<label for="root_commune__province">Tỉnh/Thành phố</label>');
    expect(html).toMatch(/<select id="root_commune"/);
    expect(html).toContain('id="root_district__province"');
    expect(html).toMatch(/<select id="root_district"/);
    expect(html).not.toContain('id="root_district__commune"');
    const stored = render('vi', { commune: '19300' });
    expect(stored).toMatch(/data-testid="root_commune-current"[^>]*>Mã đang lưu: 19300</);
  });

  it('should render the person search as a combobox with a results list', () => {
    expect(html).toContain('role="combobox"');
    expect(html).toContain('data-testid="root_person-chosen"');
    expect(html).toContain('aria-controls="root_person__results"');
  });

  it('should render the file widget with the stored ids, remove buttons and a file input', () => {
    expect(html).toContain(`data-testid="root_files-file-${id}"`);
    expect(html).toContain(`data-testid="root_files-remove-${id}"`);
    expect(html).toMatch(/<input id="root_files"[^>]*type="file"[^>]*multiple=""[^>]*accept=".pdf,image\/\*"/);
    const plain = { ...form, uiSchema: { ...form.uiSchema, files: { 'ui:widget': 'file' } } };
    expect(renderToStaticMarkup(<Form {...quyTrinhFormProps(plain, 'vi')} />)).toContain('accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.txt,.csv"');
  });

  it('should render id-number, string and boolean signature, summaries and an empty table', () => {
    expect(html).toMatch(/<input id="root_idNumber"[^>]*inputMode="numeric"[^>]*maxLength="12"[^>]*value="001090012345"/);
    expect(html).toMatch(/<input id="root_signedBy"[^>]*value="Lê Văn A"/);
    expect(html).toContain('for="root_signedBy__signed"');
    expect(html).toMatch(/<input id="root_agreed"[^>]*type="checkbox"[^>]*checked=""/);
    expect(html).toMatch(/<output id="root_count"[^>]*>1.234,5<\/output>/);
    expect(html).toMatch(/data-testid="root_section_when"[^>]*>01\/03\/2026<\/dd>/);
    expect(html).toMatch(/data-testid="root_section_ok"[^>]*>Có<\/dd>/);
    expect(html).toContain('data-testid="root_tags-empty"');
  });

  it('should speak English for locale en', () => {
    const en = render('en', {});
    expect(en).toContain('Province/City');
    expect(en).toContain('Search by name, date of birth, ID number…');
    expect(en).toContain('No rows yet');
  });
});
