import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the engine's tables (kysely schema). Timestamps are read as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface ProcessDefinitionTable {
  id: string;
  key: string;
  version: number;
  deployment_id: string;
  name: string | null;
  checksum: string;
  source_xml: string;
  deployed_by: string | null;
  deployed_at: Timestamp;
  version_tag: string | null;
  jurisdiction_code: string | null;
  parent_definition_id: string | null;
}

export interface ProcessInstanceTable {
  id: string;
  root_instance_id: string;
  parent_instance_id: string | null;
  parent_execution_id: string | null;
  definition_id: string;
  definition_key: string;
  business_key: string | null;
  scope: string | null;
  state: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  started_by: string | null;
}

export interface ExecutionTable {
  id: string;
  instance_id: string;
  root_instance_id: string;
  parent_id: string | null;
  element_id: string;
  state: string;
  data: Json;
  created_at: Timestamp;
}

export interface TaskTable {
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
  due_at: Timestamp | null;
  follow_up_at: Timestamp | null;
  priority: number;
  state: string;
  business_key: string | null;
  scope: string | null;
  created_at: Timestamp;
  claimed_at: Timestamp | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

export interface JobTable {
  id: string;
  type: string;
  kind: string;
  instance_id: string | null;
  root_instance_id: string | null;
  execution_id: string | null;
  element_id: string | null;
  definition_id: string | null;
  payload: Json;
  due_at: Timestamp;
  retries: number;
  attempts: number;
  state: string;
  lock_owner: string | null;
  lock_expires_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
}

export interface EventSubscriptionTable {
  id: string;
  kind: string;
  name: string;
  correlation_key: string | null;
  instance_id: string | null;
  root_instance_id: string | null;
  execution_id: string | null;
  element_id: string;
  definition_id: string | null;
  data: Json;
  created_at: Timestamp;
}

export interface VariableTable {
  scope_id: string;
  name: string;
  instance_id: string;
  root_instance_id: string;
  value: Json;
  updated_at: Timestamp;
}

export interface IncidentTable {
  id: string;
  type: string;
  message: string;
  instance_id: string | null;
  root_instance_id: string | null;
  execution_id: string | null;
  element_id: string | null;
  job_id: string | null;
  state: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

export interface HistoryEventTable {
  id: Generated<number>;
  instance_id: string | null;
  root_instance_id: string | null;
  definition_id: string | null;
  element_id: string | null;
  element_type: string | null;
  type: string;
  actor: string | null;
  at: Timestamp;
  execution_id: string | null;
  task_id: string | null;
  data: Json | null;
}

export interface MessageBufferTable {
  id: string;
  name: string;
  correlation_key: string | null;
  variables: Json;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface CalendarHolidayTable {
  date: string;
  name: string;
}

export interface EngineDatabase {
  process_definition: ProcessDefinitionTable;
  process_instance: ProcessInstanceTable;
  execution: ExecutionTable;
  task: TaskTable;
  job: JobTable;
  event_subscription: EventSubscriptionTable;
  variable: VariableTable;
  incident: IncidentTable;
  history_event: HistoryEventTable;
  message_buffer: MessageBufferTable;
  calendar_holiday: CalendarHolidayTable;
}
