import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../../server/db/schema';
import { messageStartEventId } from '../../../server/workflow-runtime/bpmn-lookup';
import { startProcedure } from '../../../server/workflow-runtime/procedure.starter';
import { buildTestApp } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { procedureXml, seedVariantIdentity, sessions } from './variant.fixture';

/** A shipped procedure key, so startProcedure and the public registration service start it. */
const KEY = 'voluntary-registration';
const PERSON_991 = '00000000-0000-4000-8000-000000000003';
const PERSON_992 = '00000000-0000-4000-8000-000000000021';

describe('variants at every start by key, and batch migration of running instances', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let call: Awaited<ReturnType<typeof sessions>>;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');
  const ids: Record<string, string> = {};

  const definitionOf = async (instanceId: string) =>
    ((await t.db.selectFrom('process_instance' as never).select(['definition_id' as never]).where('id' as never, '=', instanceId as never).executeTakeFirstOrThrow()) as { definition_id: string }).definition_id;
  const byBusinessKey = async (businessKey: string) =>
    ((await t.db.selectFrom('process_instance' as never).select(['id' as never, 'definition_id' as never]).where('business_key' as never, '=', businessKey as never).executeTakeFirstOrThrow()) as { id: string; definition_id: string });

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedVariantIdentity(t.db);
    app = await buildTestApp(t.db, { clock });
    await app.ready();
    call = await sessions(app);
    const global = await call('admin', 'POST', '/api/definitions', { xml: procedureXml(KEY, { label: 'v1' }) });
    ids.global = global.body.definitions[0].id;
    const variant = await call('admin.huyen1', 'POST', '/api/variants', { parentDefinitionId: ids.global, jurisdictionCode: '991', xml: procedureXml(KEY, { label: '991', extraStep: true }) });
    ids.variant = variant.body.definition.id;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should open cases (startProcedure) on the variant of the person\'s district, elsewhere on the global version', async () => {
    // when
    const here = await startProcedure({ db: t.db, engine: app.engine, clock }, { procedureKey: KEY, personId: PERSON_991 });
    const there = await startProcedure({ db: t.db, engine: app.engine, clock }, { procedureKey: KEY, personId: PERSON_992 });

    // then
    expect(await definitionOf(here.instanceId)).toBe(ids.variant);
    expect(await definitionOf(there.instanceId)).toBe(ids.global);
    ids.caseHere = here.instanceId;
    ids.caseThere = there.instanceId;
  });

  it('should still find a handover\'s message start event when a district variant holds the highest version', async () => {
    // given
    const xml = (label: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://t">
  <bpmn:message id="m" name="HandedOver"/>
  <bpmn:process id="handover_v" name="${label}" isExecutable="true">
    <bpmn:startEvent id="Start_Handover"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f" sourceRef="Start_Handover" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    const global = await call('admin', 'POST', '/api/definitions', { xml: xml('global') });
    const variant = await call('admin.huyen1', 'POST', '/api/variants', { parentDefinitionId: global.body.definitions[0].id, jurisdictionCode: '991', xml: xml('991') });

    // when
    const startEventId = await messageStartEventId(app.engine, 'handover_v', 'HandedOver');

    // then
    expect(variant.body.definition.version).toBeGreaterThan(global.body.definitions[0].version);
    expect(startEventId).toBe('Start_Handover');
  });

  it('should start public registrations on the commune\'s variant', async () => {
    // given
    const body = { fullName: 'Trần Văn Bình', phone: '0912345678', rehabForm: 'home' };

    // when
    const here = await app.inject({ method: 'POST', url: '/api/public/registrations', payload: { ...body, communeCode: '99101' }, remoteAddress: '10.9.0.1' });
    const there = await app.inject({ method: 'POST', url: '/api/public/registrations', payload: { ...body, communeCode: '99201' }, remoteAddress: '10.9.0.2' });

    // then
    expect([here.statusCode, there.statusCode]).toEqual([201, 201]);
    expect((await byBusinessKey(here.json().code)).definition_id).toBe(ids.variant);
    expect((await byBusinessKey(there.json().code)).definition_id).toBe(ids.global);
  });

  it('should list in a dry run which running instances cannot move, within the caller\'s scope only, changing nothing', async () => {
    // when: the district's instances (waiting at the district review) back to the global version, which has no such step
    const back = await call('admin.huyen1', 'POST', `/api/definitions/${ids.variant}/migration/dry-run`, { targetDefinitionId: ids.global });
    const globalSeenByDistrict = await call('admin.huyen1', 'POST', `/api/definitions/${ids.global}/migration/dry-run`, { targetDefinitionId: ids.variant });
    const globalSeenByProvince = await call('admin.tinh', 'POST', `/api/definitions/${ids.global}/migration/dry-run`, { targetDefinitionId: ids.variant });
    const byStaff = await call('ca.cu.xa1', 'POST', `/api/definitions/${ids.variant}/migration/dry-run`, { targetDefinitionId: ids.global });

    // then
    expect(back.status).toBe(200);
    expect(back.body.total).toBe(2);
    for (const planned of back.body.instances) {
      expect(planned).toMatchObject({ canMigrate: false });
      expect(planned.problems.map((p: { elementId: string }) => p.elementId)).toContain('district_review');
    }
    expect(globalSeenByDistrict.body).toEqual({ instances: [], total: 0 });
    expect(globalSeenByProvince.body.total).toBe(2);
    expect(globalSeenByProvince.body.instances.every((p: { canMigrate: boolean }) => p.canMigrate)).toBe(true);
    expect(byStaff.status).toBe(403);
    expect(await definitionOf(ids.caseHere)).toBe(ids.variant);
  });

  it('should apply a batch migration one instance at a time, report what failed and audit each move', async () => {
    // given: a new global version
    const v2 = await call('admin', 'POST', '/api/definitions', { xml: procedureXml(KEY, { label: 'v2' }) });
    const target = v2.body.definitions[0].id as string;

    // when
    const refused = await call('admin.tinh', 'POST', `/api/definitions/${ids.variant}/migration/apply`, { targetDefinitionId: target });
    const moved = await call('admin.tinh', 'POST', `/api/definitions/${ids.global}/migration/apply`, { targetDefinitionId: target });
    const audited = await t.db.selectFrom('audit_log').select(['resource_id']).where('action', '=', 'instance.migrated').execute();

    // then
    expect(refused.body.migrated).toBe(0);
    expect(refused.body.failed).toHaveLength(2);
    expect(refused.body.failed[0].problems.map((p: { elementId: string }) => p.elementId)).toContain('district_review');
    expect(moved.body).toMatchObject({ migrated: 2, failed: [] });
    expect(await definitionOf(ids.caseThere)).toBe(target);
    expect(await definitionOf(ids.caseHere)).toBe(ids.variant);
    expect(audited.map((a) => a.resource_id)).toContain(ids.caseThere);
  });

  it('should refuse bad migration input with 4xx codes', async () => {
    // when
    const unknownTarget = await call('admin.tinh', 'POST', `/api/definitions/${ids.global}/migration/dry-run`, { targetDefinitionId: '00000000-0000-4000-8000-0000000000ff' });
    const noTarget = await call('admin.tinh', 'POST', `/api/definitions/${ids.global}/migration/apply`, {});
    const badId = await call('admin.tinh', 'POST', '/api/definitions/not-a-uuid/migration/dry-run', { targetDefinitionId: ids.global });

    // then
    expect([unknownTarget.status, unknownTarget.body.error.code]).toEqual([404, 'DEFINITION_NOT_FOUND']);
    expect([noTarget.status, noTarget.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(badId.status).toBe(400);
  });
});
