import type { Variables } from '../behaviors/behavior.types';
import type { GraphElement } from '../model/graph.types';
import { HistoryEvent } from './history-events';
import { assertTransition } from './lifecycle';
import type { Runner } from './runner';
import type { ExecutionRow } from './state.types';

/** Terminates an execution and everything below it (children first, called instances too). */
export function terminateExecution(runner: Runner, execution: ExecutionRow): void {
  for (const child of runner.state.childrenOf(execution.id)) terminateExecution(runner, child);
  for (const instance of runner.state.instances.values()) {
    if (instance.parent_execution_id === execution.id && instance.state === 'active') {
      const root = runner.state.executions.get(instance.id);
      if (root) {
        for (const child of runner.state.childrenOf(root.id)) terminateExecution(runner, child);
        runner.cleanup(root);
      }
      runner.finishInstance(root ?? execution, 'terminated', {});
    }
  }
  for (const task of runner.state.tasks.values()) {
    if (task.execution_id === execution.id && task.state === 'created') {
      runner.state.putTask({ ...task, state: 'cancelled', completed_at: runner.nowIso });
      runner.history(HistoryEvent.taskCancelled, execution, { taskId: task.id });
    }
  }
  // a token waiting at an async boundary was never entered (before) or already completed (after)
  if (!execution.data.async) {
    assertTransition(execution.element_id, execution.state, 'terminating');
    runner.history(HistoryEvent.elementTerminated, execution);
  }
  runner.cleanup(execution);
}

/**
 * An event arrived for `execution` (message, timer, signal): a boundary of the activity, a start
 * of an event subprocess of the scope, a branch of an event-based gateway, or the catch itself.
 */
export function fireEvent(runner: Runner, execution: ExecutionRow, eventId: string, variables: Variables): void {
  const graph = runner.graphOf(execution);
  const event = graph.elements.get(eventId);
  if (!event) return;
  const scope = event.scopeId ? graph.elements.get(event.scopeId) : undefined;
  if (event.type === 'boundaryEvent') {
    const parentId = execution.parent_id ?? '';
    if (event.interrupting) terminateExecution(runner, execution);
    runner.push({ op: 'activate', instanceId: execution.instance_id, parentId, elementId: event.id, flowId: null, triggered: variables });
    return;
  }
  if (event.type === 'startEvent' && scope?.triggeredByEvent) {
    startEventSubProcess(runner, execution, scope, event, variables);
    return;
  }
  const element = runner.elementOf(execution);
  if (element.type === 'eventBasedGateway') {
    const flowId = element.outgoing.find((id) => graph.flows.get(id)?.target === event.id) ?? null;
    assertTransition(element.id, execution.state, 'completing');
    runner.history(HistoryEvent.elementCompleted, execution, { element });
    runner.cleanup(execution);
    runner.push({
      op: 'activate', instanceId: execution.instance_id, parentId: execution.parent_id ?? '', elementId: event.id,
      flowId, triggered: variables,
    });
    return;
  }
  runner.push({ op: 'trigger', executionId: execution.id, trigger: { kind: 'event', variables } });
}

function startEventSubProcess(
  runner: Runner, scopeExecution: ExecutionRow, esp: GraphElement, start: GraphElement, variables: Variables,
): void {
  if (start.interrupting) {
    for (const child of runner.state.childrenOf(scopeExecution.id)) terminateExecution(runner, child);
    for (const subscription of [...runner.state.subscriptions.values()]) {
      if (subscription.execution_id === scopeExecution.id) runner.state.deleteSubscription(subscription.id);
    }
    for (const job of [...runner.state.jobs.values()]) {
      if (job.execution_id === scopeExecution.id) runner.state.deleteJob(job.id);
    }
  }
  runner.push({
    op: 'activate', instanceId: scopeExecution.instance_id, parentId: scopeExecution.id, elementId: esp.id, flowId: null,
    data: { startEventId: start.id, triggerVariables: variables },
  });
}

type Catch =
  | { kind: 'boundary'; execution: ExecutionRow; event: GraphElement }
  | { kind: 'esp'; execution: ExecutionRow; event: GraphElement };

/** Walks from the thrower outwards (boundaries, event subprocesses, calling instances). */
function findCatch(runner: Runner, thrower: ExecutionRow, kind: 'error' | 'escalation', code: string): Catch | null {
  let current: ExecutionRow | undefined = thrower;
  while (current) {
    const graph = runner.graphOf(current);
    const element = runner.elementOf(current);
    if (current.parent_id !== null && !current.data.inner) {
      const boundary = pick(element.boundaries.map((id) => graph.elements.get(id)), kind, code);
      if (boundary) return { kind: 'boundary', execution: current, event: boundary };
    }
    let parent: ExecutionRow | undefined = current.parent_id ? runner.state.executions.get(current.parent_id) : undefined;
    if (!parent) {
      const instance = runner.instanceOf(current);
      current = instance.parent_execution_id ? runner.state.executions.get(instance.parent_execution_id) : undefined;
      continue;
    }
    const parentElement = runner.elementOf(parent);
    const parentIsBody = Boolean(parentElement.mi) && !parent.data.inner;
    const starts = (parentIsBody ? [] : parentElement.eventSubProcesses)
      .filter((espId) => espId !== current?.element_id)
      .flatMap((espId) => [...graph.elements.values()].filter((e) => e.scopeId === espId && e.type === 'startEvent'));
    const start = pick(starts, kind, code);
    if (start) return { kind: 'esp', execution: parent, event: start };
    current = parent;
    parent = undefined;
  }
  return null;
}

function pick(candidates: (GraphElement | undefined)[], kind: 'error' | 'escalation', code: string): GraphElement | null {
  const matching = candidates.filter((e): e is GraphElement => e !== undefined && e.eventKind === kind);
  return matching.find((e) => e.code === code) ?? matching.find((e) => e.code === null || e.code === '') ?? null;
}

/** Error: caught → interrupt and continue at the catch; false when nothing catches it. */
export function handleError(runner: Runner, thrower: ExecutionRow, code: string): boolean {
  const found = findCatch(runner, thrower, 'error', code);
  if (!found) return false;
  fireEvent(runner, found.execution, found.event.id, {});
  return true;
}

/** Escalation: the thrower continues unless an interrupting catch took over. */
export function handleEscalation(runner: Runner, thrower: ExecutionRow, code: string): 'interrupting' | 'non-interrupting' | 'none' {
  const found = findCatch(runner, thrower, 'escalation', code);
  if (!found) return 'none';
  const interrupting = found.event.interrupting;
  fireEvent(runner, found.execution, found.event.id, {});
  if (interrupting && runner.state.executions.has(thrower.id)) return 'non-interrupting';
  return interrupting ? 'interrupting' : 'non-interrupting';
}
