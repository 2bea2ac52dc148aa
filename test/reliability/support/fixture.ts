import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedIdentity } from '../../../server/seed/index';
import { buildTestApp, loginAs, type LoggedIn } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { testSeed } from '../../server/fixtures/identity.fixture';

/** Ten more police staff of commune 99130 (agency CA-99130), so races have 2–10 distinct clients. */
export const RACERS = Array.from({ length: 10 }, (_, i) => `race.${String(i + 1).padStart(2, '0')}`);

/** A two-step procedure of commune police: realistic shape (candidate group from FEEL, due date), no form. */
export function twoStepXml(key = 'rel_two_step'): string {
  const step = (id: string, name: string) => `
    <bpmn:userTask id="${id}" name="${name}">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; + communeCode"/>
        <zeebe:taskSchedule dueDate="=now() + duration(&quot;P2D&quot;)"/>
      </bpmn:extensionElements>
    </bpmn:userTask>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://quytrinh.test">
  <bpmn:process id="${key}" name="Kiểm tra độ tin cậy" isExecutable="true">
    <bpmn:startEvent id="start"/>${step('verify', 'Xác minh nơi cư trú')}${step('report', 'Lập báo cáo')}
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
    <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="report"/>
    <bpmn:sequenceFlow id="f3" sourceRef="report" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
}

export async function seedReliabilityIdentity(db: Kysely<ServerDatabase>): Promise<void> {
  await seedIdentity(db, {
    ...testSeed,
    users: [...testSeed.users, ...RACERS.map((username) => ({ username, displayName: `Cán bộ ${username}`, agencyCode: 'CA-99130', roles: ['staff'] }))],
  });
}

export interface ReliabilityApp {
  app: FastifyInstance;
  clock: FakeClock;
  login(username: string): Promise<LoggedIn>;
}

/** The real app (in-process, app.inject) on a seeded database, rate limits lifted for load. */
export async function buildReliabilityApp(db: Kysely<ServerDatabase>, env: Record<string, string> = {}): Promise<ReliabilityApp> {
  await seedReliabilityIdentity(db);
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');
  const app = await buildTestApp(db, { clock, env: { LOGIN_RATE_LIMIT: '1000000', PUBLIC_RATE_LIMIT: '1000000', ...env } });
  await app.ready();
  return { app, clock, login: (username) => loginAs(app, username) };
}

export async function deploy(app: FastifyInstance, admin: LoggedIn, xml: string): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/api/definitions', headers: admin.headers, payload: { xml } });
  if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(`deploy failed: ${response.statusCode} ${response.body}`);
}

/** Starts an instance in commune 99130 and returns its open task id. */
export async function startWithTask(app: FastifyInstance, starter: LoggedIn, key: string, personId = testSeed.persons![0].id): Promise<{ instanceId: string; taskId: string }> {
  const started = await app.inject({ method: 'POST', url: '/api/instances', headers: starter.headers, payload: { definitionKey: key, variables: { communeCode: '99130', personId } } });
  if (started.statusCode !== 201) throw new Error(`start failed: ${started.statusCode} ${started.body}`);
  const instanceId = (started.json() as { instanceId: string }).instanceId;
  const task = await app.engine.listTasks({ instanceId, state: 'created' });
  const first = task.items[0];
  if (!first) throw new Error('no open task after start');
  return { instanceId, taskId: first.id };
}
