import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { FakeClock } from '../support/clock';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity, testSeed } from './fixtures/identity.fixture';

/** A check that two communes' police may both take (the commune of the person and a neighbour). */
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://quytrinh.test">
  <bpmn:process id="people_check" name="Kiểm tra chéo" isExecutable="true">
    <bpmn:startEvent id="start" name="Tiếp nhận"/>
    <bpmn:userTask id="verify" name="Xác minh nơi cư trú">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="police:99130, police:99160"/>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" name="Kết thúc"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
    <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

interface Person {
  displayName: string;
  agencyName: string | null;
}
const names = (people: Person[]) => people.map((p) => `${p.displayName} (${p.agencyName})`).sort();

describe('task view: who else can act; instance history with names', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const s: Record<string, LoggedIn> = {};
  let instanceId = '';
  let taskId = '';

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db, { clock: new FakeClock('2026-03-02T08:00:00+07:00') });
    await app.ready();
    for (const user of ['admin', 'admin.tinh', 'ca.xa1', 'ca.xa2', 'lanhdao.tinh', 'ca.t98.xa1']) s[user] = await loginAs(app, user);
    expect((await app.inject({ method: 'POST', url: '/api/definitions', headers: s.admin.headers, payload: { xml } })).statusCode).toBe(201);
    const person = testSeed.persons!.find((p) => p.communeCode === '99130')!;
    const started = await app.inject({ method: 'POST', url: '/api/instances', headers: s['ca.xa1'].headers, payload: { definitionKey: 'people_check', variables: { communeCode: '99130', personId: person.id } } });
    instanceId = started.json().instanceId;
    const tasks = await app.inject({ method: 'GET', url: `/api/tasks?view=all&instanceId=${instanceId}`, headers: s['ca.xa1'].headers });
    taskId = tasks.json().items[0].id;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should list the people of both candidate agencies who can act, with names and agencies, to a provincial reader', async () => {
    // when
    const view = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: s['lanhdao.tinh'].headers });
    // then staff and supervisors of both police stations; not the leader, the people's committee or province 98
    expect(view.statusCode).toBe(200);
    expect(names(view.json().candidates)).toEqual(['Công an xã 1 (Công an xã Sông Xanh)', 'Công an xã 2 (Công an xã Bến Đò)', 'Trưởng CA xã 1 (Công an xã Sông Xanh)']);
    expect(view.json().candidatesMore).toBe(false);
  });

  it('should show a commune officer only the candidates they may see (their own commune)', async () => {
    // when
    const view = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: s['ca.xa1'].headers });
    // then ca.xa2 answers the task too, but sits in another commune the officer may not read users of
    expect(names(view.json().candidates)).toEqual(['Công an xã 1 (Công an xã Sông Xanh)', 'Trưởng CA xã 1 (Công an xã Sông Xanh)']);
    const other = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: s['ca.xa2'].headers });
    expect(names(other.json().candidates)).toEqual(['Công an xã 2 (Công an xã Bến Đò)']);
  });

  it('should leave disabled users out and refuse the task view to another province', async () => {
    // given
    await t.db.updateTable('app_user').set({ disabled: true }).where('username', '=', 'ca.xa1.truong').execute();
    // when
    const view = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: s['admin.tinh'].headers });
    const foreign = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: s['ca.t98.xa1'].headers });
    // then
    expect(names(view.json().candidates)).toEqual(['Công an xã 1 (Công an xã Sông Xanh)', 'Công an xã 2 (Công an xã Bến Đò)']);
    expect(foreign.statusCode).toBe(403);
    await t.db.updateTable('app_user').set({ disabled: false }).where('username', '=', 'ca.xa1.truong').execute();
  });

  it('should name the steps and the people in the instance history, for staff and admins alike', async () => {
    // given the officer claims and completes the check
    expect((await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: s['ca.xa1'].headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: s['ca.xa1'].headers, payload: { data: {} } })).statusCode).toBe(200);
    for (const who of ['ca.xa1', 'admin.tinh']) {
      // when
      const detail = await app.inject({ method: 'GET', url: `/api/instances/${instanceId}`, headers: s[who].headers });
      // then
      const history = detail.json().history as { type: string; element_id: string | null; element_name: string | null; actor_name: string | null; actor_agency: string | null }[];
      const completed = history.find((h) => h.type === 'task.completed');
      expect([who, completed?.element_name, completed?.actor_name, completed?.actor_agency]).toEqual([who, 'Xác minh nơi cư trú', 'Công an xã 1', 'Công an xã Sông Xanh']);
      expect(history.find((h) => h.element_id === 'start')?.element_name).toBe('Tiếp nhận');
      expect(history.find((h) => h.element_id === 'end')?.element_name).toBe('Kết thúc');
    }
    const page = await app.inject({ method: 'GET', url: `/api/history?instanceId=${instanceId}`, headers: s['ca.xa1'].headers });
    expect(page.json().items.find((h: { type: string }) => h.type === 'task.claimed')).toMatchObject({ element_name: 'Xác minh nơi cư trú', actor_name: 'Công an xã 1' });
  });
});
