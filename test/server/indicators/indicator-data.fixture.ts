import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';

/**
 * Known data on both map structures of province 99 (2025: 99130, 99160; 2022: 991 → 99101, 99104)
 * and on province 98. Expected values of every shipped indicator are derived by hand in the test.
 */
export const P = {
  a1: '10000000-0000-4000-8000-000000000001', // 99130: addicted 2024-01-10 → methadone 2024-02-01 (open); counselled 2024-01-12
  a2: '10000000-0000-4000-8000-000000000002', // 99130: addicted → compulsory 2024-04-01..2025-04-01 → post_rehab; counselled; dossier→court 21 d
  a3: '10000000-0000-4000-8000-000000000003', // 99160: addicted 2023 → compulsory ..2024-06-01, no post-rehab; dossier→court 20 d
  a4: '10000000-0000-4000-8000-000000000004', // 99101 (2022): methadone 2022-04..2023-01, voluntary ..2023-07-01 → post_rehab; dossier→court 10 d
  a5: '10000000-0000-4000-8000-000000000005', // 99104 (2022): addicted 2024-06-01 (open), not counselled
  a6: '10000000-0000-4000-8000-000000000006', // 98130: methadone 2024-01-01
  a7: '10000000-0000-4000-8000-000000000007', // 99130: methadone 2019 (Hà Nội plan period only)
};

const scopes: Record<string, string> = { '99130': '/99/99130/', '99160': '/99/99160/', '99101': '/99/991/99101/', '99104': '/99/991/99104/', '98130': '/98/98130/' };

type St = { status: string; from: string; to?: string };
const persons: { id: string; name: string; commune: string; statuses: St[] }[] = [
  { id: P.a1, name: 'Nguyễn Văn Một', commune: '99130', statuses: [{ status: 'addicted', from: '2024-01-10', to: '2024-02-01' }, { status: 'methadone', from: '2024-02-01' }] },
  { id: P.a2, name: 'Trần Văn Hai', commune: '99130', statuses: [{ status: 'addicted', from: '2024-03-01', to: '2024-04-01' }, { status: 'compulsory_rehab', from: '2024-04-01', to: '2025-04-01' }, { status: 'post_rehab', from: '2025-04-01' }] },
  { id: P.a3, name: 'Lê Thị Ba', commune: '99160', statuses: [{ status: 'addicted', from: '2023-05-01', to: '2023-06-01' }, { status: 'compulsory_rehab', from: '2023-06-01', to: '2024-06-01' }, { status: 'closed', from: '2024-06-01' }] },
  { id: P.a4, name: 'Phạm Văn Bốn', commune: '99101', statuses: [{ status: 'addicted', from: '2022-03-01', to: '2022-04-01' }, { status: 'methadone', from: '2022-04-01', to: '2023-01-01' }, { status: 'voluntary_rehab', from: '2023-01-01', to: '2023-07-01' }, { status: 'post_rehab', from: '2023-07-01' }] },
  { id: P.a5, name: 'Hoàng Văn Năm', commune: '99104', statuses: [{ status: 'addicted', from: '2024-06-01' }] },
  { id: P.a6, name: 'Đỗ Văn Sáu', commune: '98130', statuses: [{ status: 'methadone', from: '2024-01-01' }] },
  { id: P.a7, name: 'Vũ Văn Bảy', commune: '99130', statuses: [{ status: 'methadone', from: '2019-01-01', to: '2019-12-31' }] },
];

const at = (date: string) => new Date(`${date}T09:00:00+07:00`);

