import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity } from './fixtures/identity.fixture';

describe('admin routes: jurisdictions, agencies, users, holidays, audit', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const s: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db);
    await app.ready();
    for (const u of ['admin', 'admin.tinh', 'admin.t98', 'ca.xa1', 'kiemtra.tinh']) s[u] = await loginAs(app, u);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const post = (who: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: s[who].headers, payload: payload as object });

  it('should create communes with materialised paths in both structures, only inside the admin’s province', async () => {
    const c2025 = await post('admin.tinh', '/api/admin/jurisdictions', { code: '99190', name: 'Xã Mới', level: 'commune', parentCode: '99', structure: '2025' });
    const c2022 = await post('admin.tinh', '/api/admin/jurisdictions', { code: '99107', name: 'Xã Cũ', level: 'commune', parentCode: '991', structure: '2022' });
    const foreign = await post('admin.tinh', '/api/admin/jurisdictions', { code: '98160', name: 'Xã Khác', level: 'commune', parentCode: '98', structure: '2025' });
    const province = await post('admin.tinh', '/api/admin/jurisdictions', { code: '97', name: 'Tỉnh mới', level: 'province', structure: '2025' });
    const globalProvince = await post('admin', '/api/admin/jurisdictions', { code: '97', name: 'Tỉnh mới', level: 'province', structure: '2025' });
    const duplicate = await post('admin', '/api/admin/jurisdictions', { code: '97', name: 'Tỉnh mới', level: 'province', structure: '2025' });
    const badLevel = await post('admin', '/api/admin/jurisdictions', { code: '96', name: 'x', level: 'commune', structure: '2025' });

    expect(c2025.json().path).toBe('/99/99190/');
    expect(c2022.json().path).toBe('/99/991/99107/');
    expect(foreign.statusCode).toBe(403);
    expect(province.statusCode).toBe(403);
    expect(globalProvince.statusCode).toBe(201);
    expect(duplicate.json().error.code).toBe('DUPLICATE');
    expect(badLevel.json().error.code).toBe('JURISDICTION_INVALID');
    const children = await app.inject({ method: 'GET', url: '/api/jurisdictions/991', headers: s['ca.xa1'].headers });
    expect(children.json().children.map((c: { code: string }) => c.code)).toEqual(['99101', '99104', '99107']);
  });

  it('should create an agency with default candidate groups and let its users answer them', async () => {
    const created = await post('admin.tinh', '/api/admin/agencies', { code: 'CA-99190', name: 'Công an xã Mới', kind: 'police', jurisdictionCode: '99190' });
    const foreign = await post('admin.t98', '/api/admin/agencies', { code: 'CA-99190B', name: 'x', kind: 'police', jurisdictionCode: '99190' });
    expect(created.json().candidate_groups).toEqual(['police:99190', 'agency:CA-99190']);
    expect(foreign.statusCode).toBe(403);

    const user = await post('admin.tinh', '/api/admin/users', { username: 'ca.xamoi', displayName: 'Cán bộ xã mới', agencyCode: 'CA-99190', roles: ['staff'], password: 'MatKhauMoi2026' });
    expect(user.statusCode).toBe(201);
    const me = await loginAs(app, 'ca.xamoi', 'MatKhauMoi2026');
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: me.headers });
    expect(session.json().user.candidateGroups).toEqual(['police:99190', 'agency:CA-99190']);
  });

  it('should disable a user and end their sessions; unlock and reset only in the admin’s area', async () => {
    const target = await t.db.selectFrom('app_user').select('id').where('username', '=', 'ca.xamoi').executeTakeFirstOrThrow();
    const victim = await loginAs(app, 'ca.xamoi', 'MatKhauMoi2026');
    const foreign = await app.inject({ method: 'PATCH', url: `/api/admin/users/${target.id}`, headers: s['admin.t98'].headers, payload: { disabled: true } });
    const disabled = await app.inject({ method: 'PATCH', url: `/api/admin/users/${target.id}`, headers: s['admin.tinh'].headers, payload: { disabled: true } });

    expect(foreign.statusCode).toBe(403);
    expect(disabled.json().disabled).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: victim.headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/session/login', payload: { username: 'ca.xamoi', password: 'MatKhauMoi2026' } })).statusCode).toBe(401);
  });

  it('should manage the holiday calendar as an admin only', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/admin/holidays/2026-09-02', headers: s.admin.headers, payload: { name: 'Quốc khánh' } });
    const staff = await app.inject({ method: 'PUT', url: '/api/admin/holidays/2026-09-03', headers: s['ca.xa1'].headers, payload: { name: 'x' } });
    const list = await app.inject({ method: 'GET', url: '/api/calendar/holidays?year=2026', headers: s['ca.xa1'].headers });

    expect(put.statusCode).toBe(200);
    expect(staff.statusCode).toBe(403);
    expect(list.json().items).toEqual(expect.arrayContaining([{ date: '2026-09-02', name: 'Quốc khánh' }]));
  });

  it('should show the audit log of its subtree to the auditor, and verify the chain', async () => {
    const log = await app.inject({ method: 'GET', url: '/api/audit?limit=200', headers: s['kiemtra.tinh'].headers });
    const staff = await app.inject({ method: 'GET', url: '/api/audit', headers: s['ca.xa1'].headers });
    const verify = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: s['kiemtra.tinh'].headers });

    const scopes = (log.json().items as { scope: string | null }[]).map((r) => r.scope);
    expect(scopes.length).toBeGreaterThan(0);
    for (const scope of scopes) expect(scope?.startsWith('/99/')).toBe(true);
    expect(staff.statusCode).toBe(403);
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
