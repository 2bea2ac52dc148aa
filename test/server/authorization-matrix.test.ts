import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity, testSeed } from './fixtures/identity.fixture';

/**
 * Roles × jurisdictions (two provinces; 2025 and 2022 structures) × resources × actions.
 * Expectations come from this table, written independently of the CASL rules.
 */
const home: Record<string, string> = {
  'ca.xa1': '/99/99130/', 'ca.xa1.truong': '/99/99130/', 'ubnd.xa1': '/99/99130/', 'ca.xa2': '/99/99160/',
  'ca.cu.xa1': '/99/991/99101/', 'ca.cu.xa2': '/99/991/99104/', 'ldtbxh.huyen1': '/99/991/', 'ldtbxh.huyen1.truong': '/99/991/',
  'yte.tinh': '/99/', 'toa.khuvuc1': '/99/', 'lanhdao.tinh': '/99/', 'kiemtra.tinh': '/99/', 'admin.tinh': '/99/',
  'ca.t98.xa1': '/98/98130/', 'yte.t98': '/98/', 'admin.t98': '/98/', admin: '/',
};
/** Who reads medical data: health, court, police (of the case's area). */
const medicalReaders = new Set(['ca.xa1', 'ca.xa1.truong', 'ca.xa2', 'ca.cu.xa1', 'ca.cu.xa2', 'yte.tinh', 'toa.khuvuc1', 'ca.t98.xa1', 'yte.t98']);
/** Who may change person records (staff and supervisors in their area). */
const writers = new Set(['ca.xa1', 'ca.xa1.truong', 'ubnd.xa1', 'ca.xa2', 'ca.cu.xa1', 'ca.cu.xa2', 'ldtbxh.huyen1', 'ldtbxh.huyen1.truong', 'yte.tinh', 'toa.khuvuc1', 'ca.t98.xa1', 'yte.t98']);
/** Who may administer users (provincial admin: province; admin: all). */
const userAdmins: Record<string, string> = { 'admin.tinh': '/99/', 'admin.t98': '/98/', admin: '/' };

const scopeOfCommune: Record<string, string> = { '99130': '/99/99130/', '99160': '/99/99160/', '99101': '/99/991/99101/', '99104': '/99/991/99104/', '98130': '/98/98130/' };
const persons = testSeed.persons!.map((p) => ({ id: p.id, scope: scopeOfCommune[p.communeCode] }));
const sees = (user: string, scope: string) => scope.startsWith(home[user]);

