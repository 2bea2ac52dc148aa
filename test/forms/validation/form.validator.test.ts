import { describe, expect, it } from 'vitest';
import {
  assertValidFormData,
  FormValidationError,
  validateFormData,
  type FormDefinition,
  type FormValidationIssue,
} from '../../../forms/index';
import { tt18, tt18Valid } from '../support';

const paths = (issues: FormValidationIssue[]) => issues.map((i) => `${i.path} ${i.keyword}`);

function form(schema: Record<string, unknown>, id = `t.${Math.random().toString(36).slice(2)}`): FormDefinition {
  return { id, version: 1, title: { vi: 'Thử', en: 'Test' }, schema: { type: 'object', ...schema } };
}

describe('validateFormData — the server authority', () => {
  it('should accept the fixture examples and return NFC data with computed fields', () => {
    // given
    const f = tt18();
    // when
    const results = (f.examples?.valid ?? []).map((example) => validateFormData(f, example));
    // then
    for (const r of results) expect(r.issues).toEqual([]);
    expect(results[1].data.conclusion).toBe('khong_nghien');
  });

  it('should reject an unknown property at the root, in a nested object and in array items', () => {
    // given
    const data = tt18Valid();
    data.extra = 'x';
    (data.criteria as Record<string, unknown>).sneaky = true;
    (data.drugTests as Record<string, unknown>[])[0].lab = 'A';
    (data.approval as Record<string, unknown>).stamp = 'yes';
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(result.valid).toBe(false);
    expect(paths(result.issues)).toEqual(
      expect.arrayContaining([
        '/extra unevaluatedProperties',
        '/criteria/sneaky unevaluatedProperties',
        '/drugTests/0/lab unevaluatedProperties',
        '/approval/stamp unevaluatedProperties',
      ]),
    );
    const extra = result.issues.find((i) => i.path === '/extra');
    expect(extra?.message).toEqual({ vi: 'Trường này không có trong biểu mẫu', en: 'This field is not part of the form' });
  });

  it('should reject a field of the branch not taken (if/then/else)', () => {
    // given: idType cccd → the else branch (idNumber) applies, passportNumber belongs to then
    const data = { ...tt18Valid(), passportNumber: 'B1234567' };
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(paths(result.issues)).toEqual(['/passportNumber unevaluatedProperties']);
  });

  it('should accept the then-branch field when its condition holds and refuse the else one', () => {
    // given
    const base = tt18().examples?.valid?.[1] ?? {};
    // when
    const ok = validateFormData(tt18(), base);
    const bad = validateFormData(tt18(), { ...base, idNumber: '001090012345' });
    // then
    expect(ok.valid).toBe(true);
    expect(paths(bad.issues)).toEqual(['/idNumber unevaluatedProperties']);
  });

  it('should reject a field of a dependencies/oneOf branch that does not apply', () => {
    // given: not in custody, but custody details sent
    const data = { ...tt18Valid(), inCustody: false };
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(paths(result.issues)).toContain('/custody unevaluatedProperties');
  });

  it('should reject a property sent without its dependencies trigger', () => {
    // given: custody without inCustody (the dependencies schema never applies)
    const data = tt18Valid();
    delete data.inCustody;
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(paths(result.issues)).toEqual(['/custody unevaluatedProperties']);
  });

  it('should reject an unknown property inside an object defined only in a branch', () => {
    // given
    const data = tt18Valid();
    (data.custody as Record<string, unknown>).judge = 'X';
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(paths(result.issues)).toContain('/custody/judge unevaluatedProperties');
  });

  it('should handle anyOf and $ref branches and an author additionalProperties:false with if/then', () => {
    // given
    const f = form({
      additionalProperties: false,
      definitions: { addr: { type: 'object', properties: { street: { type: 'string' } } } },
      properties: { kind: { type: 'string' }, home: { $ref: '#/definitions/addr' } },
      anyOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'number' } } }],
      if: { properties: { kind: { const: 'x' } }, required: ['kind'] },
      then: { properties: { x: { type: 'string' } } },
    });
    // when
    const ok = validateFormData(f, { kind: 'x', x: 'ok', a: 'a', home: { street: 'Lê Lợi' } });
    const bad = validateFormData(f, { kind: 'y', x: 'no', home: { street: 'Lê Lợi', city: 'HN' } });
    // then
    expect(ok.issues).toEqual([]);
    expect(paths(bad.issues)).toEqual(expect.arrayContaining(['/x unevaluatedProperties', '/home/city unevaluatedProperties']));
  });

  it('should leave if-conditions open so a partial nested condition still matches', () => {
    // given
    const f = form({
      properties: { person: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } } },
      if: { properties: { person: { properties: { age: { minimum: 18 } } } } },
      then: { properties: { adultNote: { type: 'string' } } },
    });
    // when / then
    expect(validateFormData(f, { person: { name: 'A', age: 20 }, adultNote: 'x' }).issues).toEqual([]);
    expect(paths(validateFormData(f, { person: { name: 'A', age: 10 }, adultNote: 'x' }).issues)).toEqual(['/adultNote unevaluatedProperties']);
  });

  it('should reject items beyond a tuple and unknown properties inside tuple items', () => {
    // given: strict mode makes authors close tuples (minItems + additionalItems)
    const f = form({
      properties: {
        pair: { type: 'array', minItems: 2, additionalItems: false, items: [{ type: 'string' }, { type: 'object', properties: { n: { type: 'number' } } }] },
      },
    });
    // when
    const extraItem = validateFormData(f, { pair: ['a', { n: 1 }, { smuggled: true }] });
    const extraProp = validateFormData(f, { pair: ['a', { n: 1, smuggled: true }] });
    // then
    expect(paths(extraItem.issues)).toEqual(['/pair additionalItems']);
    expect(paths(extraProp.issues)).toEqual(['/pair/1/smuggled unevaluatedProperties']);
    expect(validateFormData(f, { pair: ['a', { n: 1 }] }).valid).toBe(true);
  });

  it('should report a missing required field at the field path, nested ones too', () => {
    // given
    const data = tt18Valid();
    delete data.fullName;
    delete (data.criteria as Record<string, unknown>).craving;
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(paths(result.issues)).toEqual(expect.arrayContaining(['/fullName required', '/criteria/craving required']));
    expect(result.issues.find((i) => i.path === '/fullName')?.message).toEqual({
      vi: 'Trường này là bắt buộc',
      en: 'This field is required',
    });
  });

  it('should report only the real error of the chosen oneOf branch, without cascades', () => {
    // given: in custody, but the custody decision lacks its number
    const data = tt18Valid();
    data.custody = { decisionDate: '2026-03-01' };
    // when
    const result = validateFormData(tt18(), data);
    // then: not "/inCustody must be false", not "/custody is not part of the form", not "oneOf"
    expect(paths(result.issues)).toEqual(['/custody/decisionNumber required']);
  });

  it('should report an unknown nested property alone, not its failed branch', () => {
    const data = tt18Valid();
    (data.custody as Record<string, unknown>).judge = 'X';
    expect(paths(validateFormData(tt18(), data).issues)).toEqual(['/custody/judge unevaluatedProperties']);
  });

  it('should drop if-wrapper errors and keep the branch errors', () => {
    const data = { ...tt18Valid(), idType: 'passport', idNumber: undefined, passportNumber: 'bad' };
    const result = validateFormData(tt18(), JSON.parse(JSON.stringify(data)));
    expect(paths(result.issues)).toEqual(['/passportNumber pattern']);
  });

  it('should require the branch field (else: idNumber) when the branch applies', () => {
    // given
    const data = tt18Valid();
    delete data.idNumber;
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(paths(result.issues)).toContain('/idNumber required');
  });

  it.each([
    ['dateOfBirth', '17/05/1990', 'date'],
    ['dateOfBirth', '2023-02-29', 'date'],
    ['receivedAt', '2026-03-02 08:30', 'date-time'],
    ['phone', '091234567', 'vn-phone'],
    ['communeCode', '1930', 'jurisdiction-code'],
    ['idNumber', '097090012345', 'cccd'],
  ])('should reject %s = %s (format %s)', (field, value, format) => {
    // given
    const data = { ...tt18Valid(), [field]: value };
    // when
    const result = validateFormData(tt18(), data);
    // then
    const issue = result.issues.find((i) => i.keyword === 'format');
    expect(issue?.path).toBe(`/${field}`);
    expect(issue?.params).toEqual({ format });
    expect(issue?.message.vi).toMatch(/^Giá trị phải là /);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('should reject the key %s anywhere with a clear error', (key) => {
    // given: JSON.parse creates __proto__ as an own key, as a request body would
    const body = JSON.parse(`{"fullName":"A","criteria":{"${key}":{"polluted":true}},"drugTests":[{"${key}":1}]}`);
    // when
    const result = validateFormData(tt18(), body);
    // then
    expect(result.valid).toBe(false);
    expect(paths(result.issues)).toEqual([`/criteria/${key} forbiddenKey`, `/drugTests/0/${key} forbiddenKey`]);
    expect(result.issues[0].message.vi).toContain('bị cấm');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should cap strings without maxLength at 10 000 characters and honour the schema maxLength', () => {
    // given
    const long = 'a'.repeat(10_001);
    const data = { ...tt18Valid(), idNumber: undefined, approval: { name: long }, fullName: 'x'.repeat(101) };
    // when
    const result = validateFormData(tt18(), JSON.parse(JSON.stringify(data)));
    // then
    expect(paths(result.issues)).toEqual(expect.arrayContaining(['/approval/name maxLength', '/fullName maxLength']));
    expect(result.issues.find((i) => i.path === '/approval/name')?.params).toEqual({ limit: 10_000 });
  });

  it('should cap strings of untyped fields too, and allow a configured limit', () => {
    // given
    const f = form({ properties: { anything: { title: 'Bất kỳ' }, choice: { enum: ['a', 'b'] } } });
    // when
    const big = validateFormData(f, { anything: 'a'.repeat(10_001) });
    const small = validateFormData(f, { anything: 'abcdef' }, { limits: { maxStringLength: 5 } });
    // then
    expect(paths(big.issues)).toEqual(['/anything maxLength']);
    expect(paths(small.issues)).toEqual(['/anything maxLength']);
    expect(validateFormData(f, { anything: 42, choice: 'a' }).valid).toBe(true);
  });

  it('should refuse data nested deeper than the limit', () => {
    // given
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i += 1) deep = { d: deep };
    // when
    const result = validateFormData(tt18(), { fullName: 'A', criteria: deep });
    // then
    expect(result.issues.map((i) => i.keyword)).toEqual(['maxDepth']);
  });

  it('should normalise NFD to NFC so both spellings compare equal', () => {
    // given
    const nfc = 'Nguyễn Thị Ánh';
    const nfd = nfc.normalize('NFD');
    const f = form({ properties: { name: { type: 'string', enum: [nfc] } }, required: ['name'] });
    // when
    const result = validateFormData(f, { name: nfd });
    // then
    expect(nfd).not.toBe(nfc);
    expect(result.valid).toBe(true);
    expect(result.data.name).toBe(nfc);
  });

  it('should refuse a non-object body', () => {
    expect(validateFormData(tt18(), [1, 2]).issues.map((i) => i.keyword)).toEqual(['rootType']);
    expect(validateFormData(tt18(), null).issues.map((i) => i.keyword)).toEqual(['rootType']);
  });

  it('should throw FormValidationError with code FORM_INVALID and the issues', () => {
    // given
    const data = { ...tt18Valid(), extra: 1 };
    // when
    let caught: unknown;
    try {
      assertValidFormData(tt18(), data);
    } catch (error) {
      caught = error;
    }
    // then
    expect(caught).toBeInstanceOf(FormValidationError);
    expect((caught as FormValidationError).code).toBe('FORM_INVALID');
    expect((caught as FormValidationError).issues[0].path).toBe('/extra');
  });

  it('should validate drafts loosely: no required, but types, formats and unknown fields', () => {
    // given
    const f = tt18();
    // when
    const partial = validateFormData(f, { fullName: 'Nguyễn', criteria: { craving: true } }, { mode: 'draft' });
    const wrongType = validateFormData(f, { criteria: { craving: 'yes' }, phone: '12' }, { mode: 'draft' });
    const unknown = validateFormData(f, { nope: 1, passportNumber: 'B1', custody: { decisionNumber: '1' } }, { mode: 'draft' });
    // then
    expect(partial.valid).toBe(true);
    expect(paths(wrongType.issues)).toEqual(expect.arrayContaining(['/criteria/craving type', '/phone format']));
    expect(paths(unknown.issues)).toEqual(['/nope unevaluatedProperties']);
  });

  it('should recompile when a different schema arrives under the same id and version', () => {
    // given
    const a = form({ properties: { x: { type: 'string' } } }, 'same.id');
    const b = form({ properties: { y: { type: 'string' } } }, 'same.id');
    // when / then
    expect(validateFormData(a, { x: 'a' }).valid).toBe(true);
    expect(validateFormData(b, { x: 'a' }).valid).toBe(false);
    expect(validateFormData(b, { y: 'a' }).valid).toBe(true);
  });
});
