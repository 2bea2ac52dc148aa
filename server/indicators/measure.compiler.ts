import { sql, type RawBuilder } from 'kysely';
import type { AppAbility } from '../auth/abilities';
import { accessibleWhere } from '../auth/casl-sql';
import { sources, type SourceSpec } from './measure-sources';
import type { Condition, CountMeasure, DurationMeasure, EventMatch, Scalar } from './measure.types';

/** A measure that names something outside the whitelist (400 INDICATOR_INVALID at the API). */
export class MeasureError extends Error {}

/**
 * Where and when to measure. `scope` is a jurisdiction path: a bound value ('/99/991/'), or a SQL
 * expression of the outer query (the breakdown correlates on `j.path`).
 */
export interface MeasureContext {
  ability: AppAbility;
  scope: { value: string } | { expr: RawBuilder<unknown> };
  from: string;
  to: string;
}

type Sql = RawBuilder<unknown>;
const TRUE = sql`TRUE`;

/** rehab_case.instance_id (text) as a uuid, so joins to history_event use its root_instance_id index. */
const caseRoot = (alias: string): Sql =>
  sql`(CASE WHEN ${sql.ref(`${alias}.instance_id`)} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${sql.ref(`${alias}.instance_id`)})::uuid END)`;

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function scopeCondition(column: Sql, ctx: MeasureContext): Sql {
  if ('value' in ctx.scope) return ctx.scope.value === '/' ? TRUE : sql`${column} LIKE ${likeEscape(ctx.scope.value) + '%'}`;
  return sql`left(${column}, length(${ctx.scope.expr})) = ${ctx.scope.expr}`;
}

function inPeriod(date: Sql, ctx: MeasureContext): Sql {
  return sql`(${date} BETWEEN ${ctx.from}::date AND ${ctx.to}::date)`;
}

function periodCondition(spec: SourceSpec, period: string, ctx: MeasureContext): Sql {
  if (period === 'none') return TRUE;
  if (period === 'overlap') {
    if (!spec.interval) throw new MeasureError('period "overlap" needs a source with intervals (statuses)');
    return sql`(${spec.interval.from} <= ${ctx.to}::date AND coalesce(${spec.interval.to}, 'infinity'::date) >= ${ctx.from}::date)`;
  }
  if (!Object.prototype.hasOwnProperty.call(spec.dates, period)) throw new MeasureError(`unknown period field "${period}"`);
  const date = spec.dates[period];
  return inPeriod(date, ctx);
}

function scalarList(value: Scalar | Scalar[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => String(v));
}

function fieldCondition(spec: SourceSpec, c: { field: string; op: string; value?: Scalar | Scalar[] }): Sql {
  if (!Object.prototype.hasOwnProperty.call(spec.fields, c.field)) throw new MeasureError(`unknown field "${c.field}"`);
  const expr = spec.fields[c.field];
  switch (c.op) {
    case 'null':
      return sql`(${expr} IS NULL)`;
    case 'notNull':
      return sql`(${expr} IS NOT NULL)`;
    case 'eq':
    case 'ne': {
      if (c.value === undefined || Array.isArray(c.value)) throw new MeasureError(`"${c.op}" needs one value`);
      const cmp = sql`(${expr})::text = ${String(c.value)}`;
      return c.op === 'eq' ? sql`(${cmp})` : sql`(NOT coalesce(${cmp}, FALSE))`;
    }
    case 'in':
    case 'nin': {
      const hit = sql`(${expr})::text = ANY(${scalarList(c.value)}::text[])`;
      return c.op === 'in' ? sql`(${hit})` : sql`(NOT coalesce(${hit}, FALSE))`;
    }
    default:
      throw new MeasureError(`unknown operator "${c.op}"`);
  }
}

/** The history events of a person's cases matching `m` (alias `xh`, instance `xi`). */
export function eventMatch(m: EventMatch, alias: { h: string; i: string }): Sql {
  const parts: Sql[] = [sql`${sql.ref(`${alias.h}.type`)} = ${m.type}`];
  if (m.definitionKey) parts.push(sql`${sql.ref(`${alias.i}.definition_key`)} = ${m.definitionKey}`);
  if (m.elementIds?.length) parts.push(sql`${sql.ref(`${alias.h}.element_id`)} = ANY(${m.elementIds}::text[])`);
  return sql.join(parts, sql` AND `);
}

