import type { DeployProblem } from '../errors';
import type { ModdleElement } from './bpmn-reader';
import type {
  CalledElementSpec, EventKind, GraphElement, GraphFlow, IoMapping, MultiInstanceSpec, ProcessGraph, TimerSpec,
} from './graph.types';

/** Element types the engine executes; anything else in a process is reported as unsupported. */
const EXECUTABLE = new Set([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'manualTask', 'task', 'businessRuleTask', 'scriptTask',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway',
  'subProcess', 'callActivity',
]);
/** Flow elements with no execution semantics (data, artifacts) are ignored. */
const IGNORED = new Set(['dataObject', 'dataObjectReference', 'dataStoreReference']);

export interface CompileResult {
  graphs: ProcessGraph[];
  problems: DeployProblem[];
}

export function compileDefinitions(definitions: ModdleElement): CompileResult {
  const problems: DeployProblem[] = [];
  const graphs: ProcessGraph[] = [];
  for (const root of list(definitions.rootElements)) {
    if (root.$type !== 'bpmn:Process') continue;
    if (list(root.flowElements).length === 0) continue; // a black-box pool of a collaboration
    graphs.push(compileProcess(root, problems));
  }
  if (graphs.length === 0) problems.push({ elementId: null, message: 'no process with flow elements in the model' });
  return { graphs, problems };
}

function compileProcess(process: ModdleElement, problems: DeployProblem[]): ProcessGraph {
  const graph: ProcessGraph = {
    processId: process.id ?? 'process',
    name: process.name ?? null,
    versionTag: ext(process, 'zeebe:VersionTag')?.value as string | undefined ?? null,
    elements: new Map(),
    flows: new Map(),
    joinReach: new Map(),
    linkTargets: new Map(),
  };
  const processElement = baseElement(process, 'process', null);
  graph.elements.set(processElement.id, processElement);
  compileScope(process, processElement, graph, problems);
  for (const element of graph.elements.values()) {
    if (element.attachedTo) graph.elements.get(element.attachedTo)?.boundaries.push(element.id);
  }
  return graph;
}

function compileScope(container: ModdleElement, scope: GraphElement, graph: ProcessGraph, problems: DeployProblem[]): void {
  for (const node of list(container.flowElements)) {
    const type = localType(node.$type);
    const id = node.id ?? '';
    if (type === 'sequenceFlow') {
      const condition = (node.conditionExpression as ModdleElement | undefined)?.body as string | undefined;
      const flow: GraphFlow = {
        id,
        source: (node.sourceRef as ModdleElement | undefined)?.id ?? '',
        target: (node.targetRef as ModdleElement | undefined)?.id ?? '',
        condition: condition?.trim() ? condition.trim() : null,
      };
      graph.flows.set(id, flow);
      continue;
    }
    if (IGNORED.has(type)) continue;
    const element = baseElement(node, type, scope.id);
    graph.elements.set(id, element);
    if (!EXECUTABLE.has(type)) {
      problems.push({ elementId: id, message: `unsupported element ${node.$type}` });
      continue;
    }
    if (type === 'subProcess') {
      if (node.triggeredByEvent) scope.eventSubProcesses.push(id);
      compileScope(node, element, graph, problems);
    }
    if (type === 'startEvent' && element.eventKind === 'none' && !scope.triggeredByEvent) scope.noneStartId = id;
    if (type === 'intermediateCatchEvent' && element.eventKind === 'link' && element.linkName) {
      graph.linkTargets.set(`${scope.id}|${element.linkName}`, id);
    }
  }
  for (const flow of graph.flows.values()) {
    graph.elements.get(flow.source)?.outgoing.push(flow.id);
    graph.elements.get(flow.target)?.incoming.push(flow.id);
  }
  // outgoing/incoming are filled once per scope pass; dedupe for nested scopes
  for (const element of graph.elements.values()) {
    element.outgoing = [...new Set(element.outgoing)];
    element.incoming = [...new Set(element.incoming)];
  }
}

