import { sql, type Kysely } from 'kysely';
import type { AppAbility } from '../auth/abilities';
import type { ServerDatabase } from '../db/schema';
import { compileCount, compileDuration, compileRows, MeasureError, type MeasureContext } from './measure.compiler';
import type { CountMeasure, IndicatorDefinition, Measure, Target } from './measure.types';

export interface Window {
  ability: AppAbility;
  /** jurisdiction path measured ('/99/' …) */
  scopePath: string;
  from: string;
  to: string;
}

export interface IndicatorValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export type TargetStatus = 'met' | 'not_met' | 'no_target' | 'no_data';

export interface BreakdownRow extends IndicatorValue {
  code: string;
  name: string;
  path: string;
  level: string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The SQL columns (value, numerator?, denominator?) of a measure in a context. */
function columns(measure: Measure, ctx: MeasureContext) {
  switch (measure.kind) {
    case 'count':
      return sql`${compileCount(measure, ctx)} AS value`;
    case 'ratio': {
      const n = compileCount(measure.numerator, ctx);
      const d = compileCount(measure.denominator, ctx);
      return sql`${n} AS numerator, ${d} AS denominator`;
    }
    case 'duration':
      return sql`${compileDuration(measure, ctx)} AS value`;
    default:
      throw new MeasureError('unknown measure kind');
  }
}

function toValue(measure: Measure, row: Record<string, unknown>): IndicatorValue {
  if (measure.kind !== 'ratio') {
    const v = num(row.value);
    return { value: v === null ? null : Math.round(v * 10) / 10 };
  }
  const numerator = Number(row.numerator ?? 0);
  const denominator = Number(row.denominator ?? 0);
  return { value: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null, numerator, denominator };
}

/** Compile only (throws MeasureError on names outside the whitelist): used to validate definitions. */
export function checkMeasure(measure: Measure, ability: AppAbility): void {
  columns(measure, { ability, scope: { value: '/' }, from: '2000-01-01', to: '2000-12-31' });
}

export async function evaluate(db: Kysely<ServerDatabase>, measure: Measure, w: Window): Promise<IndicatorValue> {
  const ctx: MeasureContext = { ability: w.ability, scope: { value: w.scopePath }, from: w.from, to: w.to };
  const result = await sql<Record<string, unknown>>`SELECT ${columns(measure, ctx)}`.execute(db);
  return toValue(measure, result.rows[0] ?? {});
}

/** One row per jurisdiction of `level` inside the measured subtree (both map structures). */
export async function breakdown(db: Kysely<ServerDatabase>, measure: Measure, w: Window, level: 'commune' | 'district' = 'commune'): Promise<BreakdownRow[]> {
  const ctx: MeasureContext = { ability: w.ability, scope: { expr: sql.ref('j.path') }, from: w.from, to: w.to };
  const prefix = w.scopePath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const result = await sql<Record<string, unknown> & { code: string; name: string; path: string; level: string }>`
    SELECT j.code, j.name, j.path, j.level, ${columns(measure, ctx)} FROM jurisdiction j
    WHERE j.level = ${level} AND j.path LIKE ${prefix} ORDER BY j.path`.execute(db);
  return result.rows.map((r) => ({ code: r.code, name: r.name, path: r.path, level: r.level, ...toValue(measure, r) }));
}

/** Consecutive sub-periods (half-years or years or quarters) of [from, to]. */
export function periodBuckets(from: string, to: string, months: 3 | 6 | 12): { from: string; to: string; label: string }[] {
  const out: { from: string; to: string; label: string }[] = [];
  const [fy, fm] = from.split('-').map(Number);
  let y = fy;
  let m = Math.floor((fm - 1) / months) * months + 1;
  for (let guard = 0; guard < 200; guard++) {
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    if (start > to) break;
    const endMonth = m + months - 1;
    const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
    const end = `${y}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
    const label = months === 12 ? `${y}` : months === 6 ? `${m === 1 ? '6T đầu' : '6T cuối'} ${y}` : `Q${(m + 2) / 3}/${y}`;
    out.push({ from: start < from ? from : start, to: end > to ? to : end, label });
    m += months;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export async function trend(db: Kysely<ServerDatabase>, measure: Measure, w: Window, months: 3 | 6 | 12): Promise<({ from: string; to: string; label: string } & IndicatorValue)[]> {
  const out = [];
  for (const b of periodBuckets(w.from, w.to, months)) out.push({ ...b, ...(await evaluate(db, measure, { ...w, from: b.from, to: b.to })) });
  return out;
}

export function targetStatus(target: Target | null, v: IndicatorValue): TargetStatus {
  if (!target) return 'no_target';
  if (v.value === null) return 'no_data';
  const x = v.value;
  const ok = { '>=': x >= target.value, '>': x > target.value, '<=': x <= target.value, '<': x < target.value, '=': x === target.value }[target.op];
  return ok ? 'met' : 'not_met';
}

export interface DrillRow {
  personId: string | null;
  personName: string | null;
  caseId: string | null;
  caseCode: string | null;
  scope: string;
}

/** The persons/cases behind a count (part: value, numerator or denominator). */
export async function drill(db: Kysely<ServerDatabase>, measure: Measure, part: 'value' | 'numerator' | 'denominator', w: Window, limit = 500): Promise<DrillRow[]> {
  let count: CountMeasure;
  if (measure.kind === 'count') count = measure;
  else if (measure.kind === 'ratio') count = part === 'denominator' ? measure.denominator : measure.numerator;
  else throw new MeasureError('durations have no drill-down');
  const ctx: MeasureContext = { ability: w.ability, scope: { value: w.scopePath }, from: w.from, to: w.to };
  const rows = await sql<{ person_id: string | null; case_id: string | null; case_code: string | null; scope: string; person_name: string | null }>`
    SELECT r.*, p.full_name AS person_name FROM (${compileRows(count, ctx, limit)}) r LEFT JOIN person p ON p.id = r.person_id`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, personName: r.person_name, caseId: r.case_id, caseCode: r.case_code, scope: r.scope }));
}

export interface IndicatorReport {
  indicator: IndicatorDefinition;
  period: { from: string; to: string };
  scopePath: string;
  result: IndicatorValue;
  status: TargetStatus;
}

/** Every indicator of a list evaluated for one window (dashboard cards, reports). */
export async function evaluateAll(db: Kysely<ServerDatabase>, list: IndicatorDefinition[], w: Omit<Window, 'from' | 'to'> & { from?: string; to?: string }): Promise<IndicatorReport[]> {
  const out: IndicatorReport[] = [];
  for (const indicator of list) {
    const from = w.from ?? indicator.periodFrom;
    const to = w.to ?? indicator.periodTo;
    const result = await evaluate(db, indicator.measure, { ...w, from, to });
    out.push({ indicator, period: { from, to }, scopePath: w.scopePath, result, status: targetStatus(indicator.target, result) });
  }
  return out;
}
