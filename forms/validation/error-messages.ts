import type { LocalizedText } from '../form.types';

/**
 * Vietnamese and English messages for every ajv keyword (ajv-i18n has no Vietnamese) and for the
 * checks of data-guard.ts. A message never repeats the field name: the UI shows it next to the field.
 */
type Params = Record<string, unknown>;
type MessageFn = (params: Params) => LocalizedText;

const FORMAT_NAMES: Record<string, LocalizedText> = {
  date: { vi: 'ngày hợp lệ (dd/mm/yyyy)', en: 'a valid date (dd/mm/yyyy)' },
  'date-time': { vi: 'ngày giờ hợp lệ (dd/mm/yyyy HH:mm)', en: 'a valid date and time (dd/mm/yyyy HH:mm)' },
  time: { vi: 'giờ hợp lệ (HH:mm)', en: 'a valid time (HH:mm)' },
  cccd: {
    vi: 'số căn cước công dân gồm 12 chữ số, 3 số đầu là mã tỉnh 001–096',
    en: 'a citizen identity (CCCD) number of 12 digits starting with a province code 001–096',
  },
  cmnd: { vi: 'số chứng minh nhân dân gồm 9 hoặc 12 chữ số', en: 'an identity card (CMND) number of 9 or 12 digits' },
  'vn-phone': {
    vi: 'số điện thoại Việt Nam (0xxxxxxxxx hoặc +84xxxxxxxxx)',
    en: 'a Vietnamese phone number (0xxxxxxxxx or +84xxxxxxxxx)',
  },
  'jurisdiction-code': {
    vi: 'mã đơn vị hành chính (2, 3 hoặc 5 chữ số)',
    en: 'an administrative unit code (2, 3 or 5 digits)',
  },
  uuid: { vi: 'mã định danh UUID', en: 'a UUID' },
  email: { vi: 'địa chỉ thư điện tử hợp lệ', en: 'a valid email address' },
  uri: { vi: 'địa chỉ URI hợp lệ', en: 'a valid URI' },
};

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  integer: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'giá trị đúng/sai', en: 'true or false' },
  object: { vi: 'nhóm thông tin (đối tượng)', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
  null: { vi: 'giá trị rỗng', en: 'empty' },
};

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function typeName(type: unknown, locale: 'vi' | 'en'): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_NAMES[String(t)]?.[locale] ?? String(t)).join(locale === 'vi' ? ' hoặc ' : ' or ');
}

const COMPARISON: Record<string, LocalizedText> = {
  '>=': { vi: 'lớn hơn hoặc bằng', en: 'greater than or equal to' },
  '<=': { vi: 'nhỏ hơn hoặc bằng', en: 'less than or equal to' },
  '>': { vi: 'lớn hơn', en: 'greater than' },
  '<': { vi: 'nhỏ hơn', en: 'less than' },
};

function comparison(params: Params): LocalizedText {
  const c = COMPARISON[String(params.comparison)] ?? { vi: String(params.comparison), en: String(params.comparison) };
  return { vi: `Giá trị phải ${c.vi} ${params.limit}`, en: `Must be ${c.en} ${params.limit}` };
}

