import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../../server/db/schema';
import { buildTestApp } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { procedureXml, seedVariantIdentity, sessions } from './variant.fixture';

const CALLED = 'called_review';
const PERSON_991 = '00000000-0000-4000-8000-000000000003';
const PERSON_992 = '00000000-0000-4000-8000-000000000021';

/** A global procedure that calls CALLED with the default (latest) binding. */
const callerXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://t">
  <bpmn:process id="caller_proc" name="Gọi thủ tục" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:callActivity id="call" name="Thủ tục con"><bpmn:extensionElements><zeebe:calledElement processId="${CALLED}"/></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('variants of a called procedure', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let call: Awaited<ReturnType<typeof sessions>>;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');
  const ids: Record<string, string> = {};

  const childDefinitionOf = async (parentInstanceId: string) =>
    ((await t.db.selectFrom('process_instance' as never).select(['definition_id' as never])
      .where('parent_instance_id' as never, '=', parentInstanceId as never).executeTakeFirstOrThrow()) as { definition_id: string }).definition_id;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedVariantIdentity(t.db);
    app = await buildTestApp(t.db, { clock });
    await app.ready();
    call = await sessions(app);
    ids.global = (await call('admin', 'POST', '/api/definitions', { xml: procedureXml(CALLED, { label: 'v1' }) })).body.definitions[0].id;
    ids.variant = (await call('admin.huyen1', 'POST', '/api/variants', { parentDefinitionId: ids.global, jurisdictionCode: '991', xml: procedureXml(CALLED, { label: '991', extraStep: true }) })).body.definition.id;
    expect((await call('admin', 'POST', '/api/definitions', { xml: callerXml })).status).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should call the district\'s variant from a case in that district and the global version elsewhere', async () => {
    // given a district variant holding the highest version of the called key
    expect(ids.variant).toBeDefined();

    // when the caller runs for a person of district 991 and one of district 992
    const here = await call('ca.cu.xa1', 'POST', '/api/instances', { definitionKey: 'caller_proc', variables: { personId: PERSON_991, communeCode: '99101' } });
    const there = await call('ca.h2.xa1', 'POST', '/api/instances', { definitionKey: 'caller_proc', variables: { personId: PERSON_992, communeCode: '99201' } });

    // then each called instance runs the version for its own jurisdiction
    expect([here.status, there.status]).toEqual([201, 201]);
    expect(await childDefinitionOf(here.body.instanceId)).toBe(ids.variant);
    expect(await childDefinitionOf(there.body.instanceId)).toBe(ids.global);
  });

  it('should call the global version again once the district deactivates its variant', async () => {
    // given
    const variantId = (await call('admin.huyen1', 'GET', `/api/variants?key=${CALLED}`)).body.items.find((v: { jurisdictionCode: string }) => v.jurisdictionCode === '991').id;

    // when
    expect((await call('admin.huyen1', 'POST', `/api/variants/${variantId}/deactivate`)).status).toBe(200);
    const here = await call('ca.cu.xa1', 'POST', '/api/instances', { definitionKey: 'caller_proc', variables: { personId: PERSON_991, communeCode: '99101' } });

    // then
    expect(await childDefinitionOf(here.body.instanceId)).toBe(ids.global);
  });
});
