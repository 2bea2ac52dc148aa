import { catchEffects } from '../behaviors/behavior.helpers';
import { behaviorFor } from '../behaviors/behavior.registry';
import type { BehaviorContext, Effect, Outcome, Trigger, Variables } from '../behaviors/behavior.types';
import type { BusinessCalendar } from '../feel/business-calendar';
import type { FeelEvaluator } from '../feel/feel-evaluator';
import type { GraphElement, ProcessGraph } from '../model/graph.types';
import type { GraphProvider } from './graph-provider';
import { HistoryEvent, type HistoryEventType } from './history-events';
import type { InstanceState } from './instance-state';
import { assertTransition } from './lifecycle';
import { ContinuationFailure, suspendAsync } from './runner-async';
import { applyEffect } from './runner-effects';
import { handleEscalation, handleError, terminateExecution } from './runner-events';
import type { ExecutionData, ExecutionRow, InstanceRow } from './state.types';
import { VariableScopes } from './variables';

export type Step =
  | {
    op: 'activate'; instanceId: string; parentId: string; elementId: string; flowId: string | null;
    local?: Variables; data?: ExecutionData; triggered?: Variables | null;
  }
  | { op: 'trigger'; executionId: string; trigger: Trigger }
  | { op: 'reactivate'; executionId: string }
  | { op: 'scope-check'; executionId: string };

export interface RunnerDeps {
  state: InstanceState;
  graphs: GraphProvider;
  feel: FeelEvaluator;
  calendar: BusinessCalendar;
  now: Date;
  actor: string | null;
  newId: () => string;
}

/** Runs tokens of one root instance until each waits; all changes go to the InstanceState. */
export class Runner {
  readonly state: InstanceState;
  readonly vars: VariableScopes;
  readonly nowIso: string;
  /** ids of user tasks created by this command (filled while it runs) */
  readonly createdTaskIds: string[] = [];
  /** set by an async continuation: incidents become a thrown ContinuationFailure (rollback + job retry) */
  failFast = false;
  private readonly queue: Step[] = [];

  constructor(readonly deps: RunnerDeps) {
    this.state = deps.state;
    this.nowIso = deps.now.toISOString();
    this.vars = new VariableScopes(this.state, () => this.nowIso);
  }

  push(step: Step): void {
    this.queue.push(step);
  }

  async run(): Promise<void> {
    for (;;) {
      while (this.queue.length > 0) await this.step(this.queue.shift() as Step);
      if (!this.settleInclusiveJoins()) return;
    }
  }

  graphOf(execution: ExecutionRow): ProcessGraph {
    return this.deps.graphs.graph(this.instanceOf(execution).definition_id);
  }

  instanceOf(execution: ExecutionRow): InstanceRow {
    const instance = this.state.instances.get(execution.instance_id);
    if (!instance) throw new Error(`instance ${execution.instance_id} not loaded`);
    return instance;
  }

  elementOf(execution: ExecutionRow): GraphElement {
    const element = this.graphOf(execution).elements.get(execution.element_id);
    if (!element) throw new Error(`element ${execution.element_id} not in the definition`);
    return element;
  }

  history(type: HistoryEventType, execution: ExecutionRow | null, extra: {
    instance?: InstanceRow; element?: GraphElement | null; taskId?: string; data?: Record<string, unknown> | null;
  } = {}): void {
    const instance = extra.instance ?? (execution ? this.instanceOf(execution) : undefined);
    const element = extra.element !== undefined ? extra.element : execution ? this.elementOf(execution) : null;
    this.state.history.push({
      instance_id: instance?.id ?? null,
      root_instance_id: instance?.root_instance_id ?? null,
      definition_id: instance?.definition_id ?? null,
      element_id: element?.id ?? null,
      element_type: element?.type ?? null,
      type,
      actor: this.deps.actor,
      at: this.nowIso,
      execution_id: execution?.id ?? null,
      task_id: extra.taskId ?? null,
      data: withChanges(extra.data ?? null, this.state.takeVariableChanges()),
    });
  }

  context(execution: ExecutionRow, triggered: Variables | null = null): BehaviorContext {
    let cached: Variables | null = null;
    const state = this.state;
    return {
      element: this.elementOf(execution),
      execution,
      graph: this.graphOf(execution),
      instance: this.instanceOf(execution),
      now: this.deps.now,
      feel: this.deps.feel,
      triggered,
      variables: () => (cached ??= this.vars.visible(execution.id)),
      siblings: () => (execution.parent_id
        ? state.childrenOf(execution.parent_id).filter((other) => other.id !== execution.id) : []),
      children: () => state.childrenOf(execution.id),
      offsetFor: (ymd: string) => this.deps.calendar.offset(new Date(`${ymd}T12:00:00Z`)),
    };
  }