describe('authorization matrix', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const sessions: Record<string, LoggedIn> = {};
  const cases: { id: string; scope: string }[] = [];

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    const now = new Date();
    for (const [i, p] of persons.entries()) {
      const row = await t.db
        .insertInto('rehab_case')
        .values({ code: `HS-T-${i}`, person_id: p.id, procedure_key: 'determination', title: `Xác định tình trạng nghiện ${i}`, scope: p.scope, data: '{}', medical: JSON.stringify({ testResult: 'positive', conclusion: 'addicted' }), created_by: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      cases.push({ id: row.id, scope: p.scope });
    }
    app = await buildTestApp(t.db);
    await app.ready();
    for (const user of Object.keys(home)) sessions[user] = await loginAs(app, user);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: sessions[user].headers });

  describe.each(Object.keys(home))('%s', (user) => {
    it('should read exactly the persons of its subtree, one by one (ID guessing gets 403)', async () => {
      for (const p of persons) {
        const response = await get(user, `/api/persons/${p.id}`);
        expect([user, p.id, response.statusCode]).toEqual([user, p.id, sees(user, p.scope) ? 200 : 403]);
        if (response.statusCode === 403) {
          expect(response.json().error.code).toBe('FORBIDDEN');
          expect(response.body).not.toContain('full_name');
        }
      }
    });

    it('should list only permitted persons', async () => {
      const response = await get(user, '/api/persons?limit=200');
      const ids = (response.json().items as { id: string }[]).map((r) => r.id).sort();
      expect(ids).toEqual(persons.filter((p) => sees(user, p.scope)).map((p) => p.id).sort());
      expect(response.json().total).toBe(ids.length);
    });

    it('should read cases of its subtree with medical data only for health, court and police', async () => {
      for (const c of cases) {
        const response = await get(user, `/api/cases/${c.id}`);
        expect([user, c.scope, response.statusCode]).toEqual([user, c.scope, sees(user, c.scope) ? 200 : 403]);
        if (response.statusCode === 200) expect([user, 'medical' in response.json()]).toEqual([user, medicalReaders.has(user)]);
      }
      const list = await get(user, '/api/cases?limit=200');
      const items = list.json().items as { id: string; medical?: unknown }[];
      expect(items.map((r) => r.id).sort()).toEqual(cases.filter((c) => sees(user, c.scope)).map((c) => c.id).sort());
      for (const item of items) expect('medical' in item).toBe(medicalReaders.has(user));
    });

    it('should update persons only where it is a writer in that subtree', async () => {
      for (const p of persons) {
        const response = await app.inject({ method: 'PATCH', url: `/api/persons/${p.id}`, headers: sessions[user].headers, payload: { permanentAddress: `Địa chỉ do ${user} sửa` } });
        expect([user, p.id, response.statusCode]).toEqual([user, p.id, writers.has(user) && sees(user, p.scope) ? 200 : 403]);
      }
    });

    it('should write medical data only as a health facility', async () => {
      const own = cases.find((c) => sees(user, c.scope));
      if (!own) return;
      const response = await app.inject({ method: 'PATCH', url: `/api/cases/${own.id}`, headers: sessions[user].headers, payload: { medical: { conclusion: 'not_addicted' } } });
      const health = user === 'yte.tinh' || user === 'yte.t98';
      expect([user, response.statusCode]).toEqual([user, health ? 200 : 403]);
    });

    it('should list users only of the subtree it may see', async () => {
      const response = await get(user, '/api/admin/users?limit=200');
      const names = (response.json().items as { username: string; scope: string | null }[]);
      const area = userAdmins[user] ?? home[user];
      for (const u of names) expect([user, u.username, (u.scope ?? '/').startsWith(area) || u.username === user]).toEqual([user, u.username, true]);
      if (userAdmins[user]) {
        const expected = testSeed.users.filter((u) => {
          const agency = testSeed.agencies.find((a) => a.code === u.agencyCode);
          const path = agency ? Object.values(scopeOfCommune).concat(['/99/', '/98/', '/99/991/']).find((s) => s.endsWith(`/${agency.jurisdictionCode}/`)) : '/';
          return (path ?? '/').startsWith(area);
        });
        expect(names.map((n) => n.username).sort()).toEqual(expected.map((u) => u.username).sort());
      }
    });
  });

  it('should let a provincial admin create users only in its province and only grant lower roles', async () => {
    const h = sessions['admin.tinh'].headers;
    const body = { username: 'moi.xa1', displayName: 'Cán bộ mới', agencyCode: 'CA-99130', roles: ['staff'], password: 'MatKhau12345' };
    const ok = await app.inject({ method: 'POST', url: '/api/admin/users', headers: h, payload: body });
    const otherProvince = await app.inject({ method: 'POST', url: '/api/admin/users', headers: h, payload: { ...body, username: 'moi.t98', agencyCode: 'CA-98130' } });
    const escalate = await app.inject({ method: 'POST', url: '/api/admin/users', headers: h, payload: { ...body, username: 'moi.admin', roles: ['provincial_admin'] } });
    const byStaff = await app.inject({ method: 'POST', url: '/api/admin/users', headers: sessions['ca.xa1'].headers, payload: { ...body, username: 'moi.2' } });

    expect(ok.statusCode).toBe(201);
    expect(otherProvince.statusCode).toBe(403);
    expect(escalate.json().error.code).toBe('ROLE_NOT_GRANTABLE');
    expect(byStaff.statusCode).toBe(403);
  });

  it('should log every denial to the audit log', async () => {
    const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.denied').executeTakeFirstOrThrow();
    await get('ca.xa1', `/api/persons/${persons[4].id}`);
    const after = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').orderBy('id', 'desc').execute();

    expect(after.length).toBe(before.n + 1);
    expect(after[0]).toMatchObject({ actor_id: sessions['ca.xa1'].userId, resource_type: 'Person', resource_id: persons[4].id, scope: '/98/98130/' });
  });

  it('should audit every read of a person record and case', async () => {
    await get('ca.xa1', `/api/persons/${persons[0].id}`);
    await get('ca.xa1', `/api/cases/${cases[0].id}`);
    const reads = await t.db.selectFrom('audit_log').select(['action', 'resource_id']).where('actor_id', '=', sessions['ca.xa1'].userId).where('action', 'in', ['person.read', 'case.read']).execute();

    expect(reads).toEqual(expect.arrayContaining([{ action: 'person.read', resource_id: persons[0].id }, { action: 'case.read', resource_id: cases[0].id }]));
  });

  it('should find persons accent-insensitively (đ → d) and by ID number', async () => {
    const byName = await get('admin', '/api/persons?q=do%20thi%20lan');
    const byD = await get('admin', '/api/persons?q=pham%20van%20dong');
    const byId = await get('admin', '/api/persons?idNumber=099088000003');

    expect(byName.json().items[0].full_name).toBe('Đỗ Thị Lan');
    expect(byD.json().items[0].full_name).toBe('Phạm Văn Đồng');
    expect(byId.json().items.map((p: { full_name: string }) => p.full_name)).toEqual(['Trần Đức Anh']);
  });
});
