import type { Kysely } from 'kysely';
import type { AppAbility } from '../auth/abilities';
import type { ServerDatabase } from '../db/schema';
import { listIndicators } from '../indicators/indicator.repository';
import { breakdown, evaluate, targetStatus, type BreakdownRow, type IndicatorValue, type TargetStatus } from '../indicators/indicator.service';
import type { IndicatorDefinition } from '../indicators/measure.types';
import type { ReportPeriod } from './report-period';

export interface ReportLine {
  indicator: IndicatorDefinition;
  result: IndicatorValue;
  status: TargetStatus;
  byCommune: BreakdownRow[];
}

export interface ReportData {
  jurisdiction: { code: string; name: string; path: string };
  period: ReportPeriod;
  generatedAt: Date;
  lines: ReportLine[];
}

/**
 * Every indicator whose plan period overlaps the report period, computed for the report period on
 * the jurisdiction's subtree (as the requesting viewer may see it), with the breakdown by commune.
 */
export async function collectReportData(
  db: Kysely<ServerDatabase>,
  input: { ability: AppAbility; jurisdiction: { code: string; name: string; path: string }; period: ReportPeriod; now: Date },
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<ReportData> {
  const all = await listIndicators(db);
  const list = all.filter((i) => i.periodFrom <= input.period.to && i.periodTo >= input.period.from);
  const lines: ReportLine[] = [];
  for (const [n, indicator] of list.entries()) {
    const w = { ability: input.ability, scopePath: input.jurisdiction.path, from: input.period.from, to: input.period.to };
    const result = await evaluate(db, indicator.measure, w);
    lines.push({ indicator, result, status: targetStatus(indicator.target, result), byCommune: await breakdown(db, indicator.measure, w) });
    await onProgress(n + 1, list.length);
  }
  return { jurisdiction: input.jurisdiction, period: input.period, generatedAt: input.now, lines };
}
