import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { extensionOf, labelOf, stringValue } from '../moddle-helpers';

/** Every user task links one of our forms: `zeebe:formDefinition formId="…"`. */
export default function userTaskForm(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    const formId = stringValue(extensionOf(node, 'zeebe:FormDefinition'), 'formId');
    if (!formId?.trim()) {
      reporter.report(node.id ?? '', `Bước ${labelOf(node)} chưa gắn biểu mẫu (zeebe:formDefinition formId)`);
    }
  }
  return { check };
}