function baseElement(node: ModdleElement, type: string, scopeId: string | null): GraphElement {
  const eventDefinition = list(node.eventDefinitions)[0];
  const eventKind = eventKindOf(node, eventDefinition);
  const element: GraphElement = {
    id: node.id ?? '',
    type,
    name: node.name ?? null,
    scopeId,
    incoming: [],
    outgoing: [],
    defaultFlow: (node.default as ModdleElement | undefined)?.id ?? null,
    eventKind,
    interrupting: type === 'boundaryEvent' ? node.cancelActivity !== false : node.isInterrupting !== false,
    attachedTo: (node.attachedToRef as ModdleElement | undefined)?.id ?? null,
    boundaries: [],
    noneStartId: null,
    eventSubProcesses: [],
    triggeredByEvent: node.triggeredByEvent === true,
    messageName: null,
    correlationKey: null,
    signalName: null,
    code: null,
    linkName: null,
    timer: null,
    jobType: null,
    jobRetries: null,
    headers: {},
    user: null,
    inputs: [],
    outputs: [],
    called: null,
    mi: null,
    script: null,
    properties: {},
    asyncBefore: false,
    asyncAfter: false,
  };
  if (eventDefinition) applyEventDefinition(element, eventDefinition, node);
  const messageRef = node.messageRef as ModdleElement | undefined;
  if (type === 'receiveTask' || type === 'sendTask') applyMessage(element, messageRef);
  const taskDefinition = ext(node, 'zeebe:TaskDefinition');
  if (taskDefinition) {
    element.jobType = (taskDefinition.type as string | undefined) ?? null;
    element.jobRetries = (taskDefinition.retries as string | undefined) ?? null;
  }
  for (const header of list(ext(node, 'zeebe:TaskHeaders')?.values)) {
    element.headers[String(header.key)] = String(header.value ?? '');
  }
  for (const property of list(ext(node, 'zeebe:Properties')?.properties)) {
    element.properties[String(property.name)] = String(property.value ?? '');
  }
  element.asyncBefore = asyncFlag(node, element.properties, 'asyncBefore');
  element.asyncAfter = asyncFlag(node, element.properties, 'asyncAfter');
  const io = ext(node, 'zeebe:IoMapping');
  if (io) {
    element.inputs = list(io.inputParameters).map(mapping);
    element.outputs = list(io.outputParameters).map(mapping);
  }
  if (type === 'userTask') element.user = userSpec(node);
  if (type === 'callActivity') element.called = calledSpec(node);
  if (type === 'scriptTask' || type === 'businessRuleTask') {
    const script = ext(node, 'zeebe:Script');
    const expression = (script?.expression as string | undefined) ?? element.properties.expression;
    if (expression) {
      element.script = {
        expression,
        resultVariable: (script?.resultVariable as string | undefined) ?? element.properties.resultVariable ?? null,
      };
    }
  }
  const loop = node.loopCharacteristics as ModdleElement | undefined;
  if (loop) element.mi = miSpec(loop);
  return element;
}

function eventKindOf(node: ModdleElement, definition: ModdleElement | undefined): EventKind {
  if (!definition) return 'none';
  if (list(node.eventDefinitions).length > 1) return 'unsupported';
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition': return 'message';
    case 'bpmn:TimerEventDefinition': return 'timer';
    case 'bpmn:SignalEventDefinition': return 'signal';
    case 'bpmn:ErrorEventDefinition': return 'error';
    case 'bpmn:EscalationEventDefinition': return 'escalation';
    case 'bpmn:TerminateEventDefinition': return 'terminate';
    case 'bpmn:LinkEventDefinition': return 'link';
    default: return 'unsupported';
  }
}

function applyEventDefinition(element: GraphElement, definition: ModdleElement, node: ModdleElement): void {
  switch (element.eventKind) {
    case 'message':
      applyMessage(element, (definition.messageRef as ModdleElement | undefined) ?? (node.messageRef as ModdleElement | undefined));
      break;
    case 'signal':
      element.signalName = ((definition.signalRef as ModdleElement | undefined)?.name as string | undefined) ?? null;
      break;
    case 'error':
      element.code = ((definition.errorRef as ModdleElement | undefined)?.errorCode as string | undefined) ?? null;
      break;
    case 'escalation':
      element.code = ((definition.escalationRef as ModdleElement | undefined)?.escalationCode as string | undefined) ?? null;
      break;
    case 'link':
      element.linkName = (definition.name as string | undefined) ?? null;
      break;
    case 'timer':
      element.timer = timerSpec(definition);
      break;
    default:
      break;
  }
}

function applyMessage(element: GraphElement, message: ModdleElement | undefined): void {
  if (!message) return;
  element.messageName = (message.name as string | undefined) ?? null;
  element.correlationKey = (ext(message, 'zeebe:Subscription')?.correlationKey as string | undefined) ?? null;
}

