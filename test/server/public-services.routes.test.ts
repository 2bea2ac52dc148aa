import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import type { ServerDatabase } from '../../server/db/schema';
import { FakeClock } from '../support/clock';
import { loginAs } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity } from './fixtures/identity.fixture';

const registrationXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://quytrinh.test">
  <bpmn:process id="voluntary-registration" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="receive" name="Tiếp nhận đăng ký cai nghiện tự nguyện">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=&quot;people_committee:&quot; + communeCode"/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="receive"/>
    <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

const registration = { fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-01', phone: '0912345678', communeCode: '99130', rehabForm: 'home' };

describe('online public services (registration, report, status by tracking code)', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-api-tests', SEED_DEMO: 'false', PUBLIC_RATE_LIMIT: '6' });
    app = await buildApp({ deps: { db: t.db, config, clock, version: 'test' } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const post = (url: string, payload: unknown, ip: string) => app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });

  it('should list the communes without a session', async () => {
    // when
    const response = await app.inject({ method: 'GET', url: '/api/public/communes' });
    // then
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual(expect.arrayContaining([{ code: '99130', name: 'Xã Sông Xanh' }]));
  });

  it('should answer DEFINITION_NOT_FOUND while no procedure for the service is deployed', async () => {
    const response = await post('/api/public/registrations', registration, '10.0.0.1');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('DEFINITION_NOT_FOUND');
  });

  it('should start the procedure in the commune, give the commune the task and show the state by tracking code', async () => {
    // given
    await app.engine.deploy({ xml: registrationXml });
    // when
    const response = await post('/api/public/registrations', registration, '10.0.0.2');
    // then
    expect(response.statusCode).toBe(201);
    const { code } = response.json() as { code: string };
    expect(code).toMatch(/^DK-[A-HJ-NP-Z2-9]{8}$/);
    const { items } = await app.engine.listInstances({ businessKey: code });
    expect(items[0]).toMatchObject({ scope: '/99/99130/', definition_key: 'voluntary-registration', state: 'active' });
    const committee = await loginAs(app, 'ubnd.xa1');
    const tasks = await app.inject({ method: 'GET', url: '/api/tasks?view=groups', headers: committee.headers });
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json().items.map((x: { business_key: string }) => x.business_key)).toContain(code);
    const status = await app.inject({ method: 'GET', url: `/api/public/status/${code}` });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ code, kind: 'registration', state: 'active', currentSteps: ['Tiếp nhận đăng ký cai nghiện tự nguyện'] });
    expect(JSON.stringify(status.json())).not.toContain('Bình');
  });

  it('should reject an unknown field and a bad phone number with field-level details', async () => {
    const response = await post('/api/public/registrations', { ...registration, phone: '123', isAdmin: true }, '10.0.0.3');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    const paths = (response.json().error.details as { path: string; keyword: string }[]).map((d) => `${d.path} ${d.keyword}`);
    expect(paths.some((p) => p.includes('additionalProperties') || p.startsWith('/phone'))).toBe(true);
  });

  it('should refuse an unknown commune, a code that is not a tracking code and an unknown tracking code', async () => {
    expect((await post('/api/public/registrations', { ...registration, communeCode: '12345' }, '10.0.0.4')).json().error.code).toBe('JURISDICTION_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/api/public/status/HS-20260302-ABC' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/public/status/DK-AAAAAAAA' })).statusCode).toBe(404);
  });

  it('should keep no name or phone of an anonymous report', async () => {
    // given: the report falls back to the registration-capable procedure list; deploy one for reports
    await app.engine.deploy({ xml: registrationXml.replace('id="voluntary-registration"', 'id="illegal-user-management"') });
    // when
    const response = await post('/api/public/reports', { anonymous: true, fullName: 'Ai Đó', phone: '0912345678', communeCode: '99130', description: 'Có nhóm người tụ tập sử dụng ma túy ở bến đò.' }, '10.0.0.5');
    // then
    expect(response.statusCode).toBe(201);
    const code = response.json().code as string;
    expect(code).toMatch(/^TB-/);
    const { items } = await app.engine.listInstances({ businessKey: code });
    const variables = await app.engine.getVariables(items[0].id);
    expect(JSON.stringify(variables)).not.toContain('Ai Đó');
    expect(JSON.stringify(variables)).not.toContain('0912345678');
  });

  it('should rate limit submissions per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await post('/api/public/registrations', registration, '10.0.0.9')).statusCode);
    expect(codes.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(codes[6]).toBe(429);
  });
});
