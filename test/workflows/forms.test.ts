import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from '../../forms/index';
import { loadForms, loadProcedureXml, procedures } from '../../workflows/index';
import { feelErrors } from './bpmn-helpers';

const forms = loadForms();

function compiler(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // forms/ gives these meaning; for this structural test they are accepted as-is.
  ajv.addKeyword({ keyword: 'x-computed', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-readonly-summary' });
  for (const f of ['cccd', 'cmnd', 'vn-phone', 'jurisdiction-code']) ajv.addFormat(f, true);
  return ajv;
}

type Schema = { properties?: Record<string, Schema>; items?: Schema; title?: string; 'x-computed'?: string; additionalProperties?: unknown; type?: unknown };

function walk(schema: Schema, path: string, visit: (path: string, s: Schema) => void): void {
  for (const [k, s] of Object.entries(schema.properties ?? {})) {
    const p = path ? `${path}.${k}` : k;
    visit(p, s);
    if (s.items?.properties) walk(s.items, p, visit);
  }
}

describe('workflows/forms', () => {
  const used = procedures
    .map((p) => { try { return loadProcedureXml(p.key); } catch { return ''; } })
    .flatMap((xml) => [...xml.matchAll(/formId="([^"]+)"/g)].map((m) => m[1]));

  it('should have unique ids and be used by exactly one user task each', () => {
    // given
    const ids = forms.map((f) => f.id);
    // then
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of used) expect(ids, id).toContain(id);
    for (const id of ids) expect(used.filter((u) => u === id).length, id).toBe(1);
  });

  describe.each(forms.map((f) => [f.id, f] as const))('%s', (_id, form) => {
    it('should compile as draft-07 and accept its valid examples', () => {
      const validate = compiler().compile(form.schema);
      expect(form.examples.valid.length).toBeGreaterThan(0);
      for (const example of form.examples.valid) {
        const ok = validate(example);
        expect(validate.errors ?? [], JSON.stringify(example)).toEqual([]);
        expect(ok).toBe(true);
      }
    });

    it('should pass the forms module deploy check (strict ajv, computed fields)', () => {
      expect(() => checkFormDefinition(form)).not.toThrow();
    });

    it('should be closed, titled in Vietnamese, ordered and translated', () => {
      expect(form.schema.additionalProperties).toBe(false);
      expect(form.title.vi).toMatch(/[^\u0020-\u007e]/);
      expect(form.title.en).toBeTruthy();
      expect(form.uiSchema['ui:order']).toEqual(Object.keys(form.schema.properties));
      walk(form.schema as Schema, '', (path, s) => {
        expect(s.title, path).toBeTruthy();
        expect(form.translations.en[path]?.title, `en ${path}`).toBeTruthy();
        if (s.properties) expect(s.additionalProperties, path).toBe(false);
      });
      if (form.mau) expect(form.mau).toMatch(/^Mẫu \d+[ab]?$/);
    });

    it('should compute its x-computed fields with FEEL that parses and matches the examples', () => {
      walk(form.schema as Schema, '', (path, s) => {
        const expr = s['x-computed'];
        if (!expr) return;
        expect(feelErrors(expr), `${path}: ${expr}`).toEqual([]);
        if (path.includes('.')) return;
        for (const example of form.examples.valid) {
          if (!(path in example)) continue;
          expect(evaluate(expr.replace(/^=/, ''), example).value, path).toEqual(example[path]);
        }
      });
    });
  });

  it('should conclude TT18 per the criteria rule', () => {
    // given
    const form = forms.find((f) => f.id === 'determination.criteria')!;
    const expr = ((form.schema.properties.conclusion as Schema)['x-computed'] ?? '').replace(/^=/, '');
    const run = (on: number[], extra: Record<string, unknown> = {}) => {
      const data: Record<string, unknown> = { ...extra };
      for (let i = 1; i <= 6; i++) data[`criterion${i}`] = on.includes(i);
      return evaluate(expr, data).value;
    };
    // then
    expect(run([])).toBe('khong_nghien');
    expect(run([2])).toBe('khong_nghien');
    expect(run([1, 6])).toBe('khong_nghien');
    expect(run([1, 2])).toBe('can_theo_doi_them');
    expect(run([1, 2, 6])).toBe('nghien');
    expect(run([1, 2, 3, 4, 5, 6])).toBe('nghien');
    expect(run([1], { unclearSigns: true })).toBe('can_theo_doi_them');
  });
});
