import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subject } from '@casl/ability';
import type { FastifyInstance } from 'fastify';
import { defineAbilityFor } from '../../../server/auth/abilities';
import { loadPrincipal } from '../../../server/auth/principal';
import type { ServerDatabase } from '../../../server/db/schema';
import { buildTestApp } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { everyone, procedureXml, seedVariantIdentity, sessions } from './variant.fixture';

const KEY = 'dossier_v';

describe('variants: deploy per jurisdiction, resolution, cases follow the most specific active variant', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let call: Awaited<ReturnType<typeof sessions>>;
  const ids: Record<string, string> = {};

  const tasksOf = async (instanceId: string) =>
    (await t.db.selectFrom('task' as never).select(['element_id' as never]).where('instance_id' as never, '=', instanceId as never).execute()).map((r) => (r as { element_id: string }).element_id);
  const definitionOf = async (instanceId: string) =>
    ((await t.db.selectFrom('process_instance' as never).select(['definition_id' as never]).where('id' as never, '=', instanceId as never).executeTakeFirstOrThrow()) as { definition_id: string }).definition_id;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedVariantIdentity(t.db);
    app = await buildTestApp(t.db, { clock: new FakeClock() });
    await app.ready();
    call = await sessions(app);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should deploy global for the system admin and for their own province for a provincial admin', async () => {
    // given / when
    const global = await call('admin', 'POST', '/api/definitions', { xml: procedureXml(KEY, { label: 'toàn quốc' }) });
    const province = await call('admin.tinh', 'POST', '/api/definitions', { xml: procedureXml(KEY, { label: 'tỉnh 99' }) });
    const otherProvince = await call('admin.tinh', 'POST', '/api/definitions', { xml: procedureXml(KEY), jurisdictionCode: '98' });
    const byDistrictAdmin = await call('admin.huyen1', 'POST', '/api/definitions', { xml: procedureXml(KEY) });
    const variants = await call('admin.tinh', 'GET', `/api/variants?key=${KEY}`);

    // then
    expect(global.status).toBe(201);
    expect(global.body.definitions[0]).toMatchObject({ key: KEY, jurisdictionCode: null });
    expect(province.status).toBe(201);
    expect(province.body.definitions[0]).toMatchObject({ key: KEY, jurisdictionCode: '99' });
    expect(otherProvince.status).toBe(403);
    expect(byDistrictAdmin.status).toBe(403);
    ids.global = global.body.definitions[0].id;
    ids.province = province.body.definitions[0].id;
    expect(variants.body.items).toEqual([expect.objectContaining({ key: KEY, jurisdictionCode: '99', definitionId: ids.province, parentDefinitionId: ids.global, parentHasNewer: false, active: true })]);
  });

  it('should create a district variant with an extra step and resolve each jurisdiction to its most specific active variant', async () => {
    // given
    const body = { parentDefinitionId: ids.province, jurisdictionCode: '991', xml: procedureXml(KEY, { label: 'huyện 991', extraStep: true }), name: 'Hồ sơ – huyện Sông Xanh', overrides: { added: ['district_review'] } };

    // when
    const created = await call('admin.huyen1', 'POST', '/api/variants', body);
    const inDistrict = await call('ca.cu.xa1', 'GET', `/api/definitions/resolve?key=${KEY}&communeCode=99101`);
    const inOtherDistrict = await call('ca.h2.xa1', 'GET', `/api/definitions/resolve?key=${KEY}&communeCode=99201`);
    const inOtherProvince = await call('ca.t98.xa1', 'GET', `/api/definitions/resolve?key=${KEY}&communeCode=98130`);
    const detail = await call('admin.huyen1', 'GET', `/api/variants/${created.body.variant.id}`);

    // then
    expect(created.status).toBe(201);
    ids.variant = created.body.variant.id;
    ids.variantV1 = created.body.definition.id;
    expect(created.body.variant).toMatchObject({ key: KEY, jurisdictionCode: '991', jurisdictionName: 'Huyện Sông Xanh', name: 'Hồ sơ – huyện Sông Xanh', parentDefinitionId: ids.province, parentJurisdictionCode: '99', parentHasNewer: false });
    expect(inDistrict.body).toEqual({ definitionId: ids.variantV1, key: KEY, version: created.body.definition.version, jurisdictionCode: '991', variantId: ids.variant });
    expect(inOtherDistrict.body).toMatchObject({ definitionId: ids.province, jurisdictionCode: '99' });
    expect(inOtherProvince.body).toMatchObject({ definitionId: ids.global, jurisdictionCode: null, variantId: null });
    expect(detail.body.overrides).toEqual({ added: ['district_review'] });
    expect(detail.body.versions.map((v: { definitionId: string }) => v.definitionId)).toEqual([ids.variantV1]);
  });

  it('should start a new case in the district on its variant and a case in another district on the province version', async () => {
    // when
    const here = await call('ca.cu.xa1', 'POST', '/api/instances', { definitionKey: KEY, variables: { communeCode: '99101' } });
    const there = await call('ca.h2.xa1', 'POST', '/api/instances', { definitionKey: KEY, variables: { communeCode: '99201' } });
    const explicit = await call('ca.cu.xa1', 'POST', '/api/instances', { definitionId: ids.province, variables: { communeCode: '99101' } });

    // then
    expect([here.status, there.status, explicit.status]).toEqual([201, 201, 201]);
    expect(here.body.definitionId).toBe(ids.variantV1);
    expect(await tasksOf(here.body.instanceId)).toEqual(['district_review']);
    expect(there.body.definitionId).toBe(ids.province);
    expect(await tasksOf(there.body.instanceId)).toEqual(['read']);
    expect(explicit.body.definitionId).toBe(ids.province);
    ids.runningHere = here.body.instanceId;
    ids.runningThere = there.body.instanceId;
  });

  it('should keep running cases on their version while the province and the district deploy new ones, and flag the newer parent', async () => {
    // when: the province deploys a new version
    const province2 = await call('admin.tinh', 'POST', '/api/definitions', { xml: procedureXml(KEY, { label: 'tỉnh 99 v2' }) });
    const flagged = await call('admin.huyen1', 'GET', `/api/variants/${ids.variant}`);
    // and the district rebases onto it
    const rebased = await call('admin.huyen1', 'POST', `/api/variants/${ids.variant}/versions`, { xml: procedureXml(KEY, { label: 'huyện 991 v2', extraStep: true }), parentDefinitionId: province2.body.definitions[0].id });
    const after = await call('admin.huyen1', 'GET', `/api/variants/${ids.variant}`);
    const newCase = await call('ca.cu.xa1', 'POST', '/api/instances', { definitionKey: KEY, variables: { communeCode: '99101' } });
    const otherCase = await call('ca.h2.xa1', 'POST', '/api/instances', { definitionKey: KEY, variables: { communeCode: '99201' } });

    // then
    expect(province2.status).toBe(201);
    expect(flagged.body).toMatchObject({ parentHasNewer: true, parentDefinitionId: ids.province, latestParentDefinitionId: province2.body.definitions[0].id });
    expect(rebased.status).toBe(201);
    expect(after.body).toMatchObject({ parentHasNewer: false, parentDefinitionId: province2.body.definitions[0].id, definitionId: rebased.body.definition.id });
    expect(after.body.versions).toHaveLength(2);
    expect(await definitionOf(ids.runningHere)).toBe(ids.variantV1);
    expect(await definitionOf(ids.runningThere)).toBe(ids.province);
    expect(newCase.body.definitionId).toBe(rebased.body.definition.id);
    expect(otherCase.body.definitionId).toBe(province2.body.definitions[0].id);
    ids.province2 = province2.body.definitions[0].id;
    ids.variantV2 = rebased.body.definition.id;
  });

  it('should fall back to the province while the district variant is inactive', async () => {
    // when
    const off = await call('admin.huyen1', 'POST', `/api/variants/${ids.variant}/deactivate`);
    const whileOff = await call('ca.cu.xa1', 'GET', `/api/definitions/resolve?key=${KEY}&jurisdictionCode=99101`);
    const on = await call('admin.huyen1', 'POST', `/api/variants/${ids.variant}/activate`);
    const whileOn = await call('ca.cu.xa1', 'GET', `/api/definitions/resolve?key=${KEY}&jurisdictionCode=99101`);

    // then
    expect(off.body.variant.active).toBe(false);
    expect(whileOff.body).toMatchObject({ definitionId: ids.province2, jurisdictionCode: '99' });
    expect(on.body.variant.active).toBe(true);
    expect(whileOn.body).toMatchObject({ definitionId: ids.variantV2, variantId: ids.variant });
  });

  it('should let admins touch variants only in their own subtree, answer 403 with a code and audit every denial', async () => {
    // given: district 992 has its own variant
    const other = await call('admin.huyen2', 'POST', '/api/variants', { parentDefinitionId: ids.province2, jurisdictionCode: '992', xml: procedureXml(KEY, { label: 'huyện 992' }) });
    const denialsBefore = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.denied').where('resource_type', '=', 'Variant').executeTakeFirstOrThrow();

    // when
    const attempts = [
      await call('admin.huyen1', 'POST', `/api/variants/${other.body.variant.id}/versions`, { xml: procedureXml(KEY, { label: 'x' }), parentDefinitionId: ids.province2 }),
      await call('admin.huyen1', 'POST', `/api/variants/${other.body.variant.id}/deactivate`),
      await call('admin.huyen1', 'POST', '/api/variants', { parentDefinitionId: ids.global, jurisdictionCode: '99', xml: procedureXml(KEY) }),
      await call('admin.huyen1', 'POST', '/api/variants', { parentDefinitionId: ids.province2, jurisdictionCode: '99201', xml: procedureXml(KEY) }),
      await call('admin.t98', 'POST', `/api/variants/${ids.variant}/deactivate`),
      await call('admin.xa.cu1', 'POST', `/api/variants/${ids.variant}/deactivate`),
    ];
    const staffList = await call('ca.cu.xa1', 'GET', '/api/variants');
    const huyen1 = await call('admin.huyen1', 'GET', '/api/variants');
    const hidden = await call('admin.huyen1', 'GET', `/api/variants/${other.body.variant.id}`);
    const tinh = await call('admin.tinh', 'GET', '/api/variants');
    const t98 = await call('admin.t98', 'GET', '/api/variants');
    const commune = await call('admin.xa.cu1', 'POST', '/api/variants', { parentDefinitionId: ids.variantV2, jurisdictionCode: '99101', xml: procedureXml(KEY, { label: 'xã', extraStep: true }) });
    const provinceEdits = await call('admin.tinh', 'POST', `/api/variants/${other.body.variant.id}/deactivate`);
    const denialsAfter = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.denied').where('resource_type', '=', 'Variant').executeTakeFirstOrThrow();

    // then
    expect(other.status).toBe(201);
    expect(attempts.map((a) => [a.status, a.body.error?.code])).toEqual(Array(6).fill([403, 'FORBIDDEN']));
    expect(staffList.status).toBe(403);
    expect(huyen1.body.items.map((v: { jurisdictionCode: string }) => v.jurisdictionCode)).toEqual(['991']);
    expect(hidden.status).toBe(404);
    expect(tinh.body.items.map((v: { jurisdictionCode: string }) => v.jurisdictionCode).sort()).toEqual(['99', '991', '992']);
    expect(t98.body.items).toEqual([]);
    expect(commune.status).toBe(201);
    expect(commune.body.variant).toMatchObject({ jurisdictionCode: '99101', parentJurisdictionCode: '991' });
    expect(provinceEdits.status).toBe(200);
    expect(Number(denialsAfter.n) - Number(denialsBefore.n)).toBe(7);
  });

  it('should list for every user exactly the variants CASL lets them read row by row', async () => {
    // given
    const rows = await t.db.selectFrom('process_variant' as never).select(['id' as never, 'scope' as never]).execute() as { id: string; scope: string }[];

    for (const who of everyone) {
      const user = await t.db.selectFrom('app_user').select('id').where('username', '=', who).executeTakeFirstOrThrow();
      const ability = defineAbilityFor((await loadPrincipal(t.db, user.id))!);
      // when
      const listed = await call(who, 'GET', '/api/variants?limit=200');
      // then
      const allowed = rows.filter((r) => ability.can('read', subject('Variant', { ...r }) as never)).map((r) => r.id).sort();
      if (listed.status === 403) expect([who, allowed]).toEqual([who, []]);
      else expect([who, listed.body.items.map((v: { id: string }) => v.id).sort()]).toEqual([who, allowed]);
    }
  });

  it('should refuse bad input with 4xx codes', async () => {
    // when
    const mismatch = await call('admin.huyen1', 'POST', `/api/variants/${ids.variant}/versions`, { xml: procedureXml('another_key'), parentDefinitionId: ids.province2 });
    const invalid = await call('admin.huyen1', 'POST', `/api/variants/${ids.variant}/versions`, { xml: procedureXml(KEY).replace('<bpmn:sequenceFlow id="f2" sourceRef="read" targetRef="e"/>', ''), parentDefinitionId: ids.province2 });
    const exists = await call('admin.huyen1', 'POST', '/api/variants', { parentDefinitionId: ids.province2, jurisdictionCode: '991', xml: procedureXml(KEY) });
    const belowParent = await call('admin.tinh', 'POST', '/api/variants', { parentDefinitionId: ids.variantV2, jurisdictionCode: '99201', xml: procedureXml(KEY) });
    const otherKey = await call('admin.tinh', 'POST', '/api/variants', { key: 'nope', parentDefinitionId: ids.province2, jurisdictionCode: '99104', xml: procedureXml(KEY) });
    const noJurisdiction = await call('admin.tinh', 'POST', '/api/variants', { parentDefinitionId: ids.province2, jurisdictionCode: '99999', xml: procedureXml(KEY) });
    const noParent = await call('admin.tinh', 'POST', '/api/variants', { parentDefinitionId: '00000000-0000-4000-8000-0000000000ff', jurisdictionCode: '99104', xml: procedureXml(KEY) });
    const unknown = await call('admin.tinh', 'GET', '/api/variants/00000000-0000-4000-8000-0000000000ff');
    const extra = await call('admin.tinh', 'POST', '/api/variants', { parentDefinitionId: ids.province2, jurisdictionCode: '99104', xml: procedureXml(KEY), sneaky: true });
    const unresolved = await call('ca.cu.xa1', 'GET', '/api/definitions/resolve?key=not_deployed&communeCode=99101');
    const badCommune = await call('ca.cu.xa1', 'GET', `/api/definitions/resolve?key=${KEY}&communeCode=00000`);

    // then
    expect([mismatch.status, mismatch.body.error.code]).toEqual([422, 'VARIANT_KEY_MISMATCH']);
    expect([invalid.status, invalid.body.error.code]).toEqual([422, 'DEPLOY_INVALID']);
    expect(invalid.body.error.details.problems.length).toBeGreaterThan(0);
    expect(invalid.body.error.details.problems.some((p: { elementId: string | null }) => p.elementId !== null)).toBe(true);
    expect([exists.status, exists.body.error.code, exists.body.error.details.variantId]).toEqual([409, 'VARIANT_EXISTS', ids.variant]);
    expect([belowParent.status, belowParent.body.error.code]).toEqual([422, 'VARIANT_PARENT_INVALID']);
    expect([otherKey.status, otherKey.body.error.code]).toEqual([422, 'VARIANT_PARENT_INVALID']);
    expect([noJurisdiction.status, noJurisdiction.body.error.code]).toEqual([404, 'JURISDICTION_NOT_FOUND']);
    expect([noParent.status, noParent.body.error.code]).toEqual([404, 'DEFINITION_NOT_FOUND']);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'VARIANT_NOT_FOUND']);
    expect([extra.status, extra.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([unresolved.status, unresolved.body.error.code]).toEqual([404, 'DEFINITION_NOT_FOUND']);
    expect([badCommune.status, badCommune.body.error.code]).toEqual([404, 'JURISDICTION_NOT_FOUND']);
    const versions = await call('admin.huyen1', 'GET', `/api/variants/${ids.variant}`);
    expect(versions.body.versions).toHaveLength(2);
  });
});