function condition(spec: SourceSpec, c: Condition, ctx: MeasureContext): Sql {
  if ('field' in c) return fieldCondition(spec, c);
  if ('personStatus' in c) {
    const window =
      c.window === 'ever' ? TRUE
        : c.window === 'byEnd' ? sql`(ps.e->>'from')::date <= ${ctx.to}::date`
          : sql`((ps.e->>'from')::date <= ${ctx.to}::date AND coalesce((ps.e->>'to')::date, 'infinity'::date) >= ${ctx.from}::date)`;
    return sql`EXISTS (SELECT 1 FROM person px CROSS JOIN LATERAL jsonb_array_elements(px.statuses) AS ps(e)
      WHERE px.id = ${spec.personId} AND ps.e->>'status' = ANY(${c.personStatus}::text[]) AND ${window})`;
  }
  const window = c.window === 'ever' ? TRUE : inPeriod(sql`(xh.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`, ctx);
  return sql`EXISTS (SELECT 1 FROM rehab_case xc JOIN history_event xh ON xh.root_instance_id = ${caseRoot('xc')}
      JOIN process_instance xi ON xi.id = xh.instance_id
      WHERE xc.person_id = ${spec.personId} AND ${eventMatch(c.personEvent, { h: 'xh', i: 'xi' })} AND ${window})`;
}

/** FROM + WHERE of a count measure: authorization, jurisdiction, period and the measure's filters. */
export function countBody(m: CountMeasure, ctx: MeasureContext): { spec: SourceSpec; body: Sql } {
  if (!Object.prototype.hasOwnProperty.call(sources, m.source)) throw new MeasureError(`unknown source "${String(m.source)}"`);
  const spec = sources[m.source];
  const parts: Sql[] = [
    accessibleWhere(ctx.ability, 'read', spec.subject, spec.columns),
    scopeCondition(spec.scope, ctx),
    periodCondition(spec, m.period ?? spec.defaultPeriod, ctx),
    ...(m.where ?? []).map((c) => condition(spec, c, ctx)),
  ];
  return { spec, body: sql`FROM ${spec.from} WHERE ${sql.join(parts, sql` AND `)}` };
}

/** A scalar subquery: the count (or sum) of the measure. */
export function compileCount(m: CountMeasure, ctx: MeasureContext): Sql {
  const { spec, body } = countBody(m, ctx);
  const agg = m.distinct === 'person' ? sql`count(DISTINCT ${spec.personId})` : spec.aggregate ?? sql`count(*)`;
  return sql`(SELECT ${agg} ${body})`;
}

/** The person, case and jurisdiction of each row behind a count (drill-down). */
export function compileRows(m: CountMeasure, ctx: MeasureContext, limit: number): Sql {
  const { spec, body } = countBody(m, ctx);
  return sql`SELECT DISTINCT ${spec.personId} AS person_id, ${spec.caseId} AS case_id, ${spec.caseCode} AS case_code, ${spec.scope} AS scope ${body} ORDER BY 4, 3 LIMIT ${limit}`;
}

const STATISTIC = {
  median: sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days)`,
  p90: sql`percentile_cont(0.9) WITHIN GROUP (ORDER BY d.days)`,
  mean: sql`avg(d.days)`,
} as const;

/**
 * Per person (of the viewer's subtree): the first `from` event, then the first `to` event at or
 * after it; durations whose end falls in the period feed the statistic (in days).
 */
export function compileDuration(m: DurationMeasure, ctx: MeasureContext): Sql {
  const auth = accessibleWhere(ctx.ability, 'read', 'History', { id: { column: 'fi.id' }, scope: { column: 'fi.scope' } });
  if (!Object.prototype.hasOwnProperty.call(STATISTIC, m.statistic)) throw new MeasureError(`unknown statistic "${String(m.statistic)}"`);
  const statistic = STATISTIC[m.statistic];
  return sql`(SELECT ${statistic} FROM (
      SELECT EXTRACT(EPOCH FROM (e.end_at - s.start_at)) / 86400.0 AS days, e.end_at
      FROM (SELECT fc.person_id, min(fh.at) AS start_at
              FROM history_event fh JOIN process_instance fi ON fi.id = fh.instance_id
              JOIN rehab_case fc ON fc.instance_id = fh.root_instance_id::text
             WHERE ${eventMatch(m.from, { h: 'fh', i: 'fi' })} AND ${auth} AND ${scopeCondition(sql.ref('fi.scope'), ctx)}
             GROUP BY fc.person_id) s
      CROSS JOIN LATERAL (SELECT min(th.at) AS end_at
              FROM history_event th JOIN process_instance ti ON ti.id = th.instance_id
              JOIN rehab_case tc2 ON th.root_instance_id = ${caseRoot('tc2')}
             WHERE tc2.person_id = s.person_id AND th.at >= s.start_at AND ${eventMatch(m.to, { h: 'th', i: 'ti' })}) e
      WHERE e.end_at IS NOT NULL AND ${inPeriod(sql`(e.end_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`, ctx)}
    ) d)`;
}
