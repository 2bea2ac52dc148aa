import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity } from './fixtures/identity.fixture';

describe('organisation administration: agencies and jurisdictions (edit, move, deactivate, paged lists)', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const s: Record<string, LoggedIn> = {};
  let agencyId = '';

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db);
    await app.ready();
    for (const u of ['admin', 'admin.tinh', 'admin.t98', 'ca.xa1']) s[u] = await loginAs(app, u);
    const created = await call('admin.tinh', 'POST', '/api/admin/agencies', { code: 'TT-99130', name: 'Tổ công tác xã Sông Xanh', kind: 'police', jurisdictionCode: '99130' });
    expect(created.statusCode).toBe(201);
    agencyId = created.json().id;
    for (const username of ['tt.mot', 'tt.hai']) {
      const user = await call('admin.tinh', 'POST', '/api/admin/users', { username, displayName: `Cán bộ ${username}`, agencyCode: 'TT-99130', roles: ['staff'], password: 'MatKhauMoi2026' });
      expect(user.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  function call(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
    return app.inject({ method, url, headers: s[who].headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  const auditOf = (action: string) => t.db.selectFrom('audit_log').select(['detail', 'scope', 'actor_id']).where('action', '=', action).where('resource_id', '=', agencyId).orderBy('id', 'desc').executeTakeFirst();

  it('should page the agencies of the admin’s province with account counts, and search them', async () => {
    // when
    const page = await call('admin.tinh', 'GET', '/api/admin/agencies?limit=3&offset=0');
    const next = await call('admin.tinh', 'GET', '/api/admin/agencies?limit=3&offset=3');
    const found = await call('admin.tinh', 'GET', '/api/admin/agencies?q=t%E1%BB%95%20c%C3%B4ng');
    const foreign = await call('admin.t98', 'GET', '/api/admin/agencies?limit=200');
    const staff = await call('ca.xa1', 'GET', '/api/admin/agencies');
    // then
    expect(page.json().items).toHaveLength(3);
    expect(page.json().total).toBe(10);
    expect(next.json().items.map((a: { code: string }) => a.code)).not.toContain(page.json().items[0].code);
    expect(found.json()).toMatchObject({ total: 1, items: [{ code: 'TT-99130', users_total: 2, users_active: 2, jurisdiction_name: 'Xã Sông Xanh' }] });
    expect(foreign.json().items.map((a: { code: string }) => a.code).sort()).toEqual(['BVDK-98', 'CA-98130', 'UBND-98']);
    expect(staff.json()).toEqual({ total: 0, items: [] });
  });

  it('should page the jurisdictions the admin manages with parent names, filtered by level', async () => {
    // when
    const communes = await call('admin.tinh', 'GET', '/api/admin/jurisdictions?level=commune&limit=2');
    const all = await call('admin.tinh', 'GET', '/api/admin/jurisdictions?limit=200');
    // then
    expect(communes.json().total).toBe(4);
    expect(communes.json().items).toHaveLength(2);
    expect(all.json().items.every((j: { path: string }) => j.path.startsWith('/99/'))).toBe(true);
    expect(all.json().items.find((j: { code: string }) => j.code === '99101')).toMatchObject({ parent_code: '991', parent_name: 'Huyện Sông Xanh', agencies: 1 });
  });

  it('should rename an agency, change its kind and move it within the province, with default groups following and an audit row', async () => {
    // when
    const moved = await call('admin.tinh', 'PATCH', `/api/admin/agencies/${agencyId}`, { name: 'Tổ công tác xã Bến Đò', kind: 'people_committee', jurisdictionCode: '99160' });
    // then
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Tổ công tác xã Bến Đò', kind: 'people_committee', candidate_groups: ['people_committee:99160', 'agency:TT-99130'] });
    const audit = await auditOf('agency.updated');
    expect(audit).toMatchObject({ scope: '/99/99160/', actor_id: s['admin.tinh'].userId, detail: { before: { name: 'Tổ công tác xã Sông Xanh', kind: 'police', jurisdictionCode: '99130' } } });
    const me = await loginAs(app, 'tt.mot', 'MatKhauMoi2026');
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: me.headers });
    expect(session.json().user.jurisdiction.code).toBe('99160');
  });

  it('should refuse moves outside the province, foreign admins, unknown places and empty or bad bodies with bilingual errors', async () => {
    // when
    const outside = await call('admin.tinh', 'PATCH', `/api/admin/agencies/${agencyId}`, { jurisdictionCode: '98130' });
    const foreign = await call('admin.t98', 'PATCH', `/api/admin/agencies/${agencyId}`, { name: 'x' });
    const unknown = await call('admin.tinh', 'PATCH', `/api/admin/agencies/${agencyId}`, { jurisdictionCode: '99999' });
    const empty = await call('admin.tinh', 'PATCH', `/api/admin/agencies/${agencyId}`, {});
    const badKind = await call('admin.tinh', 'PATCH', `/api/admin/agencies/${agencyId}`, { kind: 'army' });
    const noAgency = await call('admin.tinh', 'PATCH', '/api/admin/agencies/00000000-0000-4000-8000-00000000ffff', { name: 'x' });
    // then
    expect([outside.statusCode, foreign.statusCode, unknown.statusCode, empty.statusCode, badKind.statusCode, noAgency.statusCode]).toEqual([403, 403, 404, 400, 400, 404]);
    expect(unknown.json().error).toMatchObject({ code: 'JURISDICTION_NOT_FOUND', message: { vi: 'Không tìm thấy đơn vị hành chính.', en: 'Jurisdiction not found.' } });
    expect(noAgency.json().error.code).toBe('AGENCY_NOT_FOUND');
    const row = await t.db.selectFrom('agency as a').innerJoin('jurisdiction as j', 'j.id', 'a.jurisdiction_id').select(['a.name', 'j.code']).where('a.id', '=', agencyId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Tổ công tác xã Bến Đò', code: '99160' });
  });

  it('should deactivate an agency (accounts disabled, sessions ended) and undo it exactly', async () => {
    // given one account was already disabled on its own, and another is signed in
    const tt2 = await t.db.selectFrom('app_user').select('id').where('username', '=', 'tt.hai').executeTakeFirstOrThrow();
    await call('admin.tinh', 'PATCH', `/api/admin/users/${tt2.id}`, { disabled: true });
    const signedIn = await loginAs(app, 'tt.mot', 'MatKhauMoi2026');
    // when
    const foreign = await call('admin.t98', 'POST', `/api/admin/agencies/${agencyId}/deactivate`);
    const off = await call('admin.tinh', 'POST', `/api/admin/agencies/${agencyId}/deactivate`);
    // then
    expect(foreign.statusCode).toBe(403);
    const tt1 = await t.db.selectFrom('app_user').select('id').where('username', '=', 'tt.mot').executeTakeFirstOrThrow();
    expect(off.json()).toEqual({ disabledUserIds: [tt1.id] });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: signedIn.headers })).statusCode).toBe(401);
    expect((await call('admin.tinh', 'GET', '/api/admin/agencies?q=TT-99130')).json().items[0]).toMatchObject({ users_total: 2, users_active: 0 });
    expect((await auditOf('agency.deactivated'))?.detail).toEqual({ userIds: [tt1.id] });
    // when undone with the ids the deactivation answered
    const undo = await call('admin.tinh', 'POST', `/api/admin/agencies/${agencyId}/reactivate`, { userIds: off.json().disabledUserIds });
    // then only that account is back; the one disabled before stays disabled
    expect(undo.json()).toEqual({ enabledUserIds: [tt1.id] });
    expect((await loginAs(app, 'tt.mot', 'MatKhauMoi2026')).userId).toBe(tt1.id);
    expect((await app.inject({ method: 'POST', url: '/api/session/login', payload: { username: 'tt.hai', password: 'MatKhauMoi2026' } })).statusCode).toBe(401);
  });

  it('should rename a jurisdiction, end its validity and make it valid again; dates in the wrong order are refused', async () => {
    // when
    const renamed = await call('admin.tinh', 'PATCH', '/api/admin/jurisdictions/99160', { name: 'Xã Bến Đò Mới', validFrom: '2025-07-01' });
    const backwards = await call('admin.tinh', 'PATCH', '/api/admin/jurisdictions/99160', { validTo: '2025-06-30' });
    const ended = await call('admin.tinh', 'PATCH', '/api/admin/jurisdictions/99160', { validTo: '2026-03-02' });
    const again = await call('admin.tinh', 'PATCH', '/api/admin/jurisdictions/99160', { validTo: null });
    const empty = await call('admin.tinh', 'PATCH', '/api/admin/jurisdictions/99160', {});
    const foreign = await call('admin.t98', 'PATCH', '/api/admin/jurisdictions/99160', { name: 'x' });
    const createdBackwards = await call('admin.tinh', 'POST', '/api/admin/jurisdictions', { code: '99170', name: 'Xã Mới', level: 'commune', parentCode: '99', structure: '2025', validFrom: '2026-01-01', validTo: '2025-01-01' });
    // then
    expect(renamed.json()).toMatchObject({ name: 'Xã Bến Đò Mới', valid_from: '2025-07-01' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error).toMatchObject({ code: 'VALIDITY_INVALID', message: { vi: expect.any(String), en: expect.any(String) } });
    expect(ended.json().valid_to).toBe('2026-03-02');
    expect(again.json().valid_to).toBeNull();
    expect([empty.statusCode, foreign.statusCode, createdBackwards.statusCode]).toEqual([400, 403, 422]);
  });
});
