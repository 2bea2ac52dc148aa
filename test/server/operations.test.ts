import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { FakeClock } from '../support/clock';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity } from './fixtures/identity.fixture';

const xml = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://t">
  <bpmn:process id="ext_proc" name="Ngoài ${version}" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="ext.check" retries="1"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:userTask id="review" name="Xem kết quả"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="police:99130"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="review"/>
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('definitions, external tasks, incidents', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let admin: LoggedIn;
  let staff: LoggedIn;
  const clock = new FakeClock();

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db, { clock });
    await app.ready();
    admin = await loginAs(app, 'admin');
    staff = await loginAs(app, 'ca.xa1');
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const req = (who: LoggedIn, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('should validate without deploying, deploy versions, and serve the XML', async () => {
    const invalid = await req(admin, 'POST', '/api/definitions/validate', { xml: xml('1').replace('<bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="e"/>', '') });
    const valid = await req(admin, 'POST', '/api/definitions/validate', { xml: xml('1') });
    const v1 = await req(admin, 'POST', '/api/definitions', { xml: xml('1') });
    const v2 = await req(admin, 'POST', '/api/definitions', { xml: xml('2') });
    const versions = await req(staff, 'GET', '/api/definitions/key/ext_proc/versions');
    const source = await req(staff, 'GET', `/api/definitions/${v2.json().definitions[0].id}/xml`);

    expect(invalid.json()).toMatchObject({ valid: false });
    expect(invalid.json().problems.length).toBeGreaterThan(0);
    expect(valid.json()).toMatchObject({ valid: true });
    expect([v1.statusCode, v2.statusCode]).toEqual([201, 201]);
    expect(versions.json().items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    expect(source.body).toContain('Ngoài 2');
  });

  it('should hand service jobs to external workers: fetch-and-lock, fail into an incident, retry, complete', async () => {
    // given
    const started = await req(staff, 'POST', '/api/instances', { definitionKey: 'ext_proc', variables: { communeCode: '99130' } });
    expect(started.statusCode).toBe(201);

    // when: a worker locks the job and fails it with no retries left
    const locked = await req(admin, 'POST', '/api/external-tasks/fetch-and-lock', { workerId: 'w1', types: ['ext.check'], lockMs: 60000 });
    const job = locked.json().jobs[0] as { id: string };
    const byStaff = await req(staff, 'POST', '/api/external-tasks/fetch-and-lock', { workerId: 'w1', types: ['ext.check'] });
    const failed = await req(admin, 'POST', `/api/external-tasks/${job.id}/fail`, { workerId: 'w1', errorMessage: 'registry offline', retries: 0 });
    const incidents = await req(admin, 'GET', '/api/admin/incidents');
    const detail = await req(admin, 'GET', `/api/instances/${started.json().instanceId}`);
    const retried = await req(admin, 'POST', `/api/admin/incidents/${incidents.json().items[0].id}/retry`);
    const again = await req(admin, 'POST', '/api/external-tasks/fetch-and-lock', { workerId: 'w2', types: ['ext.check'] });
    const done = await req(admin, 'POST', `/api/external-tasks/${again.json().jobs[0].id}/complete`, { workerId: 'w2', variables: { registryOk: true } });
    const tasks = await req(staff, 'GET', '/api/tasks?view=groups');

    // then
    expect(job).toBeDefined();
    expect(byStaff.statusCode).toBe(403);
    expect(failed.statusCode).toBe(200);
    expect(incidents.json().items).toHaveLength(1);
    expect(detail.json().incidents).toHaveLength(1);
    expect(retried.statusCode).toBe(200);
    expect(done.statusCode).toBe(200);
    expect(tasks.json().items.map((x: { name: string }) => x.name)).toEqual(['Xem kết quả']);
    const jobs = await req(admin, 'GET', '/api/admin/jobs');
    expect(jobs.statusCode).toBe(200);
  });

  it('should plan a migration without changing anything, then migrate and modify tokens', async () => {
    const versions = (await req(admin, 'GET', '/api/definitions/key/ext_proc/versions')).json().items as { id: string; version: number }[];
    const [v2, v1] = versions;
    const started = await req(staff, 'POST', '/api/instances', { definitionId: v1.id, variables: { communeCode: '99130' } });
    const id = started.json().instanceId as string;

    const plan = await req(admin, 'POST', `/api/instances/${id}/migrate/dry-run`, { targetDefinitionId: v2.id });
    const afterPlan = await req(admin, 'GET', `/api/instances/${id}`);
    const byStaff = await req(staff, 'POST', `/api/instances/${id}/migrate/dry-run`, { targetDefinitionId: v2.id });
    const migrated = await req(admin, 'POST', `/api/instances/${id}/migrate`, { targetDefinitionId: v2.id });
    const afterMigrate = await req(admin, 'GET', `/api/instances/${id}`);
    const modified = await req(admin, 'POST', `/api/instances/${id}/modify`, { cancel: ['check'], startBefore: ['review'] });
    const tasks = await req(staff, 'GET', `/api/tasks?view=all&instanceId=${id}`);

    expect(plan.json()).toMatchObject({ canMigrate: true });
    expect(afterPlan.json().instance.definition_id).toBe(v1.id);
    expect(byStaff.statusCode).toBe(403);
    expect(migrated.statusCode).toBe(200);
    expect(afterMigrate.json().instance.definition_id).toBe(v2.id);
    expect(modified.statusCode).toBe(200);
    expect(tasks.json().items.map((x: { element_id: string }) => x.element_id)).toEqual(['review']);
  });
});