export const KEYWORD_MESSAGES: Record<string, MessageFn> = {
  type: (p) => ({ vi: `Giá trị phải là ${typeName(p.type, 'vi')}`, en: `Must be ${typeName(p.type, 'en')}` }),
  required: () => ({ vi: 'Trường này là bắt buộc', en: 'This field is required' }),
  dependencies: (p) => ({
    vi: `Trường này là bắt buộc khi đã nhập "${p.property}"`,
    en: `This field is required when "${p.property}" is filled in`,
  }),
  dependentRequired: (p) => ({
    vi: `Trường này là bắt buộc khi đã nhập "${p.property}"`,
    en: `This field is required when "${p.property}" is filled in`,
  }),
  additionalProperties: () => ({
    vi: 'Trường này không có trong biểu mẫu',
    en: 'This field is not part of the form',
  }),
  unevaluatedProperties: () => ({
    vi: 'Trường này không có trong biểu mẫu',
    en: 'This field is not part of the form',
  }),
  unevaluatedItems: (p) => ({
    vi: `Danh sách không được có quá ${p.limit} mục`,
    en: `The list must not have more than ${p.limit} items`,
  }),
  additionalItems: (p) => ({
    vi: `Danh sách không được có quá ${p.limit} mục`,
    en: `The list must not have more than ${p.limit} items`,
  }),
  items: (p) => ({
    vi: `Danh sách không được có quá ${p.limit} mục`,
    en: `The list must not have more than ${p.limit} items`,
  }),
  enum: () => ({ vi: 'Giá trị phải là một trong các lựa chọn cho phép', en: 'Must be one of the allowed options' }),
  const: (p) => ({ vi: `Giá trị phải là ${show(p.allowedValue)}`, en: `Must be ${show(p.allowedValue)}` }),
  format: (p) => {
    const name = FORMAT_NAMES[String(p.format)] ?? { vi: `định dạng ${p.format}`, en: `format ${p.format}` };
    return { vi: `Giá trị phải là ${name.vi}`, en: `Must be ${name.en}` };
  },
  minLength: (p) => ({ vi: `Phải có ít nhất ${p.limit} ký tự`, en: `Must have at least ${p.limit} characters` }),
  maxLength: (p) => ({ vi: `Không được quá ${p.limit} ký tự`, en: `Must not have more than ${p.limit} characters` }),
  pattern: () => ({ vi: 'Giá trị không đúng định dạng yêu cầu', en: 'Does not match the required pattern' }),
  minimum: comparison,
  maximum: comparison,
  exclusiveMinimum: comparison,
  exclusiveMaximum: comparison,
  multipleOf: (p) => ({ vi: `Giá trị phải là bội số của ${p.multipleOf}`, en: `Must be a multiple of ${p.multipleOf}` }),
  minItems: (p) => ({ vi: `Phải có ít nhất ${p.limit} mục`, en: `Must have at least ${p.limit} items` }),
  maxItems: (p) => ({ vi: `Không được quá ${p.limit} mục`, en: `Must not have more than ${p.limit} items` }),
  uniqueItems: (p) => ({
    vi: `Các mục không được trùng nhau (mục ${Number(p.j) + 1} và ${Number(p.i) + 1} giống nhau)`,
    en: `Items must be unique (items ${Number(p.j) + 1} and ${Number(p.i) + 1} are identical)`,
  }),
  minProperties: (p) => ({
    vi: `Phải nhập ít nhất ${p.limit} thông tin`,
    en: `Must have at least ${p.limit} entries`,
  }),
  maxProperties: (p) => ({
    vi: `Không được nhập quá ${p.limit} thông tin`,
    en: `Must not have more than ${p.limit} entries`,
  }),
  propertyNames: (p) => ({
    vi: `Tên trường "${p.propertyName}" không hợp lệ`,
    en: `Field name "${p.propertyName}" is not valid`,
  }),
  contains: (p) =>
    p.maxContains === undefined
      ? {
          vi: `Danh sách phải có ít nhất ${p.minContains ?? 1} mục hợp lệ`,
          en: `The list must contain at least ${p.minContains ?? 1} valid item(s)`,
        }
      : {
          vi: `Danh sách phải có từ ${p.minContains ?? 1} đến ${p.maxContains} mục hợp lệ`,
          en: `The list must contain from ${p.minContains ?? 1} to ${p.maxContains} valid items`,
        },
  if: (p) => ({
    vi: `Thông tin chưa đáp ứng điều kiện của nhánh "${p.failingKeyword === 'else' ? 'ngược lại' : 'khi đó'}"`,
    en: `Does not satisfy the "${p.failingKeyword}" branch of the condition`,
  }),
  oneOf: (p) =>
    Array.isArray(p.passingSchemas)
      ? { vi: 'Thông tin khớp với nhiều hơn một lựa chọn', en: 'Matches more than one of the alternatives' }
      : { vi: 'Thông tin phải khớp đúng một lựa chọn', en: 'Must match exactly one of the alternatives' },
  anyOf: () => ({ vi: 'Thông tin phải khớp ít nhất một lựa chọn', en: 'Must match at least one of the alternatives' }),
  not: () => ({ vi: 'Giá trị này không được phép', en: 'This value is not allowed' }),
  'false schema': () => ({ vi: 'Trường này không được phép nhập', en: 'This field is not allowed' }),
  discriminator: (p) => ({
    vi: `Giá trị phân loại "${p.tag}" không hợp lệ`,
    en: `Discriminator value "${p.tag}" is not valid`,
  }),
  // Checks of data-guard.ts (before ajv runs).
  forbiddenKey: (p) => ({
    vi: `Tên trường "${p.key}" bị cấm vì lý do an toàn`,
    en: `Field name "${p.key}" is forbidden for security reasons`,
  }),
  maxDepth: (p) => ({
    vi: `Dữ liệu lồng nhau quá sâu (tối đa ${p.limit} cấp)`,
    en: `Data is nested too deeply (at most ${p.limit} levels)`,
  }),
  invalidValue: () => ({
    vi: 'Giá trị không phải dữ liệu JSON hợp lệ',
    en: 'Value is not valid JSON data',
  }),
  rootType: () => ({ vi: 'Dữ liệu biểu mẫu phải là một đối tượng', en: 'Form data must be an object' }),
};

/** The vi/en message for an ajv keyword (or one of ours); unknown keywords get a generic text. */
export function messageFor(keyword: string, params: Params = {}, fallback?: string): LocalizedText {
  const fn = KEYWORD_MESSAGES[keyword];
  if (fn) return fn(params);
  return { vi: `Giá trị không hợp lệ (${keyword})`, en: fallback ?? `Invalid value (${keyword})` };
}
