import type { Ajv as AjvCoreType, Options } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import draft7MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';
import { isIsoDate } from '../formats/vn-date.format';
import { isCccd, isCmnd, isJurisdictionCode, isUuid, isVnPhone } from '../formats/vn-id.format';

/**
 * The one ajv configuration of Quy Trình. Server (form.validator.ts) and browser (rjsf.validator.ts)
 * build their ajv from these options, formats and keywords, so both accept exactly the same schemas.
 *
 * Ajv2019 (draft 2019-09) understands every draft-07 keyword we use (`definitions`, `dependencies`,
 * `if/then/else`) and adds `unevaluatedProperties`, which the server uses to reject fields a form does
 * not define even inside conditional branches.
 */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  // `required` inside if/then/else names properties declared by the parent schema: allowed.
  strictRequired: false,
  // Forms omit `type: "object"` next to `properties` inside branches; that is fine.
  strictTypes: false,
  allowUnionTypes: true,
  multipleOfPrecision: 8,
  ownProperties: true,
  discriminator: false,
  // An unknown format must be a definition error, never a silent pass.
  validateFormats: true,
};

/** Custom formats (besides ajv-formats' `date-time`, `email`, `uri`, …). */
export const VN_FORMATS: Record<string, (value: string) => boolean> = {
  date: isIsoDate,
  cccd: isCccd,
  cmnd: isCmnd,
  'vn-phone': isVnPhone,
  'jurisdiction-code': isJurisdictionCode,
  uuid: isUuid,
};

/** Annotation-only keywords a form may use (see docs/conventions.md). */
export const FORM_KEYWORDS = [
  'x-computed',
  'x-readonly-summary',
  'x-source',
  'x-output',
  'enumNames',
] as const;

/** Adds our formats, keywords and the draft-07 meta-schema to an ajv instance (idempotent). */
export function extendAjv<A extends AjvCoreType>(ajv: A): A {
  for (const [name, check] of Object.entries(VN_FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
  for (const keyword of FORM_KEYWORDS) {
    if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword, schemaType: keywordSchemaType(keyword) });
  }
  if (!ajv.getSchema('http://json-schema.org/draft-07/schema')) ajv.addMetaSchema(draft7MetaSchema);
  return ajv;
}

type JsonTypeName = 'string' | 'number' | 'boolean' | 'object' | 'integer' | 'array' | 'null';

function keywordSchemaType(keyword: (typeof FORM_KEYWORDS)[number]): JsonTypeName[] {
  switch (keyword) {
    case 'x-computed':
    case 'x-source':
      return ['string'];
    case 'x-output':
      return ['string', 'boolean'];
    case 'x-readonly-summary':
      return ['boolean', 'string', 'object'];
    case 'enumNames':
      return ['array'];
  }
}

/** A new strict ajv with everything registered. */
export function createFormsAjv(overrides: Options = {}): Ajv2019 {
  const ajv = new Ajv2019({ ...AJV_OPTIONS, ...overrides });
  addFormats(ajv);
  return extendAjv(ajv);
}
