import { sql, type RawBuilder } from 'kysely';
import type { SubjectType } from '../auth/abilities';
import type { ColumnMap } from '../auth/casl-sql';
import type { SourceName } from './measure.types';

/** Business time zone: period boundaries are Vietnamese calendar days. */
export const TZ = 'Asia/Ho_Chi_Minh';
const day = (column: string): RawBuilder<unknown> => sql`(${sql.ref(column)} AT TIME ZONE ${sql.lit(TZ)})::date`;

/**
 * One named source of rows: its FROM clause, the jurisdiction path column, the CASL subject whose
 * `read` rules filter it (translated to SQL by casl-sql), the fields a measure may filter on and
 * the dates a period may apply to. Nothing outside this whitelist reaches SQL as an identifier.
 */
export interface SourceSpec {
  from: RawBuilder<unknown>;
  scope: RawBuilder<unknown>;
  subject: SubjectType;
  columns: ColumnMap;
  personId: RawBuilder<unknown>;
  /** case shown when drilling down (id, code) */
  caseId: RawBuilder<unknown>;
  caseCode: RawBuilder<unknown>;
  fields: Record<string, RawBuilder<unknown>>;
  dates: Record<string, RawBuilder<unknown>>;
  defaultPeriod: string;
  /** what a row contributes (count(*) unless the source carries a value) */
  aggregate?: RawBuilder<unknown>;
  /** statuses: the status interval, for period `overlap` */
  interval?: { from: RawBuilder<unknown>; to: RawBuilder<unknown> };
}

const latestCaseOf = (personCol: string, what: 'id' | 'code') =>
  sql`(SELECT lc.${sql.raw(what)} FROM rehab_case lc WHERE lc.person_id = ${sql.ref(personCol)} ORDER BY lc.created_at DESC, lc.id LIMIT 1)`;

export const sources: Record<SourceName, SourceSpec> = {
  persons: {
    from: sql`person p`,
    scope: sql.ref('p.scope'),
    subject: 'Person',
    columns: { id: { column: 'p.id' }, scope: { column: 'p.scope' } },
    personId: sql.ref('p.id'),
    caseId: latestCaseOf('p.id', 'id'),
    caseCode: latestCaseOf('p.id', 'code'),
    fields: { status: sql.ref('p.status'), sex: sql.ref('p.sex'), communeCode: sql.ref('p.commune_code'), provinceCode: sql.ref('p.province_code') },
    dates: { createdAt: day('p.created_at') },
    defaultPeriod: 'none',
  },
  statuses: {
    // One row per status entry of a person (person.statuses jsonb: {status, from, to?, caseId?}).
    from: sql`person p CROSS JOIN LATERAL jsonb_array_elements(p.statuses) AS s(e)`,
    scope: sql.ref('p.scope'),
    subject: 'Person',
    columns: { id: { column: 'p.id' }, scope: { column: 'p.scope' } },
    personId: sql.ref('p.id'),
    caseId: sql`coalesce((s.e->>'caseId')::uuid, ${latestCaseOf('p.id', 'id')})`,
    caseCode: sql`coalesce((SELECT sc.code FROM rehab_case sc WHERE sc.id::text = s.e->>'caseId'), ${latestCaseOf('p.id', 'code')})`,
    fields: { status: sql`(s.e->>'status')`, personStatus: sql.ref('p.status'), sex: sql.ref('p.sex') },
    dates: { from: sql`(s.e->>'from')::date`, to: sql`(s.e->>'to')::date` },
    defaultPeriod: 'overlap',
    interval: { from: sql`(s.e->>'from')::date`, to: sql`(s.e->>'to')::date` },
  },
  cases: {
    from: sql`rehab_case c`,
    scope: sql.ref('c.scope'),
    subject: 'Case',
    columns: { id: { column: 'c.id' }, scope: { column: 'c.scope' } },
    personId: sql.ref('c.person_id'),
    caseId: sql.ref('c.id'),
    caseCode: sql.ref('c.code'),
    fields: {
      procedureKey: sql.ref('c.procedure_key'),
      status: sql.ref('c.status'),
      trigger: sql`(c.data->>'trigger')`,
      ruleset: sql`(c.data->>'ruleset')`,
    },
    dates: { createdAt: day('c.created_at'), updatedAt: day('c.updated_at') },
    defaultPeriod: 'createdAt',
  },
  tasks: {
    // Authorised like instances (jurisdiction subtree), not like the task list (candidacy).
    from: sql`task t LEFT JOIN rehab_case tc ON tc.instance_id = t.root_instance_id::text`,
    scope: sql.ref('t.scope'),
    subject: 'Instance',
    columns: { id: { column: 't.instance_id' }, scope: { column: 't.scope' } },
    personId: sql.ref('tc.person_id'),
    caseId: sql.ref('tc.id'),
    caseCode: sql`coalesce(tc.code, t.business_key)`,
    fields: {
      definitionKey: sql.ref('t.definition_key'),
      elementId: sql.ref('t.element_id'),
      state: sql.ref('t.state'),
      hasDeadline: sql`(t.due_at IS NOT NULL)`,
      onTime: sql`(t.completed_at IS NOT NULL AND t.due_at IS NOT NULL AND t.completed_at <= t.due_at)`,
    },
    dates: { completedAt: day('t.completed_at'), createdAt: day('t.created_at'), dueAt: day('t.due_at') },
    defaultPeriod: 'completedAt',
  },
  history: {
    from: sql`history_event h JOIN process_instance hi ON hi.id = h.instance_id LEFT JOIN rehab_case hc ON hc.instance_id = h.root_instance_id::text`,
    scope: sql.ref('hi.scope'),
    subject: 'History',
    columns: { id: { column: 'hi.id' }, scope: { column: 'hi.scope' } },
    personId: sql.ref('hc.person_id'),
    caseId: sql.ref('hc.id'),
    caseCode: sql`coalesce(hc.code, hi.business_key)`,
    fields: { type: sql.ref('h.type'), elementId: sql.ref('h.element_id'), definitionKey: sql.ref('hi.definition_key'), elementType: sql.ref('h.element_type') },
    dates: { at: day('h.at') },
    defaultPeriod: 'at',
  },
  observations: {
    // Hand-entered values (e.g. counselling points opened); read like the person register.
    from: sql`indicator_observation o`,
    scope: sql.ref('o.scope'),
    subject: 'Person',
    columns: { id: { column: 'o.id' }, scope: { column: 'o.scope' } },
    personId: sql`NULL::uuid`,
    caseId: sql`NULL::uuid`,
    caseCode: sql`o.note`,
    fields: { indicator: sql.ref('o.indicator_code') },
    dates: { observedOn: sql.ref('o.observed_on') },
    defaultPeriod: 'observedOn',
    aggregate: sql`coalesce(sum(o.value), 0)`,
  },
};
