import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Db, EngineContext } from '../engine-context';
import type {
  EngineDatabase, HistoryEventTable, IncidentTable, ProcessDefinitionTable, ProcessInstanceTable, TaskTable,
} from '../schema/engine-db.types';

/** An extra condition from the caller (authorization): `(qb) => qb.where('scope', 'like', '/44/%')`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- kysely's builder before select()
export type QueryFilter<T extends keyof EngineDatabase> = (qb: SelectQueryBuilder<EngineDatabase, T, {}>) => SelectQueryBuilder<EngineDatabase, T, {}>;

export interface Page<T> {
  items: T[];
  total: number;
  /** true when `total` stopped at the query's `countLimit` (there are more) */
  capped?: boolean;
}

export interface PageInput<T extends keyof EngineDatabase> {
  limit?: number;
  offset?: number;
  filter?: QueryFilter<T>;
  tx?: Db;
}

export type TaskRecord = Selectable<TaskTable>;
export type InstanceRecord = Selectable<ProcessInstanceTable>;
export type HistoryRecord = Selectable<HistoryEventTable>;
export type IncidentRecord = Selectable<IncidentTable>;
export type DefinitionRecord = Omit<Selectable<ProcessDefinitionTable>, 'source_xml'>;

export interface TaskQuery extends PageInput<'task'> {
  state?: 'created' | 'completed' | 'cancelled';
  assignee?: string;
  /** tasks offered to any of these groups (GIN index) */
  candidateGroups?: string[];
  candidateUser?: string;
  instanceId?: string;
  businessKey?: string;
  orderBy?: 'created_at' | 'due_at' | 'priority';
  /** count at most this many rows (`capped` says the total is a lower bound); default: exact */
  countLimit?: number;
  /** above this many matches the page walks the list-order index (default DENSE_LIST; tests lower it) */
  denseAbove?: number;
}

export async function listTasks(ctx: EngineContext, query: TaskQuery = {}): Promise<Page<TaskRecord>> {
  const db = query.tx ?? ctx.db;
  let qb = db.selectFrom('task');
  if (query.state) qb = qb.where('state', '=', query.state);
  if (query.assignee) qb = qb.where('assignee', '=', query.assignee);
  if (query.candidateGroups) qb = qb.where(sql<boolean>`candidate_groups && ${query.candidateGroups}::text[]`);
  if (query.candidateUser) qb = qb.where(sql<boolean>`candidate_users @> ${[query.candidateUser]}::text[]`);
  if (query.instanceId) qb = qb.where('instance_id', '=', query.instanceId);
  if (query.businessKey) qb = qb.where('business_key', '=', query.businessKey);
  if (query.filter) qb = query.filter(qb);
  const order = query.orderBy ?? 'created_at';
  const direction = order === 'priority' ? 'desc' : 'asc';
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  // The count first: it decides the page's plan (docs/benchmarks.md, HTTP / national scale, round 2).
  const counted = await countRows(db, qb, query.countLimit);
  let items: TaskRecord[];
  if (counted.total > (query.denseAbove ?? DENSE_LIST)) {
    // Many matches (a provincial office: 3 000 of 100 000 open tasks): the ids in list order by an
    // index-only walk of task_open_created_idx (its INCLUDE columns evaluate the authorization
    // filter) that stops at the page, then those rows by primary key.
    const pageIds = qb.select('task.id').orderBy(`task.${order}`, direction).orderBy('task.id').limit(limit).offset(offset);
    items = await db.selectFrom('task').selectAll().where('task.id', 'in', pageIds).orderBy(order, direction).orderBy('id').execute();
  } else {
    // Few matches (a commune: 450): all of them through the candidate-group bitmap, then a sort.
    // MATERIALIZED keeps the planner from walking an index in list order to stop at the page: with
    // its row estimate for the OR'd filter (1 500 for 450) it did, passing ~18 600 entries and
    // fetching the heap for each (18 000 buffers measured) instead of ~450.
    items = await db.with((cte) => cte('matching').materialized(), () => qb.selectAll())
      .selectFrom('matching').selectAll().orderBy(order, direction).orderBy('id').limit(limit).offset(offset).execute();
  }
  return { items, ...counted };
}

/** Above this many matching tasks a list page walks the index in list order (see listTasks). */
const DENSE_LIST = 500;

/**
 * Rows matching `qb`, at most `limit` (+ `capped`). The capped count reads `instance_id`, which
 * task_open_created_idx does not hold: the planner counts through the candidate-group bitmap
 * (≤ limit + 1 heap rows) instead of walking that index, whose cost depends on the visibility map.
 */
async function countRows(db: Db, qb: SelectQueryBuilder<EngineDatabase, 'task', object>, limit?: number): Promise<{ total: number; capped: boolean }> {
  if (limit === undefined) {
    const row = await qb.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return { total: Number(row.count), capped: false };
  }
  // count(instance_id) = count(*) (NOT NULL), and keeps the column in the subquery's output.
  const row = await db.selectFrom(qb.select('task.instance_id').limit(limit + 1).as('matching'))
    .select((eb) => eb.fn.count<number>('matching.instance_id').as('count')).executeTakeFirstOrThrow();
  const n = Number(row.count);
  return { total: Math.min(n, limit), capped: n > limit };
}

export async function getTask(ctx: EngineContext, taskId: string, tx?: Db): Promise<TaskRecord | null> {
  return (await (tx ?? ctx.db).selectFrom('task').selectAll().where('id', '=', taskId).executeTakeFirst()) ?? null;
}

