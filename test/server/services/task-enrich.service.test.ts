import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql, type KyselyPlugin } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { enrichTasks } from '../../../server/services/task-enrich.service';
import { FakeClock } from '../../support/clock';
import { buildTestApp, loginAs, type LoggedIn } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedTestIdentity, testSeed } from '../fixtures/identity.fixture';
import { oneStepProcessXml } from '../fixtures/one-step-process.fixture';

const xml = oneStepProcessXml('enrich_check', 'Kiểm tra hồ sơ', 'Xác minh');

const CASE_ID = '00000000-0000-4000-8000-00000000c001';
type Listed = { id: string; root_instance_id: string; definition_id: string; assignee: string | null; scope: string | null; due_at: string | null; execution_id: string; instance_id: string };
const registerColumns = ['assignee_name', 'person_id', 'person_name', 'case_code', 'commune_name', 'procedure_name', 'working_days_left'] as const;
const columnsOf = (row: Record<string, unknown>) => Object.fromEntries(registerColumns.map((k) => [k, row[k]]));

describe('task register columns (enrichTasks)', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let queries = 0;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');
  const s: Record<string, LoggedIn> = {};
  const taskOf: Record<string, Listed> = {};

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    // every statement the app sends through kysely passes here once
    const counter: KyselyPlugin = { transformQuery: (args) => { queries += 1; return args.node; }, transformResult: async (args) => args.result };
    app = await buildTestApp(t.db.withPlugin(counter), { clock });
    await app.ready();
    for (const user of ['admin', 'ca.xa1', 'ca.xa2']) s[user] = await loginAs(app, user);
    expect((await app.inject({ method: 'POST', url: '/api/definitions', headers: s.admin.headers, payload: { xml } })).statusCode).toBe(201);
    const [hung, lan] = testSeed.persons!;
    await sql`INSERT INTO rehab_case (id, code, person_id, procedure_key, title, scope, created_at, updated_at)
      VALUES (${CASE_ID}, 'HS-99130-0001', ${hung.id}, 'enrich_check', 'Hồ sơ', '/99/99130/', now(), now())`.execute(t.db);
    const starts = [
      ['ca.xa1', { communeCode: '99130', personId: hung.id, caseId: CASE_ID }],
      ['ca.xa2', { communeCode: '99160', personId: lan.id }],
    ] as const;
    for (const [user, variables] of starts) {
      expect((await app.inject({ method: 'POST', url: '/api/instances', headers: s[user].headers, payload: { definitionKey: 'enrich_check', variables } })).statusCode).toBe(201);
    }
    const all = await app.inject({ method: 'GET', url: '/api/tasks?view=all&limit=50', headers: s.admin.headers });
    for (const task of all.json().items as (Listed & { candidate_groups: string[] })[]) taskOf[task.candidate_groups[0].split(':')[1]] = task;
    expect((await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130'].id}/claim`, headers: s['ca.xa1'].headers })).statusCode).toBe(200);
    await app.engine.setHoliday('2026-03-03', 'Ngày nghỉ thử');
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should return assignee, person, case, commune, procedure and working days of each task of a page', async () => {
    // given a claimed task with a person and a case, an unclaimed one with a person only, a holiday tomorrow
    const page = [taskOf['99130'], taskOf['99160']].map((task) => ({ ...task }));
    page[0].assignee = s['ca.xa1'].userId;

    // when
    const enriched = await enrichTasks(app, page);

    // then
    expect(enriched.map(columnsOf)).toEqual([
      { assignee_name: 'Công an xã 1', person_id: testSeed.persons![0].id, person_name: 'Nguyễn Văn Hùng', case_code: 'HS-99130-0001', commune_name: 'Xã Sông Xanh', procedure_name: 'Kiểm tra hồ sơ', working_days_left: 1 },
      { assignee_name: null, person_id: testSeed.persons![1].id, person_name: 'Đỗ Thị Lan', case_code: null, commune_name: 'Xã Bến Đò', procedure_name: 'Kiểm tra hồ sơ', working_days_left: 1 },
    ]);
    expect(enriched[1]).toMatchObject({ id: page[1].id, scope: '/99/99160/' });
  });

  it('should read a page of tasks in one query', async () => {
    // given
    const page = [taskOf['99130'], taskOf['99160'], taskOf['99130']];
    queries = 0;

    // when
    const enriched = await enrichTasks(app, page);

    // then
    expect(queries).toBe(1);
    expect(enriched.map((e) => e.person_name)).toEqual(['Nguyễn Văn Hùng', 'Đỗ Thị Lan', 'Nguyễn Văn Hùng']);
  });

  it('should take the person of the root instance only, and look up only well-formed ids', async () => {
    // given a task-local personId of another person, and a task whose root variables hold no uuid
    const task = taskOf['99160'];
    await sql`INSERT INTO variable (scope_id, name, instance_id, root_instance_id, value, updated_at)
      VALUES (${task.execution_id}, 'personId', ${task.instance_id}, ${task.root_instance_id}, to_jsonb(${testSeed.persons![4].id}::text), now())
      ON CONFLICT (scope_id, name) DO UPDATE SET value = excluded.value`.execute(t.db);
    const odd = { ...taskOf['99130'], assignee: 'not-a-uuid', scope: '/nowhere/' };
    await sql`UPDATE variable SET value = '"HS-1"'::jsonb WHERE scope_id = ${odd.root_instance_id} AND name = 'caseId'`.execute(t.db);

    // when
    const [lan, oddOne] = await enrichTasks(app, [task, odd]);
    await sql`UPDATE variable SET value = to_jsonb(${CASE_ID}::text) WHERE scope_id = ${odd.root_instance_id} AND name = 'caseId'`.execute(t.db);

    // then
    expect(columnsOf(lan)).toMatchObject({ person_id: testSeed.persons![1].id, person_name: 'Đỗ Thị Lan' });
    expect(columnsOf(oddOne)).toMatchObject({ assignee_name: null, case_code: null, commune_name: null, person_name: 'Nguyễn Văn Hùng' });
  });

  it('should enrich the list and the one-call view only for tasks the caller may read', async () => {
    // given ca.xa2 (commune 99160) and the task of commune 99130

    // when
    const list = await app.inject({ method: 'GET', url: '/api/tasks?view=all', headers: s['ca.xa2'].headers });
    const own = await app.inject({ method: 'GET', url: `/api/tasks/${taskOf['99160'].id}`, headers: s['ca.xa2'].headers });
    const other = await app.inject({ method: 'GET', url: `/api/tasks/${taskOf['99130'].id}`, headers: s['ca.xa2'].headers });

    // then
    expect(list.json().items.map((i: { id: string; person_name: string }) => [i.id, i.person_name])).toEqual([[taskOf['99160'].id, 'Đỗ Thị Lan']]);
    expect(own.json().task).toMatchObject({ id: taskOf['99160'].id, person_name: 'Đỗ Thị Lan', commune_name: 'Xã Bến Đò', procedure_name: 'Kiểm tra hồ sơ' });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('Nguyễn Văn Hùng');
  });
});
