import type { Problem, ProblemCategory } from '../lint/lint-bpmn';

/** One report as bpmn-js-bpmnlint passes it in `linting.completed` (grouped by element id). */
interface LintingReport {
  id?: string;
  actualElementId?: string;
  message: string;
  category: ProblemCategory | 'rule-error';
  rule?: string;
}

/** Flattens bpmn-js-bpmnlint's grouped issues into our Problem list, errors first. */
export function problemsFromIssues(issues: Record<string, LintingReport[]>): Problem[] {
  const problems: Problem[] = [];
  for (const [elementId, reports] of Object.entries(issues)) {
    for (const report of reports) {
      const rule = report.rule ?? '';
      problems.push({
        id: report.actualElementId ?? report.id ?? elementId,
        message: report.message,
        category: report.category === 'rule-error' ? 'error' : report.category,
        rule: rule.includes('/') ? rule : `bpmnlint/${rule}`,
      });
    }
  }
  const order: Record<ProblemCategory, number> = { error: 0, warn: 1, info: 2 };
  return problems.sort((a, b) => order[a.category] - order[b.category] || a.id.localeCompare(b.id));
}
