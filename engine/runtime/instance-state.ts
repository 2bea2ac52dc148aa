import type {
  ExecutionRow, HistoryRow, IncidentRow, InstanceRow, JobRow, LoadedState, SubscriptionRow, TaskRow, VariableRow,
} from './state.types';

/** The state of one root instance (and its called children) during one command, with its diff. */
export class InstanceState {
  readonly instances = new Map<string, InstanceRow>();
  readonly executions = new Map<string, ExecutionRow>();
  readonly tasks = new Map<string, TaskRow>();
  readonly subscriptions = new Map<string, SubscriptionRow>();
  readonly jobs = new Map<string, JobRow>();
  readonly incidents = new Map<string, IncidentRow>();
  /** scope id → name → row */
  readonly variables = new Map<string, Map<string, VariableRow>>();
  readonly history: HistoryRow[] = [];

  private readonly dirty = {
    instances: new Set<string>(), executions: new Set<string>(), tasks: new Set<string>(),
    subscriptions: new Set<string>(), jobs: new Set<string>(), incidents: new Set<string>(),
  };
  private readonly deleted = { executions: new Set<string>(), subscriptions: new Set<string>(), jobs: new Set<string>() };
  private readonly dirtyVariables = new Map<string, VariableRow>();
  private readonly deletedVariables = new Map<string, { scope_id: string; name: string }>();

  /** ids that exist in the database (a row created and removed in one command is never written) */
  private readonly persisted = new Set<string>();

  constructor(loaded?: LoadedState) {
    if (!loaded) return;
    for (const row of [...loaded.executions, ...loaded.subscriptions, ...loaded.jobs]) this.persisted.add(row.id);
    for (const row of loaded.instances) this.instances.set(row.id, row);
    for (const row of loaded.executions) this.executions.set(row.id, row);
    for (const row of loaded.tasks) this.tasks.set(row.id, row);
    for (const row of loaded.subscriptions) this.subscriptions.set(row.id, row);
    for (const row of loaded.jobs) this.jobs.set(row.id, row);
    for (const row of loaded.incidents) this.incidents.set(row.id, row);
    for (const row of loaded.variables) this.scopeVariables(row.scope_id).set(row.name, row);
  }

  putInstance(row: InstanceRow): void { this.instances.set(row.id, row); this.dirty.instances.add(row.id); }
  putTask(row: TaskRow): void { this.tasks.set(row.id, row); this.dirty.tasks.add(row.id); }
  putIncident(row: IncidentRow): void { this.incidents.set(row.id, row); this.dirty.incidents.add(row.id); }

  putExecution(row: ExecutionRow): void {
    this.executions.set(row.id, row);
    this.dirty.executions.add(row.id);
    this.deleted.executions.delete(row.id);
  }

  deleteExecution(id: string): void {
    this.executions.delete(id);
    this.dirty.executions.delete(id);
    if (this.persisted.has(id)) this.deleted.executions.add(id);
  }

  putSubscription(row: SubscriptionRow): void {
    this.subscriptions.set(row.id, row);
    this.dirty.subscriptions.add(row.id);
    this.deleted.subscriptions.delete(row.id);
  }
  deleteSubscription(id: string): void {
    this.subscriptions.delete(id);
    this.dirty.subscriptions.delete(id);
    if (this.persisted.has(id)) this.deleted.subscriptions.add(id);
  }

  putJob(row: JobRow): void { this.jobs.set(row.id, row); this.dirty.jobs.add(row.id); this.deleted.jobs.delete(row.id); }
  deleteJob(id: string): void {
    this.jobs.delete(id);
    this.dirty.jobs.delete(id);
    if (this.persisted.has(id)) this.deleted.jobs.add(id);
  }

  scopeVariables(scopeId: string): Map<string, VariableRow> {
    let scope = this.variables.get(scopeId);
    if (!scope) {
      scope = new Map();
      this.variables.set(scopeId, scope);
    }
    return scope;
  }

  /** variable changes not yet attached to a history event: { scope, name, before, after } */
  private pendingChanges: { scope: string; name: string; before: unknown; after: unknown }[] = [];

