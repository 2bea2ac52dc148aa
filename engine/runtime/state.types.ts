/** Row shapes held in memory during one command (timestamps as ISO strings, as jsonb returns them). */

export interface InstanceRow {
  id: string;
  root_instance_id: string;
  parent_instance_id: string | null;
  parent_execution_id: string | null;
  definition_id: string;
  definition_key: string;
  business_key: string | null;
  scope: string | null;
  state: 'active' | 'completed' | 'terminated' | 'cancelled';
  started_at: string;
  ended_at: string | null;
  started_by: string | null;
}

export interface ExecutionData {
  /** incoming flow a joining token arrived on */
  flow?: string;
  /** inner instance of a multi-instance body */
  inner?: boolean;
  loopCounter?: number;
  /** multi-instance body bookkeeping */
  mi?: { items: unknown[]; next: number; completed: number; active: number };
  /** an incident holds this execution; retry re-runs its activation */
  incident?: boolean;
  /** the event that started an event subprocess */
  startEventId?: string;
  triggerVariables?: Record<string, unknown>;
  /** the token waits at an async continuation boundary (a job carries it on) */
  async?: 'before' | 'after';
  /** asyncAfter: flows chosen before the boundary (gateway-like choices); else selected on resume */
  asyncFlows?: string[];
}

export interface ExecutionRow {
  id: string;
  instance_id: string;
  root_instance_id: string;
  parent_id: string | null;
  element_id: string;
  state: 'active' | 'joining';
  data: ExecutionData;
  created_at: string;
}

export interface TaskRow {
  id: string;
  instance_id: string;
  root_instance_id: string;
  execution_id: string;
  definition_id: string;
  definition_key: string;
  element_id: string;
  name: string | null;
  form_key: string | null;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_at: string | null;
  follow_up_at: string | null;
  priority: number;
  state: 'created' | 'completed' | 'cancelled';
  business_key: string | null;
  scope: string | null;
  created_at: string;
  claimed_at: string | null;
  completed_at: string | null;
  completed_by: string | null;
}

export interface JobRow {
  id: string;
  type: string;
  kind: 'timer' | 'service' | 'internal' | 'generic' | 'async';
  instance_id: string | null;
  root_instance_id: string | null;
  execution_id: string | null;
  element_id: string | null;
  definition_id: string | null;
  payload: Record<string, unknown>;
  due_at: string;
  retries: number;
  attempts: number;
  state: 'ready' | 'failed';
  lock_owner: string | null;
  lock_expires_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface SubscriptionRow {
  id: string;
  kind: 'message' | 'signal';
  name: string;
  correlation_key: string | null;
  instance_id: string | null;
  root_instance_id: string | null;
  execution_id: string | null;
  element_id: string;
  definition_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
}

export interface VariableRow {
  scope_id: string;
  name: string;
  instance_id: string;
  root_instance_id: string;
  value: unknown;
  updated_at: string;
}

export interface IncidentRow {
  id: string;
  type: string;
  message: string;
  instance_id: string | null;
  root_instance_id: string | null;
  execution_id: string | null;
  element_id: string | null;
  job_id: string | null;
  state: 'open' | 'resolved';
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface HistoryRow {
  instance_id: string | null;
  root_instance_id: string | null;
  definition_id: string | null;
  element_id: string | null;
  element_type: string | null;
  type: string;
  actor: string | null;
  at: string;
  execution_id: string | null;
  task_id: string | null;
  data: Record<string, unknown> | null;
}

export interface LoadedState {
  instances: InstanceRow[];
  executions: ExecutionRow[];
  tasks: TaskRow[];
  subscriptions: SubscriptionRow[];
  variables: VariableRow[];
  jobs: JobRow[];
  incidents: IncidentRow[];
}
