import { describe, expect, it } from 'vitest';
import { createFormsAjv, guardData, KEYWORD_MESSAGES, messageFor, toIssues, DEFAULT_LIMITS } from '../../../forms/index';

/** One schema + data per ajv keyword, producing exactly that keyword's error. */
const TRIGGERS: [keyword: string, schema: Record<string, unknown>, data: unknown, expected: { vi: string; en: string }][] = [
  ['type', { type: 'integer' }, 'x', { vi: 'Giá trị phải là số nguyên', en: 'Must be a whole number' }],
  ['required', { type: 'object', required: ['a'], properties: { a: {} } }, {}, { vi: 'Trường này là bắt buộc', en: 'This field is required' }],
  ['dependencies', { type: 'object', properties: { a: {}, b: {} }, dependencies: { a: ['b'] } }, { a: 1 }, { vi: 'Trường này là bắt buộc khi đã nhập "a"', en: 'This field is required when "a" is filled in' }],
  ['dependentRequired', { type: 'object', properties: { a: {}, b: {} }, dependentRequired: { a: ['b'] } }, { a: 1 }, { vi: 'Trường này là bắt buộc khi đã nhập "a"', en: 'This field is required when "a" is filled in' }],
  ['additionalProperties', { type: 'object', additionalProperties: false }, { z: 1 }, { vi: 'Trường này không có trong biểu mẫu', en: 'This field is not part of the form' }],
  ['unevaluatedProperties', { type: 'object', unevaluatedProperties: false }, { z: 1 }, { vi: 'Trường này không có trong biểu mẫu', en: 'This field is not part of the form' }],
  ['unevaluatedItems', { type: 'array', items: [{}], unevaluatedItems: false }, [1, 2], { vi: 'Danh sách không được có quá 1 mục', en: 'The list must not have more than 1 items' }],
  ['additionalItems', { type: 'array', items: [{}], additionalItems: false }, [1, 2], { vi: 'Danh sách không được có quá 1 mục', en: 'The list must not have more than 1 items' }],
  ['enum', { enum: ['a', 'b'] }, 'c', { vi: 'Giá trị phải là một trong các lựa chọn cho phép', en: 'Must be one of the allowed options' }],
  ['const', { const: 'a' }, 'b', { vi: 'Giá trị phải là "a"', en: 'Must be "a"' }],
  ['format', { type: 'string', format: 'cccd' }, '123', { vi: 'Giá trị phải là số căn cước công dân gồm 12 chữ số, 3 số đầu là mã tỉnh 001–096', en: 'Must be a citizen identity (CCCD) number of 12 digits starting with a province code 001–096' }],
  ['minLength', { type: 'string', minLength: 3 }, 'ab', { vi: 'Phải có ít nhất 3 ký tự', en: 'Must have at least 3 characters' }],
  ['maxLength', { type: 'string', maxLength: 2 }, 'abc', { vi: 'Không được quá 2 ký tự', en: 'Must not have more than 2 characters' }],
  ['pattern', { type: 'string', pattern: '^[A-Z]+$' }, 'a', { vi: 'Giá trị không đúng định dạng yêu cầu', en: 'Does not match the required pattern' }],
  ['minimum', { type: 'number', minimum: 5 }, 4, { vi: 'Giá trị phải lớn hơn hoặc bằng 5', en: 'Must be greater than or equal to 5' }],
  ['maximum', { type: 'number', maximum: 5 }, 6, { vi: 'Giá trị phải nhỏ hơn hoặc bằng 5', en: 'Must be less than or equal to 5' }],
  ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 5 }, 5, { vi: 'Giá trị phải lớn hơn 5', en: 'Must be greater than 5' }],
  ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 5 }, 5, { vi: 'Giá trị phải nhỏ hơn 5', en: 'Must be less than 5' }],
  ['multipleOf', { type: 'number', multipleOf: 0.5 }, 0.3, { vi: 'Giá trị phải là bội số của 0.5', en: 'Must be a multiple of 0.5' }],
  ['minItems', { type: 'array', minItems: 2 }, [1], { vi: 'Phải có ít nhất 2 mục', en: 'Must have at least 2 items' }],
  ['maxItems', { type: 'array', maxItems: 1 }, [1, 2], { vi: 'Không được quá 1 mục', en: 'Must not have more than 1 items' }],
  ['uniqueItems', { type: 'array', uniqueItems: true }, [1, 1], { vi: 'Các mục không được trùng nhau (mục 1 và 2 giống nhau)', en: 'Items must be unique (items 1 and 2 are identical)' }],
  ['minProperties', { type: 'object', minProperties: 1 }, {}, { vi: 'Phải nhập ít nhất 1 thông tin', en: 'Must have at least 1 entries' }],
  ['maxProperties', { type: 'object', maxProperties: 1, additionalProperties: true }, { a: 1, b: 2 }, { vi: 'Không được nhập quá 1 thông tin', en: 'Must not have more than 1 entries' }],
  ['propertyNames', { type: 'object', propertyNames: { pattern: '^[a-z]+$' } }, { A: 1 }, { vi: 'Tên trường "A" không hợp lệ', en: 'Field name "A" is not valid' }],
  ['contains', { type: 'array', contains: { const: 1 } }, [2], { vi: 'Danh sách phải có ít nhất 1 mục hợp lệ', en: 'The list must contain at least 1 valid item(s)' }],
  ['contains', { type: 'array', contains: { const: 1 }, minContains: 2 }, [1], { vi: 'Danh sách phải có ít nhất 2 mục hợp lệ', en: 'The list must contain at least 2 valid item(s)' }],
  ['contains', { type: 'array', contains: { const: 1 }, maxContains: 1 }, [1, 1], { vi: 'Danh sách phải có từ 1 đến 1 mục hợp lệ', en: 'The list must contain from 1 to 1 valid items' }],
  ['if', { if: { const: 1 }, then: { const: 2 } }, 1, { vi: 'Thông tin chưa đáp ứng điều kiện của nhánh "khi đó"', en: 'Does not satisfy the "then" branch of the condition' }],
  ['oneOf', { oneOf: [{ const: 1 }, { const: 2 }] }, 3, { vi: 'Thông tin phải khớp đúng một lựa chọn', en: 'Must match exactly one of the alternatives' }],
  ['anyOf', { anyOf: [{ const: 1 }, { const: 2 }] }, 3, { vi: 'Thông tin phải khớp ít nhất một lựa chọn', en: 'Must match at least one of the alternatives' }],
  ['not', { not: { const: 1 } }, 1, { vi: 'Giá trị này không được phép', en: 'This value is not allowed' }],
  ['false schema', { type: 'object', properties: { a: false } }, { a: 1 }, { vi: 'Trường này không được phép nhập', en: 'This field is not allowed' }],
];