  private async step(step: Step): Promise<void> {
    if (step.op === 'activate') return this.activate(step);
    const execution = this.state.executions.get(step.executionId);
    if (!execution) return;
    if (step.op === 'scope-check') {
      const element = this.elementOf(execution);
      const isBody = element.mi && !execution.data.inner;
      if (!isBody && element.type !== 'callActivity' && this.state.childrenOf(execution.id).length === 0) {
        return this.invoke(execution, (ctx) => behaviorFor(element, execution).trigger(ctx, { kind: 'scope-completed' }));
      }
      return;
    }
    const element = this.elementOf(execution);
    if (step.op === 'reactivate') {
      return this.invoke(execution, (ctx) => behaviorFor(element, execution).activate(ctx));
    }
    return this.invoke(execution, (ctx) => behaviorFor(element, execution).trigger(ctx, step.trigger));
  }

  private async activate(step: Extract<Step, { op: 'activate' }>): Promise<void> {
    const execution: ExecutionRow = {
      id: this.deps.newId(),
      instance_id: step.instanceId,
      root_instance_id: this.instanceRoot(step.instanceId),
      parent_id: step.parentId,
      element_id: step.elementId,
      state: 'active',
      data: { ...(step.data ?? {}), ...(step.flowId ? { flow: step.flowId } : {}) },
      created_at: this.nowIso,
    };
    assertTransition(step.elementId, 'activating', 'active');
    this.state.putExecution(execution);
    const element = this.elementOf(execution);
    if (element.asyncBefore && !execution.data.inner) {
      suspendAsync(this, execution, 'before');
      return;
    }
    await this.enter(execution, element, step.local, step.triggered ?? null);
  }

  /** Enters an element whose execution exists: history, io inputs, boundaries, then its behaviour. */
  async enter(execution: ExecutionRow, element: GraphElement, local?: Variables, triggered: Variables | null = null): Promise<void> {
    this.history(HistoryEvent.elementActivated, execution, { element });
    const isBody = Boolean(element.mi) && !execution.data.inner;
    try {
      if (local) this.vars.setLocal(execution, local);
      if (!isBody && element.inputs.length > 0) {
        const context = this.vars.visible(execution.id);
        const inputs: Variables = {};
        for (const mapping of element.inputs) inputs[mapping.target] = this.deps.feel.value(mapping.source, { ...context, ...inputs });
        this.vars.setLocal(execution, inputs);
      }
      if (!execution.data.inner && element.boundaries.length > 0) this.attachBoundaries(execution, element);
      if (!isBody) this.openEventSubProcesses(execution, element);
    } catch (error) {
      this.incident(execution, 'EXPRESSION_ERROR', (error as Error).message);
      return;
    }
    await this.invoke(execution, (ctx) => behaviorFor(element, execution).activate(ctx), triggered);
  }

  instanceRoot(instanceId: string): string {
    return this.state.instances.get(instanceId)?.root_instance_id ?? instanceId;
  }