  takeVariableChanges(): { scope: string; name: string; before: unknown; after: unknown }[] {
    const changes = this.pendingChanges;
    this.pendingChanges = [];
    return changes;
  }

  setVariable(row: VariableRow): void {
    const before = this.variables.get(row.scope_id)?.get(row.name)?.value;
    if (before === undefined || !sameValue(before, row.value)) {
      this.pendingChanges.push({ scope: row.scope_id, name: row.name, before: before ?? null, after: row.value });
    }
    this.scopeVariables(row.scope_id).set(row.name, row);
    const key = `${row.scope_id}\u0000${row.name}`;
    this.dirtyVariables.set(key, row);
    this.deletedVariables.delete(key);
  }

  dropScopeVariables(scopeId: string): void {
    const scope = this.variables.get(scopeId);
    if (!scope) return;
    for (const name of scope.keys()) {
      const key = `${scopeId}\u0000${name}`;
      this.dirtyVariables.delete(key);
      this.deletedVariables.set(key, { scope_id: scopeId, name });
    }
    this.variables.delete(scopeId);
  }

  /** subscriptions created by this command (subscriptions are insert-only) */
  newSubscriptions(): SubscriptionRow[] {
    return [...this.dirty.subscriptions].map((id) => this.subscriptions.get(id)).filter((row): row is SubscriptionRow => row !== undefined);
  }

  childrenOf(parentId: string): ExecutionRow[] {
    const result: ExecutionRow[] = [];
    for (const execution of this.executions.values()) if (execution.parent_id === parentId) result.push(execution);
    return result;
  }

  /** The jsonb argument of engine_apply; null when nothing changed. */
  diff(): Record<string, unknown> | null {
    const out: Record<string, unknown> = {};
    const rows = <T>(ids: Set<string>, map: Map<string, T>): T[] =>
      [...ids].map((id) => map.get(id)).filter((row): row is T => row !== undefined);
    const put = (key: string, list: unknown[]) => { if (list.length > 0) out[key] = list; };
    put('instances', rows(this.dirty.instances, this.instances));
    put('executionsDeleted', [...this.deleted.executions]);
    put('executions', rows(this.dirty.executions, this.executions));
    put('tasks', rows(this.dirty.tasks, this.tasks));
    put('subscriptionsDeleted', [...this.deleted.subscriptions]);
    put('subscriptions', rows(this.dirty.subscriptions, this.subscriptions));
    put('variablesDeleted', [...this.deletedVariables.values()]);
    put('variables', [...this.dirtyVariables.values()]);
    put('jobsDeleted', [...this.deleted.jobs]);
    put('jobs', rows(this.dirty.jobs, this.jobs));
    put('incidents', rows(this.dirty.incidents, this.incidents));
    const last = this.history[this.history.length - 1];
    const trailing = this.takeVariableChanges();
    if (last && trailing.length > 0) last.data = { ...(last.data ?? {}), changes: [...((last.data?.changes as unknown[]) ?? []), ...trailing] };
    if (this.history.length > 0) {
      // fields most rows share travel once (engine_apply merges `historyDefaults || row`)
      const first = this.history[0];
      const defaults: Partial<HistoryRow> = {
        instance_id: first.instance_id, root_instance_id: first.root_instance_id, definition_id: first.definition_id,
        actor: first.actor, at: first.at,
      };
      out.historyDefaults = defaults;
      out.history = this.history.map((row) => compactHistory(row, defaults));
    }
    return Object.keys(out).length > 0 ? out : null;
  }
}

const SHARED = ['instance_id', 'root_instance_id', 'definition_id', 'actor', 'at'] as const;

/** A history row without the shared fields equal to the defaults; null-valued fields are left out too. */
function compactHistory(row: HistoryRow, defaults: Partial<HistoryRow>): Record<string, unknown> {
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if ((SHARED as readonly string[]).includes(key)) {
      if (defaults[key as keyof HistoryRow] !== value) compact[key] = value;
    } else if (value !== null) {
      compact[key] = value;
    }
  }
  return compact;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
