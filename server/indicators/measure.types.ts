/**
 * The declarative measure language of plan indicators (stored as JSON in indicator.measure).
 * A measure never carries SQL: it names a source and fields from a fixed whitelist
 * (measure-sources.ts); values travel as bound parameters.
 */
export type SourceName = 'persons' | 'statuses' | 'cases' | 'tasks' | 'history' | 'observations';
export const SOURCE_NAMES: readonly SourceName[] = ['persons', 'statuses', 'cases', 'tasks', 'history', 'observations'];

export type FieldOp = 'eq' | 'ne' | 'in' | 'nin' | 'null' | 'notNull';
export type Scalar = string | number | boolean;

/** `field op value` on a whitelisted field of the source. */
export interface FieldCondition {
  field: string;
  op: FieldOp;
  value?: Scalar | Scalar[];
}

/** The row's person has (had) one of these statuses: ever, during the period, or started by its end. */
export interface PersonStatusCondition {
  personStatus: string[];
  window: 'ever' | 'during' | 'byEnd';
}

/** The row's person has a matching history event in one of their cases (ever / within the period). */
export interface PersonEventCondition {
  personEvent: EventMatch;
  window: 'ever' | 'during';
}

export type Condition = FieldCondition | PersonStatusCondition | PersonEventCondition;

/** A history event: its type (engine vocabulary), optionally the procedure and the BPMN elements. */
export interface EventMatch {
  type: string;
  definitionKey?: string;
  elementIds?: string[];
}

/**
 * Rows of a source (or distinct persons) whose period date falls in the reporting period.
 * `period`: a date field of the source, `overlap` (statuses: the status interval overlaps the
 * period) or `none` (a stock at the time of the query). Default per source.
 */
export interface CountMeasure {
  kind: 'count';
  source: SourceName;
  where?: Condition[];
  period?: string;
  distinct?: 'person';
}

/** numerator / denominator × 100 (a percentage). */
export interface RatioMeasure {
  kind: 'ratio';
  numerator: CountMeasure;
  denominator: CountMeasure;
}

/** Days from a person's first `from` event to their first `to` event after it (`to` in the period). */
export interface DurationMeasure {
  kind: 'duration';
  from: EventMatch;
  to: EventMatch;
  statistic: 'median' | 'mean' | 'p90';
}

export type Measure = CountMeasure | RatioMeasure | DurationMeasure;

export interface Target {
  op: '>=' | '>' | '<=' | '<' | '=';
  value: number;
}

export type IndicatorUnit = 'persons' | 'count' | 'percent' | 'days';

export interface IndicatorDefinition {
  code: string;
  planCode: string | null;
  name: { vi: string; en: string };
  description?: { vi?: string; en?: string };
  unit: IndicatorUnit;
  measure: Measure;
  target: Target | null;
  periodFrom: string;
  periodTo: string;
  jurisdictionCode: string;
  sort: number;
}

const eventMatchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', pattern: '^[a-z]+\\.[a-z]+$' },
    definitionKey: { type: 'string', maxLength: 80 },
    elementIds: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 120 } },
  },
} as const;

const scalar = { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'number' }, { type: 'boolean' }] } as const;
const conditionSchema = {
  oneOf: [
    {
      type: 'object', additionalProperties: false, required: ['field', 'op'],
      properties: {
        field: { type: 'string', maxLength: 40 },
        op: { enum: ['eq', 'ne', 'in', 'nin', 'null', 'notNull'] },
        value: { oneOf: [scalar, { type: 'array', maxItems: 100, items: scalar }] },
      },
    },
    {
      type: 'object', additionalProperties: false, required: ['personStatus', 'window'],
      properties: { personStatus: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', maxLength: 40 } }, window: { enum: ['ever', 'during', 'byEnd'] } },
    },
    {
      type: 'object', additionalProperties: false, required: ['personEvent', 'window'],
      properties: { personEvent: eventMatchSchema, window: { enum: ['ever', 'during'] } },
    },
  ],
} as const;

const countSchema = {
  type: 'object', additionalProperties: false, required: ['kind', 'source'],
  properties: {
    kind: { const: 'count' },
    source: { enum: SOURCE_NAMES },
    where: { type: 'array', maxItems: 20, items: conditionSchema },
    period: { type: 'string', maxLength: 40 },
    distinct: { const: 'person' },
  },
} as const;

/** JSON Schema of a measure (the API validates definitions with it before compiling them). */
export const measureSchema = {
  oneOf: [
    countSchema,
    { type: 'object', additionalProperties: false, required: ['kind', 'numerator', 'denominator'], properties: { kind: { const: 'ratio' }, numerator: countSchema, denominator: countSchema } },
    {
      type: 'object', additionalProperties: false, required: ['kind', 'from', 'to', 'statistic'],
      properties: { kind: { const: 'duration' }, from: eventMatchSchema, to: eventMatchSchema, statistic: { enum: ['median', 'mean', 'p90'] } },
    },
  ],
} as const;

export const targetSchema = {
  anyOf: [
    { type: 'null' },
    { type: 'object', additionalProperties: false, required: ['op', 'value'], properties: { op: { enum: ['>=', '>', '<=', '<', '='] }, value: { type: 'number' } } },
  ],
} as const;