  /** Runs a behaviour call; expression / runtime failures become incidents, never silent stops. */
  async invoke(execution: ExecutionRow, call: (ctx: BehaviorContext) => Outcome, triggered: Variables | null = null): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = call(this.context(execution, triggered));
    } catch (error) {
      this.incident(execution, 'EXPRESSION_ERROR', (error as Error).message);
      return;
    }
    await this.handle(execution, outcome);
  }

  async handle(execution: ExecutionRow, outcome: Outcome): Promise<void> {
    for (const effect of outcome.effects) await applyEffect(this, execution, effect);
    const next = outcome.next;
    switch (next.kind) {
      case 'wait':
        return;
      case 'complete':
        return this.complete(execution, next.variables, next.flows);
      case 'incident':
        return this.incident(execution, next.type, next.message);
      case 'throw-error':
        this.history(HistoryEvent.errorThrown, execution, { data: { code: next.code } });
        if (!handleError(this, execution, next.code)) {
          this.incident(execution, 'UNHANDLED_ERROR', `error ${next.code} thrown by ${execution.element_id} is not caught`);
        }
        return;
      case 'throw-escalation': {
        this.history(HistoryEvent.escalationThrown, execution, { data: { code: next.code } });
        if (handleEscalation(this, execution, next.code) !== 'interrupting') await this.complete(execution);
        return;
      }
      case 'terminate-scope': {
        for (const sibling of this.state.childrenOf(execution.parent_id ?? '')) {
          if (sibling.id !== execution.id) terminateExecution(this, sibling);
        }
        return this.complete(execution);
      }
      case 'link': {
        const element = this.elementOf(execution);
        const target = this.graphOf(execution).linkTargets.get(`${element.scopeId}|${next.target}`);
        if (target) {
          this.push({ op: 'activate', instanceId: execution.instance_id, parentId: execution.parent_id ?? '', elementId: target, flowId: null });
        }
        return this.complete(execution, undefined, [], true);
      }
    }
  }

  incident(execution: ExecutionRow, type: string, message: string, jobId: string | null = null): void {
    // inside an async continuation a failure rolls the transaction back to the boundary (the job retries)
    if (this.failFast && !jobId) throw new ContinuationFailure(type, message);
    const instance = this.instanceOf(execution);
    const id = this.deps.newId();
    this.state.putIncident({
      id, type, message, instance_id: instance.id, root_instance_id: instance.root_instance_id,
      execution_id: execution.id, element_id: execution.element_id, job_id: jobId, state: 'open',
      created_at: this.nowIso, resolved_at: null, resolved_by: null,
    });
    if (!jobId) {
      execution.data = { ...execution.data, incident: true };
      this.state.putExecution(execution);
    }
    this.history(HistoryEvent.incidentCreated, execution, { data: { incidentId: id, type, message } });
  }

  /** Leaves an element: io outputs, history, clean-up, then flows / scope / instance completion. */
  async complete(execution: ExecutionRow, variables?: Variables, flows?: string[], keepScope = false): Promise<void> {
    const element = this.elementOf(execution);
    const parent = execution.parent_id ? this.state.executions.get(execution.parent_id) : undefined;
    const isBody = Boolean(element.mi) && !execution.data.inner;
    if (isBody) {
      const output = element.mi?.outputCollection;
      if (output && parent) this.vars.propagate(parent, { [output]: this.vars.local(execution.id)[output] ?? [] });
    } else if (element.outputs.length > 0) {
      if (variables) this.vars.setLocal(execution, variables);
      const context = this.vars.visible(execution.id);
      const outputs: Variables = {};
      for (const mapping of element.outputs) outputs[mapping.target] = this.deps.feel.value(mapping.source, context);
      if (parent) this.vars.propagate(parent, outputs);
    } else if (variables && Object.keys(variables).length > 0) {
      const dropChildVariables = element.type === 'callActivity' && element.called?.propagateAllChildVariables === false;
      if (!dropChildVariables) this.vars.propagate(execution, variables);
    }
    if (execution.data.inner && parent && element.mi?.outputCollection && element.mi.outputElement) {
      const value = this.deps.feel.value(element.mi.outputElement, this.vars.visible(execution.id));
      const collection = [...((this.vars.local(parent.id)[element.mi.outputCollection] as unknown[]) ?? [])];
      collection[(execution.data.loopCounter ?? 1) - 1] = value;
      this.vars.setLocal(parent, { [element.mi.outputCollection]: collection });
    }
    assertTransition(element.id, execution.state, 'completing');
    const calledVariables = execution.parent_id === null ? this.vars.local(execution.id) : null;
    if (execution.parent_id !== null) {
      this.history(HistoryEvent.elementCompleted, execution, { element, data: variables ? { variables } : null });
    }
    this.cleanup(execution, execution.parent_id !== null || this.instanceOf(execution).parent_instance_id !== null);
    if (execution.parent_id === null) return this.finishInstance(execution, 'completed', calledVariables ?? {});
    if (execution.data.inner) {
      this.push({ op: 'trigger', executionId: execution.parent_id, trigger: { kind: 'inner-completed', executionId: execution.id } });
      return;
    }
    if (element.asyncAfter) {
      suspendAsync(this, { ...execution, id: this.deps.newId(), data: flows ? { asyncFlows: flows } : {} }, 'after');
      return;
    }
    this.leave(execution, flows ?? this.selectFlows(element, parent ?? execution), keepScope);
  }

  /** Takes the given outgoing flows of a left element (or checks its scope when there are none). */
  leave(execution: ExecutionRow, taken: string[], keepScope = false): void {
    const parentId = execution.parent_id ?? '';
    for (const flowId of taken) {
      const target = this.graphOf(execution).flows.get(flowId)?.target;
      if (!target) continue;
      this.push({ op: 'activate', instanceId: execution.instance_id, parentId, elementId: target, flowId });
    }
    if (taken.length === 0 && !keepScope) this.push({ op: 'scope-check', executionId: parentId });
  }

  /** Activities and events: unconditional flows plus conditional ones that hold (default if none). */
  selectFlows(element: GraphElement, scope: ExecutionRow): string[] {
    const graph = this.deps.graphs.graph(this.instanceOf(scope).definition_id);
    if (element.outgoing.every((flowId) => !graph.flows.get(flowId)?.condition)) return element.outgoing;
    const context = this.vars.visible(scope.id);
    const taken = element.outgoing.filter((flowId) => {
      if (flowId === element.defaultFlow) return false;
      const condition = graph.flows.get(flowId)?.condition;
      return !condition || this.deps.feel.condition(condition, context);
    });
    if (taken.length === 0 && element.defaultFlow) taken.push(element.defaultFlow);
    return taken;
  }

  /** Removes an execution with its subscriptions, jobs, locals and open incidents. */
  cleanup(execution: ExecutionRow, dropVariables = true): void {
    for (const subscription of [...this.state.subscriptions.values()]) {
      if (subscription.execution_id === execution.id) this.state.deleteSubscription(subscription.id);
    }
    for (const job of [...this.state.jobs.values()]) {
      if (job.execution_id === execution.id) this.state.deleteJob(job.id);
    }
    for (const incident of this.state.incidents.values()) {
      if (incident.execution_id === execution.id && incident.state === 'open') {
        this.state.putIncident({ ...incident, state: 'resolved', resolved_at: this.nowIso, resolved_by: this.deps.actor });
      }
    }
    if (dropVariables) this.state.dropScopeVariables(execution.id);
    this.state.deleteExecution(execution.id);
  }

  finishInstance(root: ExecutionRow, state: 'completed' | 'terminated' | 'cancelled', variables: Variables): void {
    const instance = this.instanceOf(root);
    this.state.putInstance({ ...instance, state, ended_at: this.nowIso });
    const type = state === 'completed' ? HistoryEvent.instanceCompleted
      : state === 'terminated' ? HistoryEvent.instanceTerminated : HistoryEvent.instanceCancelled;
    this.history(type, null, { instance, element: null });
    if (state === 'completed' && instance.parent_execution_id) {
      this.push({ op: 'trigger', executionId: instance.parent_execution_id, trigger: { kind: 'called-completed', variables } });
    }
  }

  private attachBoundaries(execution: ExecutionRow, element: GraphElement): void {
    const graph = this.graphOf(execution);
    const ctx = this.context(execution);
    for (const id of element.boundaries) {
      const boundary = graph.elements.get(id);
      if (!boundary || boundary.eventKind === 'error' || boundary.eventKind === 'escalation') continue;
      for (const effect of eventEffects(ctx, boundary)) void applyEffect(this, execution, effect);
    }
  }

  openEventSubProcesses(execution: ExecutionRow, element: GraphElement): void {
    if (element.eventSubProcesses.length === 0) return;
    const graph = this.graphOf(execution);
    const ctx = this.context(execution);
    for (const espId of element.eventSubProcesses) {
      for (const start of graph.elements.values()) {
        if (start.scopeId !== espId || start.type !== 'startEvent') continue;
        for (const effect of eventEffects(ctx, start)) void applyEffect(this, execution, effect);
      }
    }
  }

  /** Fires inclusive joins that no token of their scope can still reach; true when one fired. */
  private settleInclusiveJoins(): boolean {
    for (const execution of this.state.executions.values()) {
      if (execution.state !== 'joining' || !execution.parent_id) continue;
      const element = this.elementOf(execution);
      if (element.type !== 'inclusiveGateway') continue;
      const reach = this.graphOf(execution).joinReach.get(element.id) ?? new Set<string>();
      const blocked = this.state.childrenOf(execution.parent_id).some((other) =>
        other.element_id !== element.id && reach.has(other.element_id));
      if (!blocked) {
        this.push({ op: 'trigger', executionId: execution.id, trigger: { kind: 'join' } });
        return true;
      }
    }
    return false;
  }
}

function eventEffects(ctx: BehaviorContext, event: GraphElement): Effect[] {
  return catchEffects(ctx, event);
}

/** The event's data plus the variable changes (before/after per scope) since the previous event. */
function withChanges(data: Record<string, unknown> | null, changes: unknown[]): Record<string, unknown> | null {
  const merged = changes.length > 0 ? { ...(data ?? {}), changes } : data;
  return merged && Object.keys(merged).length > 0 ? merged : null;
}
