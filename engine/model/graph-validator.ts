import type { DeployProblem } from '../errors';
import { feelSyntaxError, isExpression, stripEquals } from '../feel/feel-evaluator';
import { isDuration, parseCycle, parseDate } from '../feel/timer-spec';
import type { GraphElement, ProcessGraph } from './graph.types';

const START_KINDS: Record<string, string[]> = {
  process: ['none', 'message', 'timer', 'signal'],
  subProcess: ['none'],
  eventSubProcess: ['message', 'timer', 'signal', 'error', 'escalation'],
};
const END_KINDS = ['none', 'terminate', 'error', 'escalation', 'message', 'signal'];
const CATCH_KINDS = ['message', 'timer', 'signal', 'link'];
const THROW_KINDS = ['none', 'message', 'signal', 'escalation', 'link'];
const BOUNDARY_KINDS = ['timer', 'message', 'signal', 'error', 'escalation'];
const GATEWAYS = new Set(['exclusiveGateway', 'inclusiveGateway']);
/** Elements that may carry asyncBefore / asyncAfter (activities; not event subprocesses). */
const ASYNC_CAPABLE = new Set([
  'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'manualTask', 'task', 'businessRuleTask', 'scriptTask',
  'subProcess', 'callActivity',
]);

/** Semantic checks of a compiled graph; fills `joinReach`. Form existence is checked by deploy. */
export function validateGraph(graph: ProcessGraph): DeployProblem[] {
  const problems: DeployProblem[] = [];
  const add = (elementId: string | null, message: string) => problems.push({ elementId, message });
  for (const element of graph.elements.values()) checkElement(graph, element, add);
  for (const flow of graph.flows.values()) {
    if (!graph.elements.has(flow.source) || !graph.elements.has(flow.target)) {
      add(flow.id, 'sequence flow with a missing source or target');
    }
    if (flow.condition) checkFeel(flow.id, stripEquals(flow.condition), add);
    const source = graph.elements.get(flow.source);
    if (source && GATEWAYS.has(source.type) && source.outgoing.length > 1 && !flow.condition && source.defaultFlow !== flow.id) {
      add(flow.id, `flow out of ${source.type} ${source.id} has no condition and is not the default flow`);
    }
  }
  checkReachability(graph, add);
  computeJoinReach(graph);
  return problems;
}

type Add = (elementId: string | null, message: string) => void;

function checkElement(graph: ProcessGraph, element: GraphElement, add: Add): void {
  const { id, type, eventKind } = element;
  if (eventKind === 'unsupported') add(id, `unsupported event definition on ${type}`);
  if ((element.asyncBefore || element.asyncAfter) && (!ASYNC_CAPABLE.has(type) || element.triggeredByEvent)) {
    add(id, `asyncBefore / asyncAfter is supported on activities only, not on ${type}`);
  }
  const scope = element.scopeId ? graph.elements.get(element.scopeId) : undefined;
  if (type === 'startEvent') {
    const scopeKind = scope?.type === 'process' ? 'process' : scope?.triggeredByEvent ? 'eventSubProcess' : 'subProcess';
    if (!START_KINDS[scopeKind]?.includes(eventKind)) add(id, `${eventKind} start event is not supported in a ${scopeKind}`);
  }
  if (type === 'endEvent' && !END_KINDS.includes(eventKind)) add(id, `${eventKind} end event is not supported`);
  if (type === 'intermediateCatchEvent' && !CATCH_KINDS.includes(eventKind)) add(id, `${eventKind} intermediate catch event is not supported`);
  if (type === 'intermediateThrowEvent' && !THROW_KINDS.includes(eventKind)) add(id, `${eventKind} intermediate throw event is not supported`);
  if (type === 'boundaryEvent') {
    if (!BOUNDARY_KINDS.includes(eventKind)) add(id, `${eventKind} boundary event is not supported`);
    if (!element.attachedTo || !graph.elements.has(element.attachedTo)) add(id, 'boundary event is not attached to an activity');
  }
  if (eventKind === 'message') {
    if (!element.messageName) add(id, 'message event without a message name');
    const needsKey = type !== 'startEvent' || scope?.triggeredByEvent;
    const throwing = type === 'endEvent' || type === 'intermediateThrowEvent';
    if (needsKey && !throwing && !element.correlationKey) add(id, 'message catch event without a zeebe:subscription correlationKey');
  }
  if ((type === 'receiveTask') && (!element.messageName || !element.correlationKey)) add(id, 'receive task needs a message with a correlationKey');
  if (eventKind === 'signal' && !element.signalName) add(id, 'signal event without a signal name');
  if (eventKind === 'link' && !element.linkName) add(id, 'link event without a name');
  if (type === 'intermediateThrowEvent' && eventKind === 'link' && element.linkName
    && !graph.linkTargets.has(`${element.scopeId}|${element.linkName}`)) add(id, `no link catch event named ${element.linkName}`);
  if (eventKind === 'timer') checkTimer(element, add);
  const ttl = element.properties.messageTtl;
  if (ttl !== undefined && !isDuration(ttl)) add(id, `messageTtl ${ttl} is not an ISO 8601 duration`);
  const key = element.properties.correlationKey;
  if (key !== undefined && isExpression(key)) checkFeel(id, stripEquals(key), add);
  if (type === 'serviceTask' && !element.jobType) add(id, 'service task without zeebe:taskDefinition type');
  if (type === 'sendTask' && !element.jobType && !element.messageName) add(id, 'send task needs a zeebe:taskDefinition or a message');
  if (type === 'scriptTask' && !element.script && !element.jobType) add(id, 'script task needs zeebe:script or zeebe:taskDefinition');
  if (type === 'businessRuleTask' && !element.script && !element.jobType) {
    add(id, 'business rule task needs a FEEL expression (zeebe:properties expression/resultVariable) or zeebe:taskDefinition');
  }
  if (type === 'callActivity' && !element.called) add(id, 'call activity without a called process id');
  if (element.mi?.completionCondition === 'unsupported-standard-loop') add(id, 'standard loop characteristics are not supported');
  else if (element.mi && !element.mi.inputCollection && !element.mi.loopCardinality) add(id, 'multi-instance without inputCollection');
  if (type === 'subProcess' && !element.triggeredByEvent && !element.noneStartId) add(id, 'subprocess without a none start event');
  if (type === 'process' && !element.noneStartId && !hasEventStart(graph, element)) add(id, 'process without a start event');
  for (const expression of expressionsOf(element)) {
    if (isExpression(expression)) checkFeel(id, expression.trim().slice(1), add);
  }
  if (element.mi?.completionCondition && element.mi.completionCondition !== 'unsupported-standard-loop') {
    checkFeel(id, stripEquals(element.mi.completionCondition), add);
  }
  if (element.script) checkFeel(id, stripEquals(element.script.expression), add);
}