describe('vi/en messages for every keyword', () => {
  const ajv = createFormsAjv({ strict: false });

  it.each(TRIGGERS)('should give the %s message in Vietnamese and English', (keyword, schema, data, expected) => {
    // given
    const validate = ajv.compile(schema);
    // when
    validate(data);
    const issues = (validate.errors ?? []).map((e) => ({ keyword: e.keyword, message: messageFor(e.keyword, e.params) }));
    // then
    const issue = issues.find((i) => i.keyword === keyword);
    expect(issue, JSON.stringify(validate.errors)).toBeDefined();
    expect(issue?.message).toEqual(expected);
  });

  it('should give the oneOf "more than one" message', () => {
    const validate = ajv.compile({ oneOf: [{ type: 'number' }, { const: 1 }] });
    validate(1);
    expect(messageFor('oneOf', validate.errors?.[0].params).vi).toBe('Thông tin khớp với nhiều hơn một lựa chọn');
  });

  it('should cover every keyword the message table knows (except data-guard ones, tested below)', () => {
    const guard = ['forbiddenKey', 'maxDepth', 'invalidValue', 'rootType', 'discriminator', 'items'];
    const tested = new Set(TRIGGERS.map(([k]) => k));
    expect(Object.keys(KEYWORD_MESSAGES).filter((k) => !tested.has(k) && !guard.includes(k))).toEqual([]);
  });

  it('should give the data-guard messages in both languages', () => {
    // given
    const cases = [
      guardData(JSON.parse('{"__proto__":1}'), DEFAULT_LIMITS).issues[0],
      guardData({ a: { b: 1 } }, { ...DEFAULT_LIMITS, maxDepth: 1 }).issues[0],
      guardData({ a: Number.NaN }, DEFAULT_LIMITS).issues[0],
      guardData('x', DEFAULT_LIMITS).issues[0],
    ];
    // then
    expect(cases.map((c) => [c.path, c.keyword, c.message])).toEqual([
      ['/__proto__', 'forbiddenKey', { vi: 'Tên trường "__proto__" bị cấm vì lý do an toàn', en: 'Field name "__proto__" is forbidden for security reasons' }],
      ['/a', 'maxDepth', { vi: 'Dữ liệu lồng nhau quá sâu (tối đa 1 cấp)', en: 'Data is nested too deeply (at most 1 levels)' }],
      ['/a', 'invalidValue', { vi: 'Giá trị không phải dữ liệu JSON hợp lệ', en: 'Value is not valid JSON data' }],
      ['', 'rootType', { vi: 'Dữ liệu biểu mẫu phải là một đối tượng', en: 'Form data must be an object' }],
    ]);
  });

  it('should name the field path of required, dependencies, unevaluated and propertyNames errors', () => {
    const validate = ajv.compile({
      type: 'object',
      properties: { o: { type: 'object', required: ['r'], properties: { r: {}, 'a/b': {} }, unevaluatedProperties: false } },
    });
    validate({ o: { 'x~y': 1 } });
    expect(toIssues(validate.errors ?? []).map((i) => i.path)).toEqual(['/o/r', '/o/x~0y']);
  });
});
