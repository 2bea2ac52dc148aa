import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The engine's whole runtime schema (one migration, see docs/conventions.md).
 * Two plpgsql functions keep a command at four round trips: `engine_load_state` locks the root
 * instance row and returns its state as jsonb (its second statement takes a fresh snapshot after
 * the lock, so it never reads state older than the lock), `engine_apply` writes a command's diff.
 */
export const engineRuntimeMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
CREATE TABLE process_definition (
  id uuid PRIMARY KEY,
  key text NOT NULL,
  version integer NOT NULL,
  deployment_id uuid NOT NULL,
  name text,
  checksum text NOT NULL,
  source_xml text NOT NULL,
  deployed_by text,
  deployed_at timestamptz NOT NULL,
  version_tag text,
  jurisdiction_code text,
  parent_definition_id uuid REFERENCES process_definition(id),
  UNIQUE (key, version)
);
CREATE INDEX process_definition_checksum_idx ON process_definition (key, checksum);

CREATE TABLE process_instance (
  id uuid PRIMARY KEY,
  root_instance_id uuid NOT NULL,
  parent_instance_id uuid,
  parent_execution_id uuid,
  definition_id uuid NOT NULL REFERENCES process_definition(id),
  definition_key text NOT NULL,
  business_key text,
  scope text,
  state text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  started_by text
);
CREATE INDEX process_instance_root_idx ON process_instance (root_instance_id);
CREATE INDEX process_instance_scope_idx ON process_instance (scope text_pattern_ops);
CREATE INDEX process_instance_business_key_idx ON process_instance (business_key);
CREATE INDEX process_instance_definition_idx ON process_instance (definition_id, state);

