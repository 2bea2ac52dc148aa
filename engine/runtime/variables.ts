import type { InstanceState } from './instance-state';
import type { ExecutionRow } from './state.types';

/** Scoped variables with Camunda 8 propagation (scope = execution id; the root scope = instance id). */
export class VariableScopes {
  constructor(private readonly state: InstanceState, private readonly now: () => string) {}

  /** Everything visible from an execution: its own locals override outer scopes. */
  visible(executionId: string): Record<string, unknown> {
    const chain: string[] = [];
    let current: ExecutionRow | undefined = this.state.executions.get(executionId);
    while (current) {
      chain.push(current.id);
      current = current.parent_id ? this.state.executions.get(current.parent_id) : undefined;
    }
    const result: Record<string, unknown> = {};
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const scope = this.state.variables.get(chain[index]);
      if (!scope) continue;
      for (const [name, row] of scope) result[name] = row.value;
    }
    return result;
  }

  local(scopeId: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, row] of this.state.variables.get(scopeId) ?? []) result[name] = row.value;
    return result;
  }

  setLocal(execution: ExecutionRow, variables: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(variables)) this.write(execution, execution.id, name, value);
  }

  /** Camunda 8 merge: each variable goes to the nearest scope (from `from` up) that has it, else the root. */
  propagate(from: ExecutionRow, variables: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(variables)) {
      let scope: ExecutionRow | undefined = from;
      let target: ExecutionRow | undefined;
      while (scope) {
        if (this.state.variables.get(scope.id)?.has(name)) {
          target = scope;
          break;
        }
        if (!scope.parent_id) break;
        scope = this.state.executions.get(scope.parent_id);
      }
      const root = target ?? scope ?? from;
      this.write(root, root.id, name, value);
    }
  }

  private write(execution: ExecutionRow, scopeId: string, name: string, value: unknown): void {
    this.state.setVariable({
      scope_id: scopeId, name, instance_id: execution.instance_id, root_instance_id: execution.root_instance_id,
      value: value === undefined ? null : value, updated_at: this.now(),
    });
  }
}
