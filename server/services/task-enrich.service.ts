import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { BusinessCalendar } from '../../engine/index';

interface ListedTask {
  id: string;
  root_instance_id: string;
  definition_id: string;
  assignee: string | null;
  scope: string | null;
  due_at: Date | string | null;
  [key: string]: unknown;
}

/** The register columns of one task, as the query returns them (in the tasks' order). */
interface RegisterColumns {
  assignee_name: string | null;
  person_id: string | null;
  person_name: string | null;
  case_code: string | null;
  commune_name: string | null;
  procedure_name: string | null;
}

/** Ids kept in variables or `task.assignee` are text: only well-formed uuids are looked up. */
const UUID = sql.lit('^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');

/**
 * Register columns for the task list (sổ theo dõi hồ sơ) and the task view: assignee, person, case
 * code, commune, procedure name and working days left — one query for the whole page (the tasks are
 * passed in as arrays and joined by primary key / unique key; the holidays come with it), never per
 * row. The tasks themselves were already selected under the caller's CASL filter; the person and
 * case are those of the root instance's own `personId` / `caseId` variables (`scope_id =
 * root_instance_id`: a subprocess's or task-local variable of the same name does not count).
 */
export async function enrichTasks<T extends ListedTask>(app: FastifyInstance, tasks: T[]): Promise<(T & Record<string, unknown>)[]> {
  if (!tasks.length) return tasks;
  const { db, clock } = app.deps;
  const column = <K extends keyof ListedTask>(key: K) => sql.val(tasks.map((t) => t[key] ?? null));
  const result = await sql<{ rows: RegisterColumns[]; holidays: string[] }>`
    WITH t AS (
      SELECT * FROM unnest(${column('root_instance_id')}::uuid[], ${column('definition_id')}::uuid[], ${column('assignee')}::text[], ${column('scope')}::text[])
        WITH ORDINALITY AS t(root_instance_id, definition_id, assignee, scope, ord)
    ), r AS (
      SELECT t.ord,
        (SELECT u.display_name FROM app_user u WHERE u.id = CASE WHEN t.assignee ~* ${UUID} THEN t.assignee::uuid END) AS assignee_name,
        v.person_id,
        (SELECT p.full_name FROM person p WHERE p.id = CASE WHEN v.person_id ~* ${UUID} THEN v.person_id::uuid END) AS person_name,
        (SELECT c.code FROM rehab_case c WHERE c.id = CASE WHEN v.case_id ~* ${UUID} THEN v.case_id::uuid END) AS case_code,
        (SELECT j.name FROM jurisdiction j WHERE j.path = t.scope ORDER BY j.code LIMIT 1) AS commune_name,
        (SELECT coalesce(d.name, d.key) FROM process_definition d WHERE d.id = t.definition_id) AS procedure_name
      FROM t
      LEFT JOIN LATERAL (
        SELECT max(CASE WHEN x.name = 'personId' AND jsonb_typeof(x.value) = 'string' THEN x.value #>> '{}' END) AS person_id,
               max(CASE WHEN x.name = 'caseId' AND jsonb_typeof(x.value) = 'string' THEN x.value #>> '{}' END) AS case_id
        FROM variable x
        WHERE x.scope_id = t.root_instance_id AND x.root_instance_id = t.root_instance_id AND x.name IN ('personId', 'caseId')
      ) v ON true
    )
    SELECT (SELECT coalesce(json_agg(r ORDER BY r.ord), '[]') FROM r) AS rows,
      (SELECT coalesce(json_agg(to_char(h.date, 'YYYY-MM-DD')), '[]') FROM calendar_holiday h) AS holidays`.execute(db);
  const { rows, holidays } = result.rows[0];
  const calendar = new BusinessCalendar();
  calendar.setHolidays(holidays);
  const today = calendar.localDate(clock.now());
  return tasks.map((t, i) => {
    const due = t.due_at ? new Date(t.due_at) : null;
    const r = rows[i];
    return {
      ...t,
      assignee_name: t.assignee ? r.assignee_name : null,
      person_id: r.person_id,
      person_name: r.person_id ? r.person_name : null,
      case_code: r.case_code,
      commune_name: t.scope ? r.commune_name : null,
      procedure_name: r.procedure_name,
      working_days_left: due ? calendar.workingDaysBetween(today, calendar.localDate(due)) : null,
    };
  });
}
