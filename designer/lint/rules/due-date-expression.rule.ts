import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { checkTemporal } from '../expression-syntax';
import { extensionOf, labelOf, stringValue } from '../moddle-helpers';

/**
 * A user task's `zeebe:taskSchedule` dueDate / followUpDate is an ISO 8601 date-time or a FEEL
 * expression that parses (e.g. `=add working days(now(), 5)`).
 */
export default function dueDateExpression(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    const schedule = extensionOf(node, 'zeebe:TaskSchedule');
    if (!schedule) return;
    const labels = { dueDate: 'Hạn xử lý', followUpDate: 'Ngày nhắc' } as const;
    for (const property of ['dueDate', 'followUpDate'] as const) {
      const value = stringValue(schedule, property);
      if (value === undefined) continue;
      const error = checkTemporal(value, 'date-time');
      if (error) reporter.report(node.id ?? '', `${labels[property]} của bước ${labelOf(node)}: ${error}`);
    }
  }
  return { check };
}
