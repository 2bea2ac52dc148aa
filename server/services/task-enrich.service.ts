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

/**
 * Register columns for the task list (sổ theo dõi hồ sơ): assignee, person, case code, commune,
 * procedure name and working days left — a few batched lookups for the page, never per row.
 */
export async function enrichTasks<T extends ListedTask>(app: FastifyInstance, tasks: T[]): Promise<(T & Record<string, unknown>)[]> {
  if (!tasks.length) return tasks;
  const { db, clock } = app.deps;
  const ids = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const roots = ids(tasks.map((t) => t.root_instance_id));
  const [users, vars, defs, communes, holidays] = await Promise.all([
    db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids(tasks.map((t) => t.assignee)).length ? ids(tasks.map((t) => t.assignee)) : ['00000000-0000-0000-0000-000000000000']).execute(),
    sql<{ root_instance_id: string; name: string; value: unknown }>`
      SELECT root_instance_id, name, value FROM variable
      WHERE scope_id = root_instance_id AND root_instance_id = ANY(${sql.val(roots)}::uuid[]) AND name IN ('personId', 'caseId')`.execute(db),
    sql<{ id: string; name: string | null; key: string }>`SELECT id, name, key FROM process_definition WHERE id = ANY(${sql.val(ids(tasks.map((t) => t.definition_id)))}::uuid[])`.execute(db),
    db.selectFrom('jurisdiction').select(['path', 'name']).where('path', 'in', ids(tasks.map((t) => t.scope)).length ? ids(tasks.map((t) => t.scope)) : ['-']).execute(),
    app.engine.listHolidays(),
  ]);
  const personIds = ids(vars.rows.filter((v) => v.name === 'personId').map((v) => (typeof v.value === 'string' ? v.value : null)));
  const caseIds = ids(vars.rows.filter((v) => v.name === 'caseId').map((v) => (typeof v.value === 'string' ? v.value : null)));
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [persons, cases] = await Promise.all([
    personIds.filter((i) => uuid.test(i)).length ? db.selectFrom('person').select(['id', 'full_name']).where('id', 'in', personIds.filter((i) => uuid.test(i))).execute() : [],
    caseIds.filter((i) => uuid.test(i)).length ? db.selectFrom('rehab_case').select(['id', 'code']).where('id', 'in', caseIds.filter((i) => uuid.test(i))).execute() : [],
  ]);
  const calendar = new BusinessCalendar();
  calendar.setHolidays(holidays.map((h) => String(h.date)));
  const today = calendar.localDate(clock.now());
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const defName = new Map(defs.rows.map((d) => [d.id, d.name ?? d.key]));
  const communeName = new Map(communes.map((c) => [c.path, c.name]));
  const personName = new Map(persons.map((p) => [p.id, p.full_name]));
  const caseCode = new Map(cases.map((c) => [c.id, c.code]));
  const varOf = (root: string, name: string) => {
    const v = vars.rows.find((r) => r.root_instance_id === root && r.name === name)?.value;
    return typeof v === 'string' ? v : null;
  };
  return tasks.map((t) => {
    const personId = varOf(t.root_instance_id, 'personId');
    const caseId = varOf(t.root_instance_id, 'caseId');
    const due = t.due_at ? new Date(t.due_at) : null;
    return {
      ...t,
      assignee_name: t.assignee ? (userName.get(t.assignee) ?? null) : null,
      person_id: personId,
      person_name: personId ? (personName.get(personId) ?? null) : null,
      case_code: caseId ? (caseCode.get(caseId) ?? null) : null,
      commune_name: t.scope ? (communeName.get(t.scope) ?? null) : null,
      procedure_name: defName.get(t.definition_id) ?? null,
      working_days_left: due ? calendar.workingDaysBetween(today, calendar.localDate(due)) : null,
    };
  });
}
