import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedPlanIndicators, shippedIndicators } from '../../../server/indicators/plan-targets.seed';
import { buildTestApp, loginAs, type LoggedIn } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedTestIdentity } from '../fixtures/identity.fixture';
import { P, seedIndicatorData } from './indicator-data.fixture';

/** Viewer → expected value of each shipped indicator (derived by hand from the fixture). */
const expected: Record<string, Record<string, number | null>> = {
  // province 99 (both structures)
  'lanhdao.tinh': { 'qt.methadone': 2, 'qt.counselling-points': 2, 'qt.post-rehab-managed': 66.7, 'qt.trigger-to-court-days': 20, 'qt.tasks-on-time': 75, 'tv.counselled': 66.7, 'hn.methadone': 1, 'hn.treated': 1, 'hn.compulsory': 0, 'hn.voluntary': 0, 'hn.post-rehab-managed': null },
  // 2025 communes
  'ca.xa1': { 'qt.methadone': 1, 'qt.counselling-points': 1, 'qt.post-rehab-managed': 100, 'qt.trigger-to-court-days': 21, 'qt.tasks-on-time': 66.7, 'tv.counselled': 100, 'hn.methadone': 1 },
  'ca.xa2': { 'qt.methadone': 0, 'qt.counselling-points': 0, 'qt.post-rehab-managed': 0, 'qt.trigger-to-court-days': 20, 'qt.tasks-on-time': 100, 'tv.counselled': null, 'hn.methadone': 0 },
  // 2022 commune and district
  'ca.cu.xa1': { 'qt.methadone': 1, 'qt.counselling-points': 1, 'qt.post-rehab-managed': 100, 'qt.trigger-to-court-days': 10, 'qt.tasks-on-time': null, 'tv.counselled': null },
  'ldtbxh.huyen1': { 'qt.methadone': 1, 'qt.counselling-points': 1, 'qt.post-rehab-managed': 100, 'qt.trigger-to-court-days': 10, 'qt.tasks-on-time': null, 'tv.counselled': 0, 'hn.methadone': 0 },
  // the other province sees only its own
  'admin.t98': { 'qt.methadone': 1, 'qt.counselling-points': 0, 'qt.post-rehab-managed': null, 'qt.trigger-to-court-days': null, 'qt.tasks-on-time': null, 'tv.counselled': null, 'hn.methadone': 0 },
};

interface Card { indicator: { code: string }; scopePath: string; result: { value: number | null; numerator?: number; denominator?: number }; status: string }