CREATE TABLE execution (
  id uuid PRIMARY KEY,
  instance_id uuid NOT NULL,
  root_instance_id uuid NOT NULL,
  parent_id uuid,
  element_id text NOT NULL,
  state text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX execution_root_idx ON execution (root_instance_id);

CREATE TABLE task (
  id uuid PRIMARY KEY,
  instance_id uuid NOT NULL,
  root_instance_id uuid NOT NULL,
  execution_id uuid NOT NULL,
  definition_id uuid NOT NULL,
  definition_key text NOT NULL,
  element_id text NOT NULL,
  name text,
  form_key text,
  assignee text,
  candidate_groups text[] NOT NULL DEFAULT '{}',
  candidate_users text[] NOT NULL DEFAULT '{}',
  due_at timestamptz,
  follow_up_at timestamptz,
  priority integer NOT NULL DEFAULT 50,
  state text NOT NULL,
  business_key text,
  scope text,
  created_at timestamptz NOT NULL,
  claimed_at timestamptz,
  completed_at timestamptz,
  completed_by text
);
CREATE INDEX task_candidate_groups_idx ON task USING gin (candidate_groups);
CREATE INDEX task_candidate_users_idx ON task USING gin (candidate_users);
CREATE INDEX task_assignee_idx ON task (assignee, state);
CREATE INDEX task_state_idx ON task (state, created_at);
CREATE INDEX task_scope_idx ON task (scope text_pattern_ops);
CREATE INDEX task_root_idx ON task (root_instance_id, state);
CREATE INDEX task_instance_idx ON task (instance_id);

CREATE TABLE job (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  kind text NOT NULL,
  instance_id uuid,
  root_instance_id uuid,
  execution_id uuid,
  element_id text,
  definition_id uuid,
  payload jsonb NOT NULL DEFAULT '{}',
  due_at timestamptz NOT NULL,
  retries integer NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  state text NOT NULL,
  lock_owner text,
  lock_expires_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL
);
CREATE INDEX job_acquire_idx ON job (state, due_at);
CREATE INDEX job_type_idx ON job (type, state, due_at);
CREATE INDEX job_root_idx ON job (root_instance_id);

CREATE TABLE event_subscription (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  name text NOT NULL,
  correlation_key text,
  instance_id uuid,
  root_instance_id uuid,
  execution_id uuid,
  element_id text NOT NULL,
  definition_id uuid,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX event_subscription_lookup_idx ON event_subscription (kind, name, correlation_key);
CREATE INDEX event_subscription_root_idx ON event_subscription (root_instance_id);

CREATE TABLE variable (
  scope_id uuid NOT NULL,
  name text NOT NULL,
  instance_id uuid NOT NULL,
  root_instance_id uuid NOT NULL,
  value jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (scope_id, name)
);
CREATE INDEX variable_root_idx ON variable (root_instance_id);

CREATE TABLE incident (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  message text NOT NULL,
  instance_id uuid,
  root_instance_id uuid,
  execution_id uuid,
  element_id text,
  job_id uuid,
  state text NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by text
);
CREATE INDEX incident_state_idx ON incident (state, created_at);
CREATE INDEX incident_root_idx ON incident (root_instance_id, state);

CREATE TABLE history_event (
  id bigserial PRIMARY KEY,
  instance_id uuid,
  root_instance_id uuid,
  definition_id uuid,
  element_id text,
  element_type text,
  type text NOT NULL,
  actor text,
  at timestamptz NOT NULL,
  execution_id uuid,
  task_id uuid,
  data jsonb
);
CREATE INDEX history_event_instance_idx ON history_event (instance_id, id);
CREATE INDEX history_event_root_idx ON history_event (root_instance_id, id);

CREATE TABLE message_buffer (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  correlation_key text,
  variables jsonb NOT NULL DEFAULT '{}',
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX message_buffer_lookup_idx ON message_buffer (name, correlation_key, expires_at);

CREATE TABLE calendar_holiday (
  date date PRIMARY KEY,
  name text NOT NULL
);
`.execute(db);
    await sql.raw(loadFunction).execute(db);
    await sql.raw(loadForFunction).execute(db);
    await sql.raw(applyFunction).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
DROP FUNCTION IF EXISTS engine_apply(jsonb);
DROP FUNCTION IF EXISTS engine_load_for(text, uuid);
DROP FUNCTION IF EXISTS engine_load_state(uuid);
DROP TABLE IF EXISTS calendar_holiday, message_buffer, history_event, incident, variable,
  event_subscription, job, task, execution, process_instance, process_definition;
`.execute(db);
  },
};

const loadFunction = `
CREATE FUNCTION engine_load_state(p_root uuid) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE result jsonb;
BEGIN
  PERFORM 1 FROM process_instance WHERE id = p_root FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT jsonb_build_object(
    'instances', (SELECT coalesce(jsonb_agg(to_jsonb(i)), '[]') FROM process_instance i WHERE i.root_instance_id = p_root),
    'executions', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.created_at, e.id), '[]') FROM execution e WHERE e.root_instance_id = p_root),
    'tasks', (SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]') FROM task t WHERE t.root_instance_id = p_root AND t.state = 'created'),
    'subscriptions', (SELECT coalesce(jsonb_agg(to_jsonb(s)), '[]') FROM event_subscription s WHERE s.root_instance_id = p_root),
    'variables', (SELECT coalesce(jsonb_agg(to_jsonb(v)), '[]') FROM variable v WHERE v.root_instance_id = p_root),
    'jobs', (SELECT coalesce(jsonb_agg(to_jsonb(j)), '[]') FROM job j WHERE j.root_instance_id = p_root),
    'incidents', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM incident x WHERE x.root_instance_id = p_root AND x.state = 'open')
  ) INTO result;
  RETURN result;
END
$fn$;`;

const loadForFunction = `
CREATE FUNCTION engine_load_for(p_kind text, p_id uuid) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE root uuid;
BEGIN
  IF p_kind = 'instance' THEN SELECT root_instance_id INTO root FROM process_instance WHERE id = p_id;
  ELSIF p_kind = 'task' THEN SELECT root_instance_id INTO root FROM task WHERE id = p_id;
  ELSIF p_kind = 'job' THEN SELECT root_instance_id INTO root FROM job WHERE id = p_id;
  ELSIF p_kind = 'incident' THEN SELECT root_instance_id INTO root FROM incident WHERE id = p_id;
  ELSIF p_kind = 'subscription' THEN SELECT root_instance_id INTO root FROM event_subscription WHERE id = p_id;
  END IF;
  IF root IS NULL THEN RETURN NULL; END IF;
  RETURN engine_load_state(root);
END
$fn$;`;

export const applyFunction = `
CREATE FUNCTION engine_apply(d jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF d ? 'instances' THEN
    INSERT INTO process_instance SELECT * FROM jsonb_populate_recordset(null::process_instance, d->'instances')
    ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, ended_at = EXCLUDED.ended_at,
      definition_id = EXCLUDED.definition_id, business_key = EXCLUDED.business_key, scope = EXCLUDED.scope;
  END IF;
  IF d ? 'executionsDeleted' THEN
    DELETE FROM execution WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(d->'executionsDeleted'));
  END IF;
  IF d ? 'executions' THEN
    INSERT INTO execution SELECT * FROM jsonb_populate_recordset(null::execution, d->'executions')
    ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, data = EXCLUDED.data, element_id = EXCLUDED.element_id,
      parent_id = EXCLUDED.parent_id;
  END IF;
  IF d ? 'tasks' THEN
    INSERT INTO task SELECT * FROM jsonb_populate_recordset(null::task, d->'tasks')
    ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, assignee = EXCLUDED.assignee,
      candidate_groups = EXCLUDED.candidate_groups, candidate_users = EXCLUDED.candidate_users,
      due_at = EXCLUDED.due_at, follow_up_at = EXCLUDED.follow_up_at, priority = EXCLUDED.priority,
      claimed_at = EXCLUDED.claimed_at, completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by,
      definition_id = EXCLUDED.definition_id, element_id = EXCLUDED.element_id, execution_id = EXCLUDED.execution_id;
  END IF;
  IF d ? 'subscriptionsDeleted' THEN
    DELETE FROM event_subscription WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(d->'subscriptionsDeleted'));
  END IF;
  IF d ? 'subscriptions' THEN
    INSERT INTO event_subscription SELECT * FROM jsonb_populate_recordset(null::event_subscription, d->'subscriptions')
    ON CONFLICT (id) DO NOTHING;
  END IF;
  IF d ? 'variablesDeleted' THEN
    DELETE FROM variable v USING jsonb_populate_recordset(null::variable, d->'variablesDeleted') x
    WHERE v.scope_id = x.scope_id AND v.name = x.name;
  END IF;
  IF d ? 'variables' THEN
    INSERT INTO variable SELECT * FROM jsonb_populate_recordset(null::variable, d->'variables')
    ON CONFLICT (scope_id, name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at;
  END IF;
  IF d ? 'jobsDeleted' THEN
    DELETE FROM job WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(d->'jobsDeleted'));
  END IF;
  IF d ? 'jobs' THEN
    INSERT INTO job SELECT * FROM jsonb_populate_recordset(null::job, d->'jobs')
    ON CONFLICT (id) DO UPDATE SET due_at = EXCLUDED.due_at, retries = EXCLUDED.retries, attempts = EXCLUDED.attempts,
      state = EXCLUDED.state, lock_owner = EXCLUDED.lock_owner, lock_expires_at = EXCLUDED.lock_expires_at,
      last_error = EXCLUDED.last_error, payload = EXCLUDED.payload, execution_id = EXCLUDED.execution_id,
      element_id = EXCLUDED.element_id;
  END IF;
  IF d ? 'incidents' THEN
    INSERT INTO incident SELECT * FROM jsonb_populate_recordset(null::incident, d->'incidents')
    ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, resolved_at = EXCLUDED.resolved_at,
      resolved_by = EXCLUDED.resolved_by, message = EXCLUDED.message;
  END IF;
  IF d ? 'history' THEN
    INSERT INTO history_event (instance_id, root_instance_id, definition_id, element_id, element_type, type, actor, at,
      execution_id, task_id, data)
    SELECT h.instance_id, h.root_instance_id, h.definition_id, h.element_id, h.element_type, h.type, h.actor, h.at,
      h.execution_id, h.task_id, h.data
    FROM jsonb_populate_recordset(null::history_event, d->'history') WITH ORDINALITY AS h ORDER BY h.ordinality;
  END IF;
END
$fn$;`;
