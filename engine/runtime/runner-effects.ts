import type { Effect } from '../behaviors/behavior.types';
import { HistoryEvent } from './history-events';
import { assertTransition } from './lifecycle';
import type { Runner } from './runner';
import { terminateExecution } from './runner-events';
import type { ExecutionRow } from './state.types';

/** Persists one effect a behaviour returned (into the command's InstanceState). */
export async function applyEffect(runner: Runner, execution: ExecutionRow, effect: Effect): Promise<void> {
  const state = runner.state;
  const instance = runner.instanceOf(execution);
  switch (effect.kind) {
    case 'task': {
      const id = runner.deps.newId();
      const spec = effect.spec;
      state.putTask({
        id, instance_id: instance.id, root_instance_id: instance.root_instance_id, execution_id: execution.id,
        definition_id: instance.definition_id, definition_key: instance.definition_key, element_id: execution.element_id,
        name: spec.name, form_key: spec.formKey, assignee: spec.assignee, candidate_groups: spec.candidateGroups,
        candidate_users: spec.candidateUsers, due_at: spec.dueAt?.toISOString() ?? null,
        follow_up_at: spec.followUpAt?.toISOString() ?? null, priority: spec.priority, state: 'created',
        business_key: instance.business_key, scope: instance.scope, created_at: runner.nowIso,
        claimed_at: spec.assignee ? runner.nowIso : null, completed_at: null, completed_by: null,
      });
      runner.createdTaskIds.push(id);
      runner.history(HistoryEvent.taskCreated, execution, { taskId: id });
      return;
    }
    case 'job': {
      const id = runner.deps.newId();
      state.putJob({
        id, type: effect.type, kind: effect.jobKind, instance_id: instance.id, root_instance_id: instance.root_instance_id,
        // outbox jobs outlive the element that published them
        execution_id: effect.jobKind === 'internal' ? null : execution.id,
        element_id: effect.elementId ?? execution.element_id, definition_id: instance.definition_id,
        payload: effect.payload, due_at: effect.dueAt.toISOString(), retries: effect.retries, attempts: 0, state: 'ready',
        lock_owner: null, lock_expires_at: null, last_error: null, created_at: runner.nowIso,
      });
      if (effect.jobKind === 'service') runner.history(HistoryEvent.jobCreated, execution, { data: { jobId: id, type: effect.type } });
      return;
    }
    case 'subscribe':
      state.putSubscription({
        id: runner.deps.newId(), kind: effect.subKind, name: effect.name, correlation_key: effect.correlationKey,
        instance_id: instance.id, root_instance_id: instance.root_instance_id, execution_id: execution.id,
        element_id: effect.elementId, definition_id: instance.definition_id, data: {}, created_at: runner.nowIso,
      });
      return;
    case 'set-local':
      runner.vars.setLocal(execution, effect.variables);
      return;
    case 'activate-child':
      runner.push({
        op: 'activate', instanceId: execution.instance_id, parentId: execution.id, elementId: effect.elementId,
        flowId: null, local: effect.local, data: effect.data, triggered: effect.triggered ?? null,
      });
      return;
    case 'consume':
      for (const id of effect.executionIds) {
        const consumed = state.executions.get(id);
        if (!consumed) continue;
        assertTransition(consumed.element_id, consumed.state, 'completing');
        runner.history(HistoryEvent.elementCompleted, consumed);
        runner.cleanup(consumed);
      }
      return;
    case 'state':
      assertTransition(execution.element_id, execution.state, effect.state);
      execution.state = effect.state;
      if (effect.data) execution.data = { ...execution.data, ...effect.data };
      state.putExecution(execution);
      return;
    case 'terminate-children':
      for (const id of effect.executionIds) {
        const child = state.executions.get(id);
        if (child) terminateExecution(runner, child);
      }
      return;
    case 'call':
      try {
        await startCalledInstance(runner, execution, effect);
      } catch (error) {
        runner.incident(execution, 'CALLED_ELEMENT_ERROR', (error as Error).message);
      }
      return;
  }
}

async function startCalledInstance(runner: Runner, caller: ExecutionRow, effect: Extract<Effect, { kind: 'call' }>): Promise<void> {
  const parent = runner.instanceOf(caller);
  const definition = await runner.deps.graphs.resolveCalled(effect.processId, effect.bindingType, effect.versionTag, parent.definition_id, parent.scope);
  const id = runner.deps.newId();
  runner.state.putInstance({
    id, root_instance_id: parent.root_instance_id, parent_instance_id: parent.id, parent_execution_id: caller.id,
    definition_id: definition.id, definition_key: definition.key, business_key: parent.business_key, scope: parent.scope,
    state: 'active', started_at: runner.nowIso, ended_at: null, started_by: runner.deps.actor,
  });
  startRootExecution(runner, id, effect.variables, null, null);
}

/** Creates the root execution (id = instance id), its variables, and starts it. */
export function startRootExecution(
  runner: Runner, instanceId: string, variables: Record<string, unknown>, startEventId: string | null,
  triggered: Record<string, unknown> | null,
): ExecutionRow {
  const instance = runner.state.instances.get(instanceId);
  if (!instance) throw new Error(`instance ${instanceId} missing`);
  const root: ExecutionRow = {
    id: instanceId, instance_id: instanceId, root_instance_id: instance.root_instance_id, parent_id: null,
    element_id: runner.deps.graphs.graph(instance.definition_id).processId, state: 'active',
    data: startEventId ? { startEventId, ...(triggered ? { triggerVariables: triggered } : {}) } : {},
    created_at: runner.nowIso,
  };
  runner.state.putExecution(root);
  runner.vars.setLocal(root, variables);
  runner.history(HistoryEvent.instanceStarted, null, {
    instance, element: null, data: Object.keys(variables).length > 0 ? { variables } : null,
  });
  runner.openEventSubProcesses(root, runner.elementOf(root));
  runner.push({ op: 'reactivate', executionId: root.id });
  return root;
}