function hasEventStart(graph: ProcessGraph, process: GraphElement): boolean {
  for (const element of graph.elements.values()) {
    if (element.type === 'startEvent' && element.scopeId === process.id) return true;
  }
  return false;
}

function expressionsOf(element: GraphElement): string[] {
  const list: (string | null | undefined)[] = [
    element.correlationKey, element.jobType, element.jobRetries, element.called?.processId,
    element.mi?.inputCollection, element.mi?.outputElement, element.mi?.loopCardinality,
    ...element.inputs.map((m) => m.source), ...element.outputs.map((m) => m.source),
  ];
  if (element.user) list.push(...Object.values(element.user));
  return list.filter((value): value is string => typeof value === 'string');
}

function checkTimer(element: GraphElement, add: Add): void {
  const timer = element.timer;
  if (!timer) {
    add(element.id, 'timer event without timeDuration, timeDate or timeCycle');
    return;
  }
  if (isExpression(timer.expression)) return; // FEEL: checked as an expression, evaluated at run time
  try {
    if (timer.kind === 'duration' && !isDuration(timer.expression)) throw new Error(`invalid duration ${timer.expression}`);
    if (timer.kind === 'date') parseDate(timer.expression);
    if (timer.kind === 'cycle') parseCycle(timer.expression);
  } catch (error) {
    add(element.id, (error as Error).message);
  }
  if (timer.kind === 'cycle' && element.type === 'boundaryEvent' && element.interrupting) {
    add(element.id, 'an interrupting boundary timer cannot have a cycle');
  }
}

function checkFeel(id: string, expression: string, add: Add): void {
  const error = feelSyntaxError(expression);
  if (error) add(id, `FEEL syntax error in "${expression}": ${error}`);
}

/** Unreachable elements (no path from a start) and dead ends (no way out, not an end). */
function checkReachability(graph: ProcessGraph, add: Add): void {
  const next = successors(graph);
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const element of graph.elements.values()) {
    if (element.type === 'startEvent' || element.type === 'process' || (element.type === 'subProcess' && element.triggeredByEvent)) {
      queue.push(element.id);
    }
  }
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const target of next.get(id) ?? []) queue.push(target);
  }
  for (const element of graph.elements.values()) {
    if (element.type === 'process') continue;
    if (!seen.has(element.id)) add(element.id, `${element.type} ${element.id} is unreachable`);
    const ends = element.type === 'endEvent' || (element.type === 'intermediateThrowEvent' && element.eventKind === 'link')
      || (element.type === 'subProcess' && element.triggeredByEvent);
    if (!ends && element.outgoing.length === 0) add(element.id, `${element.type} ${element.id} is a dead end (no outgoing flow)`);
  }
}

/** Successor relation: flows, activity → boundary, scope → its starts, link throw → catch. */
function successors(graph: ProcessGraph): Map<string, string[]> {
  const next = new Map<string, string[]>();
  const push = (from: string, to: string) => {
    const list = next.get(from) ?? [];
    list.push(to);
    next.set(from, list);
  };
  for (const flow of graph.flows.values()) push(flow.source, flow.target);
  for (const element of graph.elements.values()) {
    if (element.attachedTo) push(element.attachedTo, element.id);
    if (element.scopeId && (element.type === 'startEvent' || element.triggeredByEvent)) push(element.scopeId, element.id);
    if (element.type === 'intermediateThrowEvent' && element.linkName) {
      const target = graph.linkTargets.get(`${element.scopeId}|${element.linkName}`);
      if (target) push(element.id, target);
    }
  }
  return next;
}

/** For each inclusive join: every element of its scope with a path to it that avoids it. */
function computeJoinReach(graph: ProcessGraph): void {
  const next = successors(graph);
  const previous = new Map<string, string[]>();
  for (const [from, targets] of next) {
    for (const to of targets) previous.set(to, [...(previous.get(to) ?? []), from]);
  }
  for (const join of graph.elements.values()) {
    if (join.type !== 'inclusiveGateway' || join.incoming.length < 2) continue;
    const reach = new Set<string>();
    const queue = [...(previous.get(join.id) ?? [])];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      if (id === join.id || reach.has(id)) continue;
      const element = graph.elements.get(id);
      if (!element || element.scopeId !== join.scopeId) continue;
      reach.add(id);
      queue.push(...(previous.get(id) ?? []));
    }
    graph.joinReach.set(join.id, reach);
  }
}