/** A task's variables for form pre-fill: its locals (io inputs) and everything visible to it. */
export async function getTaskVariables(
  ctx: EngineContext, taskId: string, tx?: Db,
): Promise<{ local: Record<string, unknown>; all: Record<string, unknown> } | null> {
  const db = tx ?? ctx.db;
  const task = await db.selectFrom('task').select(['execution_id', 'instance_id']).where('id', '=', taskId).executeTakeFirst();
  if (!task) return null;
  const executions = await db.selectFrom('execution').select(['id', 'parent_id']).where('instance_id', '=', task.instance_id).execute();
  const parents = new Map(executions.map((e) => [e.id, e.parent_id]));
  const chain: string[] = [];
  for (let id: string | null | undefined = task.execution_id; id; id = parents.get(id)) chain.unshift(id);
  if (!chain.includes(task.instance_id)) chain.unshift(task.instance_id);
  const rows = await db.selectFrom('variable').select(['scope_id', 'name', 'value']).where('scope_id', 'in', chain).execute();
  const all: Record<string, unknown> = {};
  const local: Record<string, unknown> = {};
  for (const scope of chain) {
    for (const row of rows) if (row.scope_id === scope) all[row.name] = row.value;
  }
  for (const row of rows) if (row.scope_id === task.execution_id) local[row.name] = row.value;
  return { local, all };
}

export interface InstanceQuery extends PageInput<'process_instance'> {
  state?: string;
  definitionKey?: string;
  businessKey?: string;
  rootOnly?: boolean;
}

export async function listInstances(ctx: EngineContext, query: InstanceQuery = {}): Promise<Page<InstanceRecord>> {
  let qb = (query.tx ?? ctx.db).selectFrom('process_instance');
  if (query.state) qb = qb.where('state', '=', query.state);
  if (query.definitionKey) qb = qb.where('definition_key', '=', query.definitionKey);
  if (query.businessKey) qb = qb.where('business_key', '=', query.businessKey);
  if (query.rootOnly) qb = qb.where('parent_instance_id', 'is', null);
  if (query.filter) qb = query.filter(qb);
  const [items, total] = await Promise.all([
    qb.selectAll().orderBy('started_at', 'desc').orderBy('id').limit(query.limit ?? 50).offset(query.offset ?? 0).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export async function getInstance(ctx: EngineContext, instanceId: string, tx?: Db): Promise<InstanceRecord | null> {
  return (await (tx ?? ctx.db).selectFrom('process_instance').selectAll().where('id', '=', instanceId).executeTakeFirst()) ?? null;
}

/** Variables of the instance scope. */
export async function getVariables(ctx: EngineContext, instanceId: string, tx?: Db): Promise<Record<string, unknown>> {
  const rows = await (tx ?? ctx.db).selectFrom('variable').select(['name', 'value']).where('scope_id', '=', instanceId).execute();
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

export interface HistoryQuery extends PageInput<'history_event'> {
  instanceId?: string;
  /** the whole tree of a root instance (called instances included) */
  rootInstanceId?: string;
  types?: string[];
}

export async function listHistory(ctx: EngineContext, query: HistoryQuery = {}): Promise<Page<HistoryRecord>> {
  let qb = (query.tx ?? ctx.db).selectFrom('history_event');
  if (query.instanceId) qb = qb.where('instance_id', '=', query.instanceId);
  if (query.rootInstanceId) qb = qb.where('root_instance_id', '=', query.rootInstanceId);
  if (query.types) qb = qb.where('type', 'in', query.types);
  if (query.filter) qb = query.filter(qb);
  const [items, total] = await Promise.all([
    qb.selectAll().orderBy('id').limit(query.limit ?? 500).offset(query.offset ?? 0).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export interface IncidentQuery extends PageInput<'incident'> {
  state?: 'open' | 'resolved';
  instanceId?: string;
}

export async function listIncidents(ctx: EngineContext, query: IncidentQuery = {}): Promise<Page<IncidentRecord>> {
  let qb = (query.tx ?? ctx.db).selectFrom('incident');
  if (query.state) qb = qb.where('state', '=', query.state);
  if (query.instanceId) qb = qb.where('instance_id', '=', query.instanceId);
  if (query.filter) qb = query.filter(qb);
  const [items, total] = await Promise.all([
    qb.selectAll().orderBy('created_at').orderBy('id').limit(query.limit ?? 50).offset(query.offset ?? 0).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export interface DefinitionQuery extends PageInput<'process_definition'> {
  key?: string;
  latestOnly?: boolean;
}

export async function listDefinitions(ctx: EngineContext, query: DefinitionQuery = {}): Promise<Page<DefinitionRecord>> {
  let qb = (query.tx ?? ctx.db).selectFrom('process_definition');
  if (query.key) qb = qb.where('key', '=', query.key);
  if (query.latestOnly) {
    qb = qb.where(({ eb, selectFrom }) => eb('version', '=', selectFrom('process_definition as p2')
      .select((e) => e.fn.max('p2.version').as('v')).whereRef('p2.key', '=', 'process_definition.key')));
  }
  if (query.filter) qb = query.filter(qb);
  const [items, total] = await Promise.all([
    qb.select(['id', 'key', 'version', 'deployment_id', 'name', 'checksum', 'deployed_by', 'deployed_at', 'version_tag',
      'jurisdiction_code', 'parent_definition_id']).orderBy('key').orderBy('version', 'desc')
      .limit(query.limit ?? 50).offset(query.offset ?? 0).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export async function getDefinitionXml(ctx: EngineContext, definitionId: string, tx?: Db): Promise<string | null> {
  const row = await (tx ?? ctx.db).selectFrom('process_definition').select('source_xml').where('id', '=', definitionId).executeTakeFirst();
  return row?.source_xml ?? null;
}