function timerSpec(definition: ModdleElement): TimerSpec | null {
  for (const kind of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
    const body = (definition[kind] as ModdleElement | undefined)?.body as string | undefined;
    if (body?.trim()) {
      return { kind: kind === 'timeDuration' ? 'duration' : kind === 'timeDate' ? 'date' : 'cycle', expression: body.trim() };
    }
  }
  return null;
}

function userSpec(node: ModdleElement) {
  const assignment = ext(node, 'zeebe:AssignmentDefinition');
  const form = ext(node, 'zeebe:FormDefinition');
  const schedule = ext(node, 'zeebe:TaskSchedule');
  const priority = ext(node, 'zeebe:PriorityDefinition');
  const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
  return {
    assignee: str(assignment?.assignee),
    candidateGroups: str(assignment?.candidateGroups),
    candidateUsers: str(assignment?.candidateUsers),
    formKey: str(form?.formId) ?? str(form?.formKey),
    dueDate: str(schedule?.dueDate),
    followUpDate: str(schedule?.followUpDate),
    priority: str(priority?.priority),
  };
}

function calledSpec(node: ModdleElement): CalledElementSpec | null {
  const called = ext(node, 'zeebe:CalledElement');
  const processId = (called?.processId as string | undefined) ?? (node.calledElement as string | undefined);
  if (!processId) return null;
  const binding = called?.bindingType as string | undefined;
  return {
    processId,
    bindingType: binding === 'deployment' || binding === 'versionTag' ? binding : 'latest',
    versionTag: (called?.versionTag as string | undefined) ?? null,
    propagateAllChildVariables: called?.propagateAllChildVariables !== false,
    propagateAllParentVariables: called?.propagateAllParentVariables !== false,
  };
}

function miSpec(loop: ModdleElement): MultiInstanceSpec | null {
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    return { sequential: false, inputCollection: null, inputElement: null, outputCollection: null, outputElement: null, completionCondition: 'unsupported-standard-loop', loopCardinality: null };
  }
  const zeebe = ext(loop, 'zeebe:LoopCharacteristics');
  return {
    sequential: loop.isSequential === true,
    inputCollection: (zeebe?.inputCollection as string | undefined) ?? null,
    inputElement: (zeebe?.inputElement as string | undefined) ?? null,
    outputCollection: (zeebe?.outputCollection as string | undefined) ?? null,
    outputElement: (zeebe?.outputElement as string | undefined) ?? null,
    completionCondition: ((loop.completionCondition as ModdleElement | undefined)?.body as string | undefined) ?? null,
    loopCardinality: ((loop.loopCardinality as ModdleElement | undefined)?.body as string | undefined) ?? null,
  };
}

const CAMUNDA_7_NS = 'http://camunda.org/schema/1.0/bpmn';

/**
 * Async continuation flag (docs/decisions.md): `<zeebe:property name="asyncBefore" value="true"/>`
 * in zeebe:properties, or a Camunda 7 `camunda:asyncBefore="true"` attribute (any prefix bound to
 * the Camunda 7 namespace), which bpmn-moddle keeps in `$attrs` without a warning.
 */
function asyncFlag(node: ModdleElement, properties: Record<string, string>, name: 'asyncBefore' | 'asyncAfter'): boolean {
  if (name in properties) return properties[name].trim().toLowerCase() === 'true';
  const attrs = (node.$attrs ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(attrs)) {
    const [prefix, local] = key.includes(':') ? key.split(':', 2) : ['', key];
    if (local !== name || !prefix || namespaceOf(node, prefix) !== CAMUNDA_7_NS) continue;
    return String(value).trim().toLowerCase() === 'true';
  }
  return false;
}

function namespaceOf(node: ModdleElement | undefined, prefix: string): string | null {
  for (let current = node; current; current = current.$parent) {
    const value = ((current.$attrs ?? {}) as Record<string, unknown>)[`xmlns:${prefix}`];
    if (typeof value === 'string') return value;
  }
  return null;
}

function mapping(node: ModdleElement): IoMapping {
  return { source: String(node.source ?? ''), target: String(node.target ?? '') };
}

export function ext(node: ModdleElement, type: string): ModdleElement | undefined {
  const extensions = node.extensionElements as ModdleElement | undefined;
  return list(extensions?.values).find((value) => value.$type === type);
}

export function list(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function localType(type: string): string {
  const name = type.slice(type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
}
