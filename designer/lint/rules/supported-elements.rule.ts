import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { eventDefinitionsOf, labelOf } from '../moddle-helpers';

/** Event definition kinds by short name (`bpmn:TimerEventDefinition` → `timer`). */
type EventKind = 'none' | 'message' | 'timer' | 'signal' | 'error' | 'escalation' | 'terminate' | 'link' | string;

/** Task, gateway and container types the engine executes (DESIGN.md §5.2). */
const ACTIVITIES = [
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ManualTask',
  'bpmn:BusinessRuleTask',
  'bpmn:CallActivity',
];
const GATEWAYS = ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway'];

/** Event kinds the engine supports, per event type. */
const EVENTS: Record<string, EventKind[]> = {
  'bpmn:StartEvent': ['none', 'message', 'timer'],
  'bpmn:EndEvent': ['none', 'terminate', 'error', 'message', 'escalation'],
  'bpmn:IntermediateCatchEvent': ['timer', 'message', 'signal', 'link'],
  'bpmn:IntermediateThrowEvent': ['none', 'message', 'signal', 'escalation', 'link'],
  'bpmn:BoundaryEvent': ['timer', 'message', 'signal', 'error', 'escalation'],
};
/** Start events of an event sub-process may also be triggered by what boundaries catch. */
const EVENT_SUB_PROCESS_STARTS: EventKind[] = ['message', 'timer', 'signal', 'error', 'escalation'];

const NAMES: Record<string, string> = {
  'bpmn:Task': 'bước không xác định loại (task)',
  'bpmn:ScriptTask': 'bước kịch bản (script task)',
  'bpmn:ComplexGateway': 'cổng phức hợp',
  'bpmn:Transaction': 'giao dịch (transaction)',
  'bpmn:AdHocSubProcess': 'quy trình con tùy biến (ad-hoc)',
};

/** Rejects every flow node the engine cannot run, each with its element id. */
export default function supportedElements(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    const id = node.id ?? '';
    const loop = node.loopCharacteristics as ModdleElement | undefined;
    if (loop && !loop.$instanceOf('bpmn:MultiInstanceLoopCharacteristics')) {
      reporter.report(id, `${labelOf(node)}: vòng lặp chuẩn (standard loop) chưa được hỗ trợ, hãy dùng nhiều phiên`);
    }
    if (!node.$instanceOf('bpmn:FlowNode')) return;
    if (node.$instanceOf('bpmn:SubProcess')) {
      if (node.$type !== 'bpmn:SubProcess') unsupported(node, reporter);
      return;
    }
    if (node.$instanceOf('bpmn:Activity')) {
      if (!ACTIVITIES.includes(node.$type)) unsupported(node, reporter);
      return;
    }
    if (node.$instanceOf('bpmn:Gateway')) {
      if (!GATEWAYS.includes(node.$type)) unsupported(node, reporter);
      return;
    }
    const allowed = allowedEventKinds(node);
    if (!allowed) {
      unsupported(node, reporter);
      return;
    }
    const definitions = eventDefinitionsOf(node);
    if (definitions.length > 1) {
      reporter.report(id, `${labelOf(node)}: sự kiện có nhiều định nghĩa (multiple) chưa được hỗ trợ`);
      return;
    }
    const kind = definitions.length ? eventKind(definitions[0]) : 'none';
    if (!allowed.includes(kind)) {
      reporter.report(id, `${labelOf(node)}: ${kindName(kind)} không được hỗ trợ cho loại sự kiện này`);
    }
  }
  return { check };
}

function allowedEventKinds(node: ModdleElement): EventKind[] | undefined {
  const parent = node.$parent;
  if (node.$type === 'bpmn:StartEvent' && parent?.$instanceOf('bpmn:SubProcess') && parent.triggeredByEvent) {
    return EVENT_SUB_PROCESS_STARTS;
  }
  return EVENTS[node.$type];
}

function eventKind(definition: ModdleElement): EventKind {
  return definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').toLowerCase();
}

function kindName(kind: EventKind): string {
  return kind === 'none' ? 'sự kiện không kèm định nghĩa' : `sự kiện loại "${kind}"`;
}

function unsupported(node: ModdleElement, reporter: Reporter): void {
  const name = NAMES[node.$type] ?? node.$type.replace(/^bpmn:/, '');
  reporter.report(node.id ?? '', `${labelOf(node)}: ${name} chưa được công cụ thực thi hỗ trợ`);
}
