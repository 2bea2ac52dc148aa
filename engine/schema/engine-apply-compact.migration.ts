import { sql, type Kysely, type Migration } from 'kysely';
import { applyFunction } from './engine-runtime.migration';

const HISTORY_0001 = `    SELECT h.instance_id, h.root_instance_id, h.definition_id, h.element_id, h.element_type, h.type, h.actor, h.at,
      h.execution_id, h.task_id, h.data
    FROM jsonb_populate_recordset(null::history_event, d->'history') WITH ORDINALITY AS h ORDER BY h.ordinality;`;

/**
 * History rows of a diff leave out the fields they share with `historyDefaults` (instance, root,
 * definition, actor, time — the same for most rows of a command): each row is `defaults || row`.
 */
const HISTORY_0070 = `    SELECT h.instance_id, h.root_instance_id, h.definition_id, h.element_id, h.element_type, h.type, h.actor, h.at,
      h.execution_id, h.task_id, h.data
    FROM jsonb_array_elements(d->'history') WITH ORDINALITY AS x(e, o),
      LATERAL jsonb_populate_record(null::history_event, coalesce(d->'historyDefaults', '{}'::jsonb) || x.e) AS h
    ORDER BY x.o;`;

/**
 * Deletes by id list as `id = ANY(ARRAY(…))` (one array, a primary-key probe per id once the table is
 * big enough) instead of 0001's `id IN (SELECT … FROM jsonb_array_elements_text(…))`, which auto_explain
 * showed as a hash semi-join over a sequential scan of `execution` (docs/benchmarks.md). On a small
 * table the planner still prefers the sequential scan, which is then the cheaper plan.
 */
const DELETES: [string, string][] = ['execution', 'event_subscription', 'job'].map((table) => {
  const key = table === 'execution' ? 'executionsDeleted' : table === 'job' ? 'jobsDeleted' : 'subscriptionsDeleted';
  return [
    `DELETE FROM ${table} WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(d->'${key}'));`,
    `DELETE FROM ${table} WHERE id = ANY(ARRAY(SELECT value::uuid FROM jsonb_array_elements_text(d->'${key}')));`,
  ];
});

if (!applyFunction.includes(HISTORY_0001) || DELETES.some(([old]) => !applyFunction.includes(old))) {
  throw new Error('engine_apply of 0001 changed: update 0070');
}

function compactApply(): string {
  let text = applyFunction.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION').replace(HISTORY_0001, HISTORY_0070);
  for (const [old, next] of DELETES) text = text.replace(old, next);
  return text;
}

/** 0070: engine_apply with compact history rows (smaller diff per command) and index-scan deletes. */
export const engineApplyCompactMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql.raw(compactApply()).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql.raw(applyFunction.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')).execute(db);
  },
};
