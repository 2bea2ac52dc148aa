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

if (!applyFunction.includes(HISTORY_0001)) throw new Error('engine_apply of 0001 changed: update 0070');

/** 0070: engine_apply with compact history rows (smaller diff per command). */
export const engineApplyCompactMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql.raw(applyFunction.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION').replace(HISTORY_0001, HISTORY_0070)).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql.raw(applyFunction.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')).execute(db);
  },
};
