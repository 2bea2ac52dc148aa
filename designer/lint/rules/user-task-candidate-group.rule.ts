import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { feelSyntaxError, isFeelExpression } from '../expression-syntax';
import { extensionOf, labelOf, stringValue } from '../moddle-helpers';

/**
 * Every user task names the agencies that may take it: `zeebe:assignmentDefinition
 * candidateGroups` (a list like `police:19300` or a FEEL expression building it).
 */
export default function userTaskCandidateGroup(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    const groups = stringValue(extensionOf(node, 'zeebe:AssignmentDefinition'), 'candidateGroups');
    if (!groups?.trim()) {
      reporter.report(node.id ?? '', `Bước ${labelOf(node)} chưa có nhóm được giao (candidateGroups)`);
      return;
    }
    if (isFeelExpression(groups)) {
      const error = feelSyntaxError(groups);
      if (error) reporter.report(node.id ?? '', `Nhóm được giao của bước ${labelOf(node)}: ${error}`);
    }
  }
  return { check };
}
