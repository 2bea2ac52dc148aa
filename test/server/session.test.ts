import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { totp } from '../../server/auth/totp';
import { FakeClock } from '../support/clock';
import { buildTestApp, loginAs } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity, TEST_PASSWORD } from './fixtures/identity.fixture';

describe('sessions', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db, { clock });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/session/login', payload: { username, password, ...extra } });

  it('should sign in with the password and set an httpOnly SameSite cookie, storing only a hash of the token', async () => {
    // when
    const response = await login('ca.xa1', TEST_PASSWORD);

    // then
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'qt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json().csrfToken).toEqual(expect.any(String));
    expect(response.json().user).toMatchObject({ username: 'ca.xa1', roles: ['staff'], candidateGroups: expect.arrayContaining(['police:99130', 'agency:CA-99130']) });
    const stored = await t.db.selectFrom('user_session').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);
  });

  it('should give a regional court only its own groups, not the provincial court’s `court:99`', async () => {
    const s = await loginAs(app, 'toa.khuvuc1');
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });

    expect(me.json().user.candidateGroups.sort()).toEqual(['agency:TAND-99-KV1', 'court:99-KV1']);
  });

  it('should refuse a wrong password with 401 LOGIN_FAILED and audit it', async () => {
    const response = await login('ca.xa2', 'wrong-password');

    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'LOGIN_FAILED', message: { vi: expect.any(String), en: expect.any(String) } });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'login.failure').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('should answer an unknown user exactly like a wrong password', async () => {
    const response = await login('nobody', 'whatever');

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('LOGIN_FAILED');
  });

  it('should lock the account after 5 failures, refuse even the right password, and unlock after the lockout', async () => {
    // given
    for (let i = 0; i < 4; i++) expect((await login('ca.cu.xa1', 'bad')).statusCode).toBe(401);

    // when
    const fifth = await login('ca.cu.xa1', 'bad');
    const rightButLocked = await login('ca.cu.xa1', TEST_PASSWORD);
    clock.advance(16 * 60_000);
    const afterLockout = await login('ca.cu.xa1', TEST_PASSWORD);

    // then
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(rightButLocked.statusCode).toBe(423);
    expect(afterLockout.statusCode).toBe(200);
  });

  it('should require the CSRF header matching the session on state-changing requests', async () => {
    // given
    const s = await loginAs(app, 'ca.xa1');

    // when
    const missing = await app.inject({ method: 'POST', url: '/api/session/logout', headers: { cookie: s.cookie } });
    const wrong = await app.inject({ method: 'POST', url: '/api/session/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    const other = await loginAs(app, 'ca.xa1');
    const crossed = await app.inject({ method: 'POST', url: '/api/session/logout', headers: { cookie: s.cookie, 'x-csrf-token': other.csrfToken } });
    const read = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } });
    const ok = await app.inject({ method: 'POST', url: '/api/session/logout', headers: s.headers });

    // then
    for (const r of [missing, wrong, crossed]) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('CSRF_INVALID');
    }
    expect(read.statusCode).toBe(200);
    expect(read.json().csrfToken).toBe(s.csrfToken);
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('should expire a session after the idle timeout', async () => {
    // given
    const s = await loginAs(app, 'ubnd.xa1');
    clock.advance(20 * 60_000);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: s.headers })).statusCode).toBe(200);

    // when: 20 more minutes are fine (touched), then 31 idle minutes are not
    clock.advance(20 * 60_000);
    const stillActive = await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });
    clock.advance(31 * 60_000);
    const expired = await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });

    // then
    expect(stillActive.statusCode).toBe(200);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('should refuse a live session of an account disabled since, and see role changes at once', async () => {
    // given a signed-in admin of the province
    const s = await loginAs(app, 'admin');
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: s.headers })).json().user.roles).toContain('admin');
    const user = await t.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();

    // when a role is taken away, then the account is disabled
    await t.db.deleteFrom('user_role').where('user_id', '=', user.id).where('role', '=', 'admin').execute();
    const afterRoleChange = await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });
    await t.db.updateTable('app_user').set({ disabled: true }).where('id', '=', user.id).execute();
    const afterDisable = await app.inject({ method: 'GET', url: '/api/tasks', headers: s.headers });
    await t.db.updateTable('app_user').set({ disabled: false }).where('id', '=', user.id).execute();
    await t.db.insertInto('user_role').values({ user_id: user.id, role: 'admin' }).execute();

    // then
    expect(afterRoleChange.statusCode).toBe(200);
    expect(afterRoleChange.json().user.roles).not.toContain('admin');
    expect(afterDisable.statusCode).toBe(401);
    expect(afterDisable.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('should expire a session at the absolute lifetime even when used constantly', async () => {
    const s = await loginAs(app, 'ca.xa2');
    for (let i = 0; i < 16; i++) {
      clock.advance(29 * 60_000);
      await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });
    }
    // 16 × 29 min = 464 min; the absolute limit is 480 min
    clock.advance(20 * 60_000);
    const response = await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });

    expect(response.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('should end every session with logout-all', async () => {
    const a = await loginAs(app, 'yte.tinh');
    const b = await loginAs(app, 'yte.tinh');

    const response = await app.inject({ method: 'POST', url: '/api/session/logout-all', headers: a.headers });

    expect(response.json()).toEqual({ sessionsEnded: 2 });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: b.headers })).statusCode).toBe(401);
  });

  it('should change the password, ending other sessions, and refuse weak or wrong ones', async () => {
    // given
    const a = await loginAs(app, 'toa.khuvuc1');
    const b = await loginAs(app, 'toa.khuvuc1');

    // when
    const wrong = await app.inject({ method: 'POST', url: '/api/session/password', headers: a.headers, payload: { currentPassword: 'nope', newPassword: 'Abcdef12345' } });
    const weak = await app.inject({ method: 'POST', url: '/api/session/password', headers: a.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    const ok = await app.inject({ method: 'POST', url: '/api/session/password', headers: a.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mật khẩu mới 2026' } });

    // then
    expect(wrong.json().error.code).toBe('PASSWORD_WRONG');
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: a.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: b.headers })).statusCode).toBe(401);
    expect((await login('toa.khuvuc1', 'Mật khẩu mới 2026')).statusCode).toBe(200);
  });

  it('should require a valid, unreplayed TOTP code once an admin enables it', async () => {
    // given
    const s = await loginAs(app, 'admin.t98');
    const setup = await app.inject({ method: 'POST', url: '/api/session/totp/setup', headers: s.headers });
    const { secret } = setup.json() as { secret: string };
    const enable = await app.inject({ method: 'POST', url: '/api/session/totp/enable', headers: s.headers, payload: { code: totp(secret, clock.now()) } });
    expect(enable.statusCode).toBe(204);
    clock.advance(60_000);

    // when
    const without = await login('admin.t98', TEST_PASSWORD);
    const wrongCode = await login('admin.t98', TEST_PASSWORD, { totp: '000000' === totp(secret, clock.now()) ? '111111' : '000000' });
    const code = totp(secret, clock.now());
    const good = await login('admin.t98', TEST_PASSWORD, { totp: code });
    const replay = await login('admin.t98', TEST_PASSWORD, { totp: code });

    // then
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    expect(wrongCode.json().error.code).toBe('TOTP_INVALID');
    expect(good.statusCode).toBe(200);
    expect(replay.json().error.code).toBe('TOTP_INVALID');
  });

  it('should not let URL encodings of /api bypass authentication', async () => {
    for (const url of ['/%61pi/persons', '/API/persons', '/api//persons', '/api/persons/', '/api/persons?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect([url, response.statusCode === 401 || response.statusCode === 404 || response.statusCode === 400]).toEqual([url, true]);
      expect(response.body).not.toContain('full_name');
    }
  });

  it('should refuse unknown login fields with 400 VALIDATION_FAILED', async () => {
    const response = await login('ca.xa1', TEST_PASSWORD, { isAdmin: true });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('should rate-limit login attempts per IP and username with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login('lanhdao.tinh', 'bad-' + i)).statusCode);

    expect(codes).toContain(429);
    const limited = await login('lanhdao.tinh', 'bad');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });
});
