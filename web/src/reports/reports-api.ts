import { api } from '../api/client';

/** Types and calls of /api/indicators and /api/reports (the dashboard's only server contract). */
export interface IndicatorValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}
export type TargetStatus = 'met' | 'not_met' | 'no_target' | 'no_data';
export interface IndicatorDefinition {
  code: string;
  planCode: string | null;
  name: { vi: string; en: string };
  unit: 'persons' | 'count' | 'percent' | 'days';
  target: { op: string; value: number } | null;
  periodFrom: string;
  periodTo: string;
  jurisdictionCode: string;
  measure: { kind: 'count' | 'ratio' | 'duration' };
}
export interface IndicatorCard {
  indicator: IndicatorDefinition;
  period: { from: string; to: string };
  scopePath: string;
  result: IndicatorValue;
  status: TargetStatus;
}
export interface Plan {
  code: string;
  name: { vi: string; en: string };
  periodFrom: string;
  periodTo: string;
  jurisdictionCode: string;
}
export interface BreakdownRow extends IndicatorValue {
  code: string;
  name: string;
  path: string;
  level: string;
}
export interface TrendPoint extends IndicatorValue {
  from: string;
  to: string;
  label: string;
}
export interface IndicatorDetail extends IndicatorCard {
  breakdown: BreakdownRow[];
  trend: TrendPoint[];
}
export interface DrillRow {
  personId: string | null;
  personName: string | null;
  caseId: string | null;
  caseCode: string | null;
  scope: string;
}
export interface ReportRun {
  id: string;
  kind: 'half_year' | 'annual';
  jurisdictionCode: string;
  periodFrom: string;
  periodTo: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
}

export interface Window {
  jurisdiction?: string;
  from?: string;
  to?: string;
}

export const reportsApi = {
  plans: (signal?: AbortSignal) => api<{ items: Plan[] }>('GET', '/api/indicator-plans', { signal }),
  cards: (q: Window & { plan?: string }, signal?: AbortSignal) => api<{ items: IndicatorCard[] }>('GET', '/api/indicators', { query: { ...q }, signal }),
  detail: (code: string, q: Window & { step?: string; level?: string }, signal?: AbortSignal) =>
    api<IndicatorDetail>('GET', `/api/indicators/${encodeURIComponent(code)}`, { query: { ...q }, signal }),
  drill: (code: string, q: Window & { part?: string }, signal?: AbortSignal) =>
    api<{ items: DrillRow[] }>('GET', `/api/indicators/${encodeURIComponent(code)}/cases`, { query: { ...q }, signal }),
  startReport: (body: { kind: 'half_year' | 'annual'; jurisdictionCode: string; year: number; half?: 1 | 2 }) => api<ReportRun>('POST', '/api/reports', { body }),
  report: (id: string, signal?: AbortSignal) => api<ReportRun>('GET', `/api/reports/${id}`, { signal }),
};
