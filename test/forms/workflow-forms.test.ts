import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyComputed,
  checkFormDefinition,
  computedFieldPaths,
  lintForm,
  translateForm,
  validateFormData,
  type FormDefinition,
  type JsonObject,
  type JsonValue,
} from '../../forms/index';

/** Every form shipped in workflows/forms/*.json plus our fixtures, so this always asserts something. */
function loadAll(): [string, FormDefinition][] {
  const dirs = [new URL('../../workflows/forms/', import.meta.url), new URL('./fixtures/', import.meta.url)];
  const out: [string, FormDefinition][] = [];
  for (const dir of dirs) {
    const path = fileURLToPath(dir);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path).filter((f) => f.endsWith('.json')).sort()) {
      out.push([file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as FormDefinition]);
    }
  }
  return out;
}

const forms = loadAll();

/** JSON pointers of every object inside the data (root included). */
function objectPaths(value: JsonValue, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, `${path}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, `${path}/${k}`))];
}

function at(data: JsonObject, pointer: string): JsonObject {
  let node: JsonValue = data;
  for (const part of pointer.split('/').slice(1)) node = (node as Record<string, JsonValue>)[part] ?? (node as JsonValue[])[Number(part)];
  return node as JsonObject;
}

describe('every form file (workflows/forms and test fixtures)', () => {
  it('should find at least our own fixture forms', () => {
    expect(forms.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(forms)('%s', (_file, form) => {
    const examples = form.examples?.valid ?? [];

    it('should be a valid definition with at least one valid example', () => {
      expect(() => checkFormDefinition(form)).not.toThrow();
      expect(examples.length).toBeGreaterThan(0);
    });

    it('should pass the form lint without errors', () => {
      expect(lintForm(form).filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('should accept each examples.valid entry', () => {
      for (const example of examples) expect(validateFormData(form, example).issues).toEqual([]);
    });

    it('should reject an unknown property at every object of each example', () => {
      for (const example of examples) {
        const computed = applyComputed(form.schema, example);
        for (const pointer of objectPaths(computed)) {
          // given
          const data = structuredClone(computed);
          at(data, pointer).zzUnknownField = 'x';
          // when
          const result = validateFormData(form, data);
          // then
          expect(result.valid, `${pointer}/zzUnknownField`).toBe(false);
          expect(result.issues.map((i) => i.path)).toContain(`${pointer}/zzUnknownField`);
        }
      }
    });

    it('should reject each example with a required root field missing', () => {
      const computed = new Set(computedFieldPaths(form.schema).map((p) => p.slice(1)));
      const required = ((form.schema.required as string[] | undefined) ?? []).filter((r) => !computed.has(r));
      for (const example of examples) {
        for (const field of required) {
          // given
          const data = structuredClone(example);
          delete data[field];
          // when
          const result = validateFormData(form, data);
          // then
          expect(result.valid, field).toBe(false);
          expect(result.issues.map((i) => `${i.path} ${i.keyword}`)).toContain(`/${field} required`);
        }
      }
    });

    it('should accept drafts: empty, each single field of the examples, and the whole examples', () => {
      expect(validateFormData(form, {}, { mode: 'draft' }).issues).toEqual([]);
      for (const example of examples) {
        expect(validateFormData(form, example, { mode: 'draft' }).issues).toEqual([]);
        for (const [key, value] of Object.entries(example)) {
          expect(validateFormData(form, { [key]: value }, { mode: 'draft' }).issues, key).toEqual([]);
        }
      }
    });

    it('should refuse a draft with an unknown field', () => {
      const result = validateFormData(form, { zzUnknownField: 1 }, { mode: 'draft' });
      expect(result.issues.map((i) => `${i.path} ${i.keyword}`)).toEqual(['/zzUnknownField unevaluatedProperties']);
    });

    it('should translate to English without losing fields', () => {
      const en = translateForm(form, 'en');
      expect(en.title).toBeTruthy();
      expect(Object.keys((en.schema.properties as object) ?? {})).toEqual(Object.keys((form.schema.properties as object) ?? {}));
    });
  });
});
