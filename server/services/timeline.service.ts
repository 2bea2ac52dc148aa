import { sql, type Kysely } from 'kysely';
import type { AppAbility } from '../auth/abilities';
import { allows } from '../auth/guard';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import type { ServerDatabase } from '../db/schema';

export interface TimelineEvent {
  at: string;
  kind: 'status' | 'case' | 'audit' | 'process';
  title: string;
  detail?: Record<string, unknown>;
}

/** A person's history: status periods, their cases (only those the caller may read), changes. */
export async function personTimeline(db: Kysely<ServerDatabase>, ability: AppAbility, person: { id: string; statuses: unknown }): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  for (const s of (person.statuses as { status: string; from: string; to?: string; note?: string }[]) ?? []) {
    events.push({ at: s.from, kind: 'status', title: s.status, detail: { to: s.to, note: s.note } });
  }
  const cases = await db
    .selectFrom('rehab_case as c')
    .select(['c.id', 'c.code', 'c.title', 'c.procedure_key', 'c.status', 'c.scope', 'c.created_at'])
    .where('c.person_id', '=', person.id)
    .where(accessibleWhere(ability, 'read', 'Case', columnMaps.Case))
    .execute();
  for (const c of cases) {
    if (!allows(ability, 'read', 'Case', { row: c })) continue;
    events.push({ at: c.created_at.toISOString(), kind: 'case', title: c.title, detail: { caseId: c.id, code: c.code, procedure: c.procedure_key, status: c.status } });
  }
  const changes = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'actor_id'])
    .where('resource_type', '=', 'Person')
    .where('resource_id', '=', person.id)
    .where('action', 'in', ['person.created', 'person.updated'])
    .orderBy('id')
    .execute();
  for (const a of changes) events.push({ at: a.at.toISOString(), kind: 'audit', title: a.action, detail: { actorId: a.actor_id } });
  // Procedure milestones of the person's instances the caller may see (History rules in SQL).
  const history = await sql<{ at: Date; type: string; element_id: string | null; definition_key: string; instance_id: string; name: string | null }>`
    SELECT h.at, h.type, h.element_id, i.definition_key, h.instance_id, t.name
    FROM history_event h
    JOIN process_instance i ON i.id = h.instance_id
    LEFT JOIN task t ON t.id = h.task_id
    WHERE h.type IN ('instance.started', 'instance.completed', 'instance.cancelled', 'task.created', 'task.completed')
      AND h.root_instance_id IN (SELECT v.root_instance_id FROM variable v WHERE v.name = 'personId' AND v.value = ${JSON.stringify(person.id)}::jsonb)
      AND ${accessibleWhere(ability, 'read', 'History', { id: { column: 'i.id' }, scope: { column: 'i.scope' } })}
    ORDER BY h.id LIMIT 1000`.execute(db);
  for (const h of history.rows) {
    events.push({ at: new Date(h.at).toISOString(), kind: 'process', title: h.type, detail: { procedure: h.definition_key, instanceId: h.instance_id, elementId: h.element_id, taskName: h.name } });
  }
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
