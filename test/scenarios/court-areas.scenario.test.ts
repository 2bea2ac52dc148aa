import { beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../../server/seed/demo-data';
import { seedIdentity } from '../../server/seed/index';
import type { HttpDriver } from './support/http-driver';
import { vn } from './support/paths';
import { addPerson, type ScenarioPlatform } from './support/scenario-platform';
import { scenarioSuite } from './support/scenario-suite';

const suite = scenarioSuite(vn('2026-03-02T08:00:00'));
let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(() => { ({ p, http } = suite); });

const fileWithCourt = (personId: string) =>
  p.start({ procedureKey: 'court-decision', personId, startEventId: 'Start_Filed', variables: { isMinor: false } });
const areaOf = async (communeCode: string) =>
  (await p.db.selectFrom('jurisdiction').select('court_area_code').where('code', '=', communeCode).executeTakeFirstOrThrow()).court_area_code;

describe('regional court areas come from the configuration, not from seed constants', () => {
  it('should seed the court areas per province and the area of every 2025 commune', async () => {
    const areas = await p.db.selectFrom('court_area').select(['code', 'province_code', 'court_agency_code']).orderBy('code').execute();
    expect(areas).toEqual([
      { code: '98-KV1', province_code: '98', court_agency_code: 'TAND-98-KV1' },
      { code: '99-KV1', province_code: '99', court_agency_code: 'TAND-99-KV1' },
      { code: '99-KV2', province_code: '99', court_agency_code: 'TAND-99-KV2' },
    ]);
    const communes = await p.db.selectFrom('jurisdiction').select(['code', 'court_area_code']).where('structure', '=', '2025').where('level', '=', 'commune').orderBy('code').execute();
    expect(communes).toEqual([
      { code: '98130', court_area_code: '98-KV1' }, { code: '99130', court_area_code: '99-KV1' },
      { code: '99160', court_area_code: '99-KV1' }, { code: '99230', court_area_code: '99-KV2' },
    ]);
    // 2022 communes have no regional court (their court is the district court)
    expect(await areaOf('99201')).toBeNull();
  }, 90_000);

  it('should route a new case to the other regional court after the commune\'s area is changed', async () => {
    // given xã Bến Đò (99160) in court area 1
    const before = await fileWithCourt(await addPerson(p.db, '99160', 'Kha Văn Trước'));
    expect(before.context.courtRegionCode).toBe('99-KV1');
    expect((await p.driver.openTask(before.instanceId, 'Task_ReceiveDossier')).candidate_groups).toEqual(['court:99-KV1']);
    // when the provincial admin moves the commune to court area 2 (configuration, through the admin API)
    const offered = await http.get('admin.tinh', '/api/admin/jurisdictions/99160/court-areas');
    expect(offered.json()).toEqual({ current: '99-KV1', items: [
      { code: '99-KV1', name: expect.any(String), court_agency_code: 'TAND-99-KV1' }, { code: '99-KV2', name: expect.any(String), court_agency_code: 'TAND-99-KV2' },
    ] });
    expect((await http.patch('admin.tinh', '/api/admin/jurisdictions/99160', { courtAreaCode: '98-KV1' })).json().error.code).toBe('COURT_AREA_INVALID');
    expect((await http.patch('admin.t98', '/api/admin/jurisdictions/99160', { courtAreaCode: '99-KV2' })).statusCode).toBe(403);
    expect(await areaOf('99160')).toBe('99-KV1');
    expect((await http.patch('admin.tinh', '/api/admin/jurisdictions/99160', { courtAreaCode: '99-KV2' })).statusCode).toBe(200);
    const after = await fileWithCourt(await addPerson(p.db, '99160', 'Kha Văn Sau'));
    // then the new case goes to the court of area 2: its judges see and take it, area 1 does not
    expect(after.context.courtRegionCode).toBe('99-KV2');
    expect((await p.driver.openTask(after.instanceId, 'Task_ReceiveDossier')).candidate_groups).toEqual(['court:99-KV2']);
    await http.cannotSee('toa.khuvuc1', after.instanceId, 'Task_ReceiveDossier');
    await http.complete('toa.khuvuc2', after.instanceId, 'Task_ReceiveDossier', { dossierComplete: true });
    expect((await p.driver.openTask(after.instanceId, 'Task_AcceptAssignJudge')).candidate_groups).toEqual(['court:99-KV2']);
    // and the running case stays with the court it was filed with
    expect((await p.driver.openTask(before.instanceId, 'Task_ReceiveDossier')).candidate_groups).toEqual(['court:99-KV1']);
    await http.cannotSee('toa.khuvuc2', before.instanceId, 'Task_ReceiveDossier');
  }, 90_000);

  it('should keep the configured area when the seed runs again on the next start', async () => {
    // given the change of the previous test
    expect(await areaOf('99160')).toBe('99-KV2');
    // when the idempotent seed runs again
    await seedIdentity(p.db, demoSeed);
    // then the configuration is left alone
    expect(await areaOf('99160')).toBe('99-KV2');
    expect(await areaOf('99130')).toBe('99-KV1');
  }, 90_000);
});
