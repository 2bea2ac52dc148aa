import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { saveForm, type FormsDb } from '../../forms/index';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity, testSeed } from './fixtures/identity.fixture';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://t">
  <bpmn:process id="form_proc" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:userTask id="verify" name="Xác minh">
      <bpmn:extensionElements>
        <zeebe:formDefinition formId="test.verify"/>
        <zeebe:assignmentDefinition candidateGroups="police:99130"/>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="verify"/>
    <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('task with a form', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let staff: LoggedIn;
  let taskId: string;
  let instanceId: string;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    await saveForm(t.db as unknown as FormsDb, {
      id: 'test.verify',
      title: { vi: 'Phiếu xác minh', en: 'Verification' },
      schema: {
        type: 'object',
        required: ['fullName', 'verified'],
        properties: { fullName: { type: 'string', title: 'Họ tên', maxLength: 100 }, verified: { type: 'boolean', title: 'Đã xác minh' }, note: { type: 'string', maxLength: 20 } },
      },
    }, { createdBy: 'test' });
    app = await buildTestApp(t.db);
    await app.ready();
    const admin = await loginAs(app, 'admin');
    expect((await app.inject({ method: 'POST', url: '/api/definitions', headers: admin.headers, payload: { xml } })).statusCode).toBe(201);
    staff = await loginAs(app, 'ca.xa1');
    const started = await app.inject({ method: 'POST', url: '/api/instances', headers: staff.headers, payload: { definitionKey: 'form_proc', variables: { personId: testSeed.persons![0].id, fullName: 'Nguyễn Văn Hùng' } } });
    instanceId = started.json().instanceId;
    taskId = (await app.inject({ method: 'GET', url: '/api/tasks?view=groups', headers: staff.headers })).json().items[0].id;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should return the form and the data pre-filled from the variables', async () => {
    const view = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: staff.headers });

    expect(view.json()).toMatchObject({ form: { id: 'test.verify', version: 1 }, data: { fullName: 'Nguyễn Văn Hùng' }, draft: null });
  });

  it('should save a draft and return it as the data next time', async () => {
    const saved = await app.inject({ method: 'PUT', url: `/api/tasks/${taskId}/draft`, headers: staff.headers, payload: { data: { fullName: 'Nguyễn Văn Hùng', note: 'đang xác minh' } } });
    const view = await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: staff.headers });

    expect(saved.statusCode).toBe(200);
    expect(view.json().data).toEqual({ fullName: 'Nguyễn Văn Hùng', note: 'đang xác minh' });
    expect(view.json().draft).not.toBeNull();
  });

  it('should refuse invalid form data with 422 FORM_INVALID and field issues in both languages', async () => {
    const response = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: staff.headers, payload: { data: { fullName: 'X', note: 'x'.repeat(30), hacker: 1 } } });

    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('FORM_INVALID');
    const issues = response.json().error.details.issues as { path: string; message: { vi: string; en: string } }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].message.vi).toEqual(expect.any(String));
  });

  it('should complete with valid data, set the variables and drop the draft', async () => {
    const other = await loginAs(app, 'ca.xa2');
    const foreign = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: other.headers, payload: { data: { fullName: 'A', verified: true } } });
    const done = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: staff.headers, payload: { data: { fullName: 'Nguyễn Văn Hùng', verified: true } } });

    expect(foreign.statusCode).toBe(403);
    expect(done.statusCode).toBe(200);
    const variables = await app.engine.getVariables(instanceId);
    expect(variables).toMatchObject({ verified: true });
  });

  it('should show the procedure steps in the person’s timeline, only to those who may read them', async () => {
    const timeline = await app.inject({ method: 'GET', url: `/api/persons/${testSeed.persons![0].id}/timeline`, headers: staff.headers });
    const other = await loginAs(app, 'ca.xa2');
    const refused = await app.inject({ method: 'GET', url: `/api/persons/${testSeed.persons![0].id}/timeline`, headers: other.headers });

    const process = (timeline.json().events as { kind: string; title: string; detail: { procedure?: string } }[]).filter((e) => e.kind === 'process');
    expect(process.map((e) => e.title)).toEqual(expect.arrayContaining(['instance.started', 'task.created', 'task.completed']));
    expect(process[0].detail.procedure).toBe('form_proc');
    expect(refused.statusCode).toBe(403);
  });

  it('should list history events only of instances the caller may see', async () => {
    const own = await app.inject({ method: 'GET', url: `/api/history?personId=${testSeed.persons![0].id}`, headers: staff.headers });
    const other = await loginAs(app, 'ca.xa2');
    const foreign = await app.inject({ method: 'GET', url: `/api/history?instanceId=${instanceId}`, headers: other.headers });

    expect(own.json().total).toBeGreaterThan(3);
    expect(foreign.json()).toMatchObject({ total: 0, items: [] });
  });
});
