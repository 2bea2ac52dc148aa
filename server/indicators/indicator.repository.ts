import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import type { IndicatorDefinition, IndicatorUnit, Measure, Target } from './measure.types';

export interface PlanRow {
  code: string;
  name: { vi: string; en: string };
  sourceRef: string | null;
  jurisdictionCode: string;
  periodFrom: string;
  periodTo: string;
}

interface IndicatorDbRow {
  code: string;
  plan_code: string | null;
  name_vi: string;
  name_en: string;
  description: { vi?: string; en?: string };
  unit: IndicatorUnit;
  measure: Measure;
  target: Target | null;
  period_from: string;
  period_to: string;
  jurisdiction_code: string;
  sort: number;
}

const indicatorColumns = sql`code, plan_code, name_vi, name_en, description, unit, measure, target,
  to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, jurisdiction_code, sort`;

function toDefinition(r: IndicatorDbRow): IndicatorDefinition {
  return {
    code: r.code, planCode: r.plan_code, name: { vi: r.name_vi, en: r.name_en }, description: r.description, unit: r.unit,
    measure: r.measure, target: r.target, periodFrom: r.period_from, periodTo: r.period_to, jurisdictionCode: r.jurisdiction_code, sort: r.sort,
  };
}

export async function listPlans(db: Kysely<ServerDatabase>): Promise<PlanRow[]> {
  const rows = await sql<{ code: string; name_vi: string; name_en: string; source_ref: string | null; jurisdiction_code: string; period_from: string; period_to: string }>`
    SELECT code, name_vi, name_en, source_ref, jurisdiction_code, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to
    FROM indicator_plan ORDER BY period_from DESC, code`.execute(db);
  return rows.rows.map((r) => ({ code: r.code, name: { vi: r.name_vi, en: r.name_en }, sourceRef: r.source_ref, jurisdictionCode: r.jurisdiction_code, periodFrom: r.period_from, periodTo: r.period_to }));
}

export async function listIndicators(db: Kysely<ServerDatabase>, filter: { planCode?: string } = {}): Promise<IndicatorDefinition[]> {
  const rows = await sql<IndicatorDbRow>`SELECT ${indicatorColumns} FROM indicator
    WHERE ${filter.planCode ? sql`plan_code = ${filter.planCode}` : sql`TRUE`} ORDER BY period_to DESC, plan_code NULLS LAST, sort, code`.execute(db);
  return rows.rows.map(toDefinition);
}

export async function findIndicator(db: Kysely<ServerDatabase>, code: string): Promise<IndicatorDefinition | undefined> {
  const rows = await sql<IndicatorDbRow>`SELECT ${indicatorColumns} FROM indicator WHERE code = ${code}`.execute(db);
  return rows.rows[0] ? toDefinition(rows.rows[0]) : undefined;
}

/** Insert or replace one definition (admin edit). */
export async function upsertIndicator(db: Kysely<ServerDatabase>, d: IndicatorDefinition, now: Date): Promise<void> {
  await sql`INSERT INTO indicator (code, plan_code, name_vi, name_en, description, unit, measure, target, period_from, period_to, jurisdiction_code, sort, updated_at)
    VALUES (${d.code}, ${d.planCode}, ${d.name.vi}, ${d.name.en}, ${JSON.stringify(d.description ?? {})}::jsonb, ${d.unit}, ${JSON.stringify(d.measure)}::jsonb,
            ${d.target ? JSON.stringify(d.target) : null}::jsonb, ${d.periodFrom}::date, ${d.periodTo}::date, ${d.jurisdictionCode}, ${d.sort}, ${now})
    ON CONFLICT (code) DO UPDATE SET plan_code = EXCLUDED.plan_code, name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en,
      description = EXCLUDED.description, unit = EXCLUDED.unit, measure = EXCLUDED.measure, target = EXCLUDED.target,
      period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to, jurisdiction_code = EXCLUDED.jurisdiction_code,
      sort = EXCLUDED.sort, updated_at = EXCLUDED.updated_at`.execute(db);
}

export async function addObservation(
  db: Kysely<ServerDatabase>,
  o: { indicatorCode: string; scope: string; observedOn: string; value: number; note: string | null; createdBy: string | null },
  now: Date,
): Promise<string> {
  const row = await sql<{ id: string }>`INSERT INTO indicator_observation (indicator_code, scope, observed_on, value, note, created_by, created_at)
    VALUES (${o.indicatorCode}, ${o.scope}, ${o.observedOn}::date, ${o.value}, ${o.note}, ${o.createdBy}, ${now}) RETURNING id`.execute(db);
  return row.rows[0].id;
}

/** A jurisdiction by code (path, level, structure) for scoping requests. */
export async function jurisdictionByCode(db: Kysely<ServerDatabase>, code: string) {
  return db.selectFrom('jurisdiction').select(['id', 'code', 'name', 'path', 'level', 'structure']).where('code', '=', code).executeTakeFirst();
}
