/** Reporting periods of the plans' duty "báo cáo định kỳ 06 tháng, năm". */
export type ReportKind = 'half_year' | 'annual';

export interface ReportPeriod {
  kind: ReportKind;
  from: string;
  to: string;
  /** "6 tháng đầu năm 2025" / "năm 2025" */
  label: { vi: string; en: string };
}

export function reportPeriod(kind: ReportKind, year: number, half?: 1 | 2): ReportPeriod {
  if (kind === 'annual') return { kind, from: `${year}-01-01`, to: `${year}-12-31`, label: { vi: `năm ${year}`, en: `year ${year}` } };
  const first = (half ?? 1) === 1;
  return {
    kind,
    from: first ? `${year}-01-01` : `${year}-07-01`,
    to: first ? `${year}-06-30` : `${year}-12-31`,
    label: first ? { vi: `6 tháng đầu năm ${year}`, en: `first half of ${year}` } : { vi: `6 tháng cuối năm ${year}`, en: `second half of ${year}` },
  };
}

/** The last period of `kind` that ended before `today` (YYYY-MM-DD): what a schedule reports. */
export function lastCompletedPeriod(kind: ReportKind, today: string): ReportPeriod {
  const [y, m] = today.split('-').map(Number);
  if (kind === 'annual') return reportPeriod('annual', y - 1);
  return m >= 7 ? reportPeriod('half_year', y, 1) : reportPeriod('half_year', y - 1, 2);
}