export async function seedIndicatorData(db: Kysely<ServerDatabase>): Promise<void> {
  const now = new Date('2026-01-05T08:00:00+07:00');
  for (const p of persons) {
    await db.insertInto('person').values({
      id: p.id, full_name: p.name, commune_code: p.commune, province_code: p.commune.slice(0, 2), scope: scopes[p.commune],
      status: p.statuses[p.statuses.length - 1].status, statuses: JSON.stringify(p.statuses), created_at: now, updated_at: now,
    }).execute();
  }
  const defId = randomUUID();
  await sql`INSERT INTO process_definition (id, key, version, deployment_id, name, checksum, source_xml, deployed_at)
    VALUES (${defId}, 'fixture', 1, ${randomUUID()}, 'fixture', 'x', '<x/>', ${now})`.execute(db);

  let caseNo = 0;
  /** One case (one root instance of `procedure`) with its history events. */
  const caseWith = async (personId: string, procedure: string, events: { type: string; element?: string; date: string }[]) => {
    const person = persons.find((p) => p.id === personId)!;
    const instanceId = randomUUID();
    const code = `HS-FX-${++caseNo}`;
    await sql`INSERT INTO process_instance (id, root_instance_id, definition_id, definition_key, business_key, scope, state, started_at)
      VALUES (${instanceId}, ${instanceId}, ${defId}, ${procedure}, ${code}, ${scopes[person.commune]}, 'active', ${at(events[0].date)})`.execute(db);
    await db.insertInto('rehab_case').values({
      code, person_id: personId, procedure_key: procedure, title: `${procedure} ${person.name}`, scope: scopes[person.commune],
      instance_id: instanceId, data: '{}', medical: null, created_by: null, created_at: at(events[0].date), updated_at: at(events[0].date),
    }).execute();
    for (const e of events) {
      await sql`INSERT INTO history_event (instance_id, root_instance_id, definition_id, element_id, type, at)
        VALUES (${instanceId}, ${instanceId}, ${defId}, ${e.element ?? null}, ${e.type}, ${at(e.date)})`.execute(db);
    }
    return { instanceId, code };
  };
  // Counselling / screening (TV plan) in the period for a1 and a2; a5 only started a determination.
  await caseWith(P.a1, 'addiction-determination', [{ type: 'instance.started', date: '2024-01-10' }, { type: 'task.completed', element: 'Task_Examine', date: '2024-01-12' }]);
  await caseWith(P.a2, 'addiction-determination', [{ type: 'instance.started', date: '2024-03-01' }, { type: 'task.completed', element: 'Task_Examine', date: '2024-03-05' }]);
  await caseWith(P.a5, 'addiction-determination', [{ type: 'instance.started', date: '2024-06-01' }, { type: 'task.completed', element: 'Task_PrepareRequest', date: '2024-06-02' }]);
  // Trigger (compulsory dossier started) → court decision (Task_Session completed): 21, 20, 10 days.
  for (const [person, start, decision] of [[P.a2, '2024-03-10', '2024-03-31'], [P.a3, '2023-05-10', '2023-05-30'], [P.a4, '2022-03-05', '2022-03-15']] as const) {
    await caseWith(person, 'compulsory-dossier', [{ type: 'instance.started', date: start }]);
    await caseWith(person, 'court-decision', [{ type: 'instance.started', date: start }, { type: 'task.completed', element: 'Task_Session', date: decision }]);
  }

  // Tasks: 99130 → 2 on time + 1 late; 99160 → 1 on time; 99101 → 1 without deadline (not counted).
  const { instanceId } = await caseWith(P.a1, 'post-rehab-supervision', [{ type: 'instance.started', date: '2024-05-01' }]);
  const tasks: [string, string, string | null][] = [
    ['99130', '2024-05-10', '2024-05-12'], ['99130', '2024-06-10', '2024-06-10'], ['99130', '2024-07-15', '2024-07-10'],
    ['99160', '2023-02-01', '2023-02-05'], ['99101', '2023-03-01', null],
  ];
  for (const [commune, completed, due] of tasks) {
    await sql`INSERT INTO task (id, instance_id, root_instance_id, execution_id, definition_id, definition_key, element_id, name, state, scope, created_at, completed_at, due_at)
      VALUES (${randomUUID()}, ${instanceId}, ${instanceId}, ${randomUUID()}, ${defId}, 'fixture', 'Task_X', 'Việc', 'completed', ${scopes[commune]},
              ${at(completed)}, ${new Date(`${completed}T10:00:00+07:00`)}, ${due ? new Date(`${due}T17:00:00+07:00`) : null})`.execute(db);
  }

  // Hand-entered counselling points: 99130 (2023), 99101 (2024), 99160 (2021: before the plan).
  for (const [commune, date, value] of [['99130', '2023-05-01', 1], ['99101', '2024-02-01', 1], ['99160', '2021-12-01', 2]] as const) {
    await sql`INSERT INTO indicator_observation (indicator_code, scope, observed_on, value, created_at) VALUES ('qt.counselling-points', ${scopes[commune]}, ${date}::date, ${value}, ${now})`.execute(db);
  }
}