describe('plan indicators', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const s: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    await seedPlanIndicators(t.db);
    await seedIndicatorData(t.db);
    app = await buildTestApp(t.db);
    await app.ready();
    for (const u of [...Object.keys(expected), 'admin.tinh', 'admin']) s[u] = await loginAs(app, u);
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: s[user].headers });

  it('should seed the shipped plans idempotently (a second run inserts nothing)', async () => {
    // given the plans seeded by beforeAll and by the app's onReady hook
    // when seeding again
    const inserted = await seedPlanIndicators(t.db);
    // then nothing is added and every shipped indicator is listed
    expect(inserted).toBe(0);
    const plans = (await get('lanhdao.tinh', '/api/indicator-plans')).json() as { items: { code: string }[] };
    expect(plans.items.map((p) => p.code).sort()).toEqual(['HN-2017-2020', 'QT-2022-2025', 'TV-DH-2023']);
    const cards = (await get('lanhdao.tinh', '/api/indicators')).json() as { items: Card[] };
    expect(cards.items.map((c) => c.indicator.code).sort()).toEqual(shippedIndicators().map((d) => d.code).sort());
  });

  describe.each(Object.keys(expected))('viewer %s', (user) => {
    it('should compute each shipped indicator on its own jurisdiction only', async () => {
      // when the viewer opens the dashboard without choosing a jurisdiction
      const response = await get(user, '/api/indicators');
      // then every value equals the hand-derived one for the viewer's subtree
      expect(response.statusCode).toBe(200);
      const byCode = new Map((response.json() as { items: Card[] }).items.map((c) => [c.indicator.code, c]));
      for (const [code, value] of Object.entries(expected[user])) {
        expect({ code, value: byCode.get(code)?.result.value }).toEqual({ code, value });
      }
    });
  });

  it('should report target status and ratio parts (Quảng Trị: 250 on methadone, 100 % managed)', async () => {
    const cards = new Map(((await get('lanhdao.tinh', '/api/indicators?plan=QT-2022-2025')).json() as { items: Card[] }).items.map((c) => [c.indicator.code, c]));
    expect(cards.get('qt.methadone')!.status).toBe('not_met');
    expect(cards.get('qt.post-rehab-managed')!.result).toEqual({ value: 66.7, numerator: 2, denominator: 3 });
    expect(cards.get('qt.trigger-to-court-days')!.status).toBe('no_target');
    const mine = new Map(((await get('ca.xa1', '/api/indicators?plan=QT-2022-2025')).json() as { items: Card[] }).items.map((c) => [c.indicator.code, c]));
    expect(mine.get('qt.post-rehab-managed')!.status).toBe('met');
    expect(mine.get('qt.methadone')!.scopePath).toBe('/99/99130/');
  });

  it('should refuse a commune viewer the province, a neighbour or another province (403), and allow a province viewer any commune', async () => {
    for (const j of ['99', '99160', '98130', '991']) expect((await get('ca.xa1', `/api/indicators?jurisdiction=${j}`)).statusCode).toBe(403);
    expect((await get('admin.t98', '/api/indicators/qt.methadone?jurisdiction=99')).statusCode).toBe(403);
    const commune = (await get('lanhdao.tinh', '/api/indicators?jurisdiction=99104&plan=TV-DH-2023')).json() as { items: Card[] };
    expect(commune.items[0].result).toEqual({ value: 0, numerator: 0, denominator: 1 });
  });

  it('should break an indicator down by the communes of both structures and give a half-yearly trend', async () => {
    const body = (await get('admin.tinh', '/api/indicators/qt.methadone')).json() as { breakdown: { code: string; value: number }[]; trend: { label: string; value: number }[] };
    expect(Object.fromEntries(body.breakdown.map((b) => [b.code, b.value]))).toEqual({ '99101': 1, '99104': 0, '99130': 1, '99160': 0 });
    expect(body.trend).toHaveLength(8);
    expect(body.trend[0]).toMatchObject({ label: '6T đầu 2022', value: 1 });
    const districts = (await get('admin.tinh', '/api/indicators/qt.post-rehab-managed?level=district')).json() as { breakdown: { code: string; numerator: number; denominator: number }[] };
    expect(districts.breakdown).toEqual([expect.objectContaining({ code: '991', numerator: 1, denominator: 1 })]);
  });

  it('should drill down from a number to the persons and cases behind it, within the viewer’s scope', async () => {
    const denominator = (await get('lanhdao.tinh', '/api/indicators/qt.post-rehab-managed/cases?part=denominator')).json() as { items: { personId: string; caseCode: string | null }[] };
    expect(denominator.items.map((r) => r.personId).sort()).toEqual([P.a2, P.a3, P.a4].sort());
    expect(denominator.items.every((r) => r.caseCode?.startsWith('HS-FX-'))).toBe(true);
    const mine = (await get('ca.xa1', '/api/indicators/tv.counselled/cases?part=numerator')).json() as { items: { personId: string; personName: string }[] };
    expect(mine.items.map((r) => r.personId).sort()).toEqual([P.a1, P.a2].sort());
    expect((await get('ca.xa1', '/api/indicators/qt.trigger-to-court-days/cases')).statusCode).toBe(400);
  });

  it('should validate definitions: unknown fields are refused, values never reach SQL as text', async () => {
    const put = (user: string, code: string, measure: unknown) =>
      app.inject({ method: 'PUT', url: `/api/indicators/${code}`, headers: s[user].headers, payload: { name: { vi: 'Thử', en: 'Test' }, unit: 'persons', measure, target: null, periodFrom: '2024-01-01', periodTo: '2024-12-31', jurisdictionCode: '99' } });
    // a field outside the whitelist
    const bad = await put('admin.tinh', 'test.bad', { kind: 'count', source: 'persons', where: [{ field: 'password_hash', op: 'eq', value: 'x' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('INDICATOR_INVALID');
    // names of Object.prototype are not fields or periods
    expect((await put('admin.tinh', 'test.proto', { kind: 'count', source: 'persons', period: 'constructor' })).statusCode).toBe(422);
    expect((await put('admin.tinh', 'test.proto', { kind: 'count', source: 'persons', where: [{ field: '__proto__', op: 'null' }] })).statusCode).toBe(422);
    // an injection attempt stays a bound value
    const evil = await put('admin.tinh', 'test.evil', { kind: 'count', source: 'persons', where: [{ field: 'status', op: 'eq', value: "x'; DROP TABLE person; --" }] });
    expect(evil.statusCode).toBe(200);
    expect((await get('admin.tinh', '/api/indicators/test.evil')).json().result.value).toBe(0);
    expect(Number((await t.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(12);
    // only administrators define indicators
    expect((await put('ca.xa1', 'test.staff', { kind: 'count', source: 'persons' })).statusCode).toBe(403);
  });

  it('should document the interconnection API in OpenAPI under the indicators, reports and exchange tags', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const tagOf = (path: string, method: string) => doc.paths[path]?.[method]?.tags?.[0];
    expect(tagOf('/api/indicators', 'get')).toBe('indicators');
    expect(tagOf('/api/indicators/{code}/cases', 'get')).toBe('indicators');
    expect(tagOf('/api/reports', 'post')).toBe('reports');
    expect(tagOf('/api/reports/{id}/xlsx', 'get')).toBe('reports');
    expect(tagOf('/api/exchange/imports', 'post')).toBe('exchange');
    expect(tagOf('/api/exchange/persons', 'get')).toBe('exchange');
    expect(tagOf('/api/webhooks', 'post')).toBe('exchange');
  });

  it('should record a hand-entered observation for the viewer’s commune only', async () => {
    const post = (user: string, j: string) => app.inject({ method: 'POST', url: '/api/indicators/qt.counselling-points/observations', headers: s[user].headers, payload: { jurisdictionCode: j, observedOn: '2025-03-01', value: 1 } });
    expect((await post('ca.xa1', '99160')).statusCode).toBe(403);
    expect((await post('ca.xa1', '99130')).statusCode).toBe(201);
    const card = ((await get('ca.xa1', '/api/indicators/qt.counselling-points')).json() as Card).result;
    expect(card.value).toBe(2);
  });
});
