import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { feelSyntaxError, isFeelExpression } from '../expression-syntax';
import { closest, eventDefinitionsOf, extensionOf, labelOf, stringValue } from '../moddle-helpers';

/**
 * Every element waiting for a message (message catch/boundary events, receive tasks, message
 * starts of event sub-processes) references a named message with a `zeebe:subscription
 * correlationKey`. A process-level message start needs only the message name.
 */
export default function messageCorrelationKey(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    const message = waitedMessage(node);
    if (message === undefined) return;
    const id = node.id ?? '';
    if (message === null) {
      reporter.report(id, `${labelOf(node)} chưa chọn thông điệp (messageRef)`);
      return;
    }
    if (!stringValue(message, 'name')?.trim()) {
      reporter.report(id, `Thông điệp ${message.id ?? ''} của ${labelOf(node)} chưa có tên`);
    }
    if (isProcessLevelStart(node)) return;
    const key = stringValue(extensionOf(message, 'zeebe:Subscription'), 'correlationKey');
    if (!key?.trim()) {
      reporter.report(id, `Thông điệp của ${labelOf(node)} chưa có khóa liên kết (correlationKey)`);
    } else if (isFeelExpression(key)) {
      const error = feelSyntaxError(key);
      if (error) reporter.report(id, `Khóa liên kết của ${labelOf(node)}: ${error}`);
    }
  }
  return { check };
}

/** undefined: the element does not wait for a message; null: it does but names none. */
function waitedMessage(node: ModdleElement): ModdleElement | null | undefined {
  if (node.$instanceOf('bpmn:ReceiveTask')) return (node.messageRef as ModdleElement | undefined) ?? null;
  const isCatch = node.$instanceOf('bpmn:CatchEvent');
  if (!isCatch) return undefined;
  const definition = eventDefinitionsOf(node).find((d) => d.$instanceOf('bpmn:MessageEventDefinition'));
  if (!definition) return undefined;
  return (definition.messageRef as ModdleElement | undefined) ?? null;
}

function isProcessLevelStart(node: ModdleElement): boolean {
  if (!node.$instanceOf('bpmn:StartEvent')) return false;
  const subProcess = closest(node.$parent, 'bpmn:SubProcess');
  return !subProcess;
}
