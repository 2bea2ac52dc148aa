import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { FakeClock } from '../support/clock';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity, testSeed } from './fixtures/identity.fixture';
import { oneStepProcessXml } from './fixtures/one-step-process.fixture';

const xml = oneStepProcessXml('matrix_check', 'Kiểm tra', 'Xác minh nơi cư trú');

const starters: Record<string, string> = { '99130': 'ca.xa1', '99160': 'ca.xa2', '99101': 'ca.cu.xa1', '99104': 'ca.cu.xa2', '98130': 'ca.t98.xa1' };
/** Which communes' tasks each user sees (candidacy, or supervision of the subtree). */
const expected: Record<string, string[]> = {
  'ca.xa1': ['99130'], 'ca.xa1.truong': ['99130'], 'ubnd.xa1': [], 'ca.xa2': ['99160'], 'ca.cu.xa1': ['99101'], 'ca.cu.xa2': ['99104'],
  'ldtbxh.huyen1': [], 'ldtbxh.huyen1.truong': ['99101', '99104'], 'yte.tinh': [], 'toa.khuvuc1': [],
  'lanhdao.tinh': ['99130', '99160', '99101', '99104'], 'kiemtra.tinh': ['99130', '99160', '99101', '99104'], 'admin.tinh': ['99130', '99160', '99101', '99104'],
  'ca.t98.xa1': ['98130'], 'yte.t98': [], 'admin.t98': ['98130'], admin: ['99130', '99160', '99101', '99104', '98130'],
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function multipart(fileName: string, type: string, bytes: Buffer) {
  const boundary = '----qt' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('workflow routes and task authorization', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');
  const s: Record<string, LoggedIn> = {};
  const taskOf: Record<string, string> = {};
  const instanceOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db, { clock });
    await app.ready();
    for (const user of Object.keys(expected)) s[user] = await loginAs(app, user);
    const deployed = await app.inject({ method: 'POST', url: '/api/definitions', headers: s.admin.headers, payload: { xml } });
    expect(deployed.statusCode).toBe(201);
    for (const [commune, user] of Object.entries(starters)) {
      const person = testSeed.persons!.find((p) => p.communeCode === commune)!;
      const started = await app.inject({ method: 'POST', url: '/api/instances', headers: s[user].headers, payload: { definitionKey: 'matrix_check', variables: { communeCode: commune, personId: person.id } } });
      expect(started.statusCode).toBe(201);
      instanceOf[commune] = started.json().instanceId;
    }
    const all = await app.inject({ method: 'GET', url: '/api/tasks?view=all&limit=200', headers: s.admin.headers });
    for (const task of all.json().items as { id: string; candidate_groups: string[] }[]) taskOf[task.candidate_groups[0].split(':')[1]] = task.id;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should deploy only as an admin', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/definitions', headers: s['ca.xa1'].headers, payload: { xml } });
    expect(response.statusCode).toBe(403);
  });

  it('should refuse to start a process outside the caller’s jurisdiction', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/instances', headers: s['ca.xa1'].headers, payload: { definitionKey: 'matrix_check', variables: { communeCode: '98130' } } });
    expect(response.statusCode).toBe(403);
  });

  it('should give every instance its commune scope and candidate group', () => {
    expect(Object.keys(taskOf).sort()).toEqual(Object.keys(starters).sort());
  });

  describe.each(Object.keys(expected))('%s', (user) => {
    it('should list exactly its tasks and get 403 when guessing the others', async () => {
      const list = await app.inject({ method: 'GET', url: '/api/tasks?view=all&limit=200', headers: s[user].headers });
      const ids = (list.json().items as { id: string }[]).map((x) => x.id).sort();
      expect(ids).toEqual(expected[user].map((c) => taskOf[c]).sort());
      expect(list.json()).toMatchObject({ total: expected[user].length, totalCapped: false });
      for (const [commune, id] of Object.entries(taskOf)) {
        const one = await app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers: s[user].headers });
        expect([user, commune, one.statusCode]).toEqual([user, commune, expected[user].includes(commune) ? 200 : 403]);
      }
    });

    it('should list exactly the instances of its subtree', async () => {
      const list = await app.inject({ method: 'GET', url: '/api/instances?limit=200', headers: s[user].headers });
      const scopes: Record<string, string> = { '99130': '/99/99130/', '99160': '/99/99160/', '99101': '/99/991/99101/', '99104': '/99/991/99104/', '98130': '/98/98130/' };
      const workers = ['ubnd.xa1', 'ldtbxh.huyen1', 'yte.tinh', 'toa.khuvuc1', 'yte.t98'];
      const homes: Record<string, string> = { 'ubnd.xa1': '/99/99130/', 'ldtbxh.huyen1': '/99/991/', 'yte.tinh': '/99/', 'toa.khuvuc1': '/99/', 'yte.t98': '/98/' };
      const visible = Object.keys(scopes).filter((c) => (workers.includes(user) ? scopes[c].startsWith(homes[user]) : expected[user].includes(c)));
      expect((list.json().items as { id: string }[]).map((i) => i.id).sort()).toEqual(visible.map((c) => instanceOf[c]).sort());
    });
  });

  it('should return the task with variables and permitted actions in one call', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/tasks/${taskOf['99130']}`, headers: s['ca.xa1'].headers });

    expect(response.json()).toMatchObject({ task: { id: taskOf['99130'], scope: '/99/99130/' }, variables: { communeCode: '99130' }, form: null, actions: expect.arrayContaining(['claim', 'complete']) });
  });

  it('should enrich the list like a register and list the assignable candidates', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/tasks?view=all', headers: s['ca.xa2'].headers });
    const candidates = await app.inject({ method: 'GET', url: `/api/tasks/${taskOf['99130']}/candidates`, headers: s['ca.xa1.truong'].headers });
    const refused = await app.inject({ method: 'GET', url: `/api/tasks/${taskOf['99130']}/candidates`, headers: s['ca.xa2'].headers });

    expect(list.json().items[0]).toMatchObject({ person_name: 'Đỗ Thị Lan', commune_name: 'Xã Bến Đò', procedure_name: 'Kiểm tra', working_days_left: 2, assignee_name: null });
    expect(candidates.json().items.map((u: { displayName: string }) => u.displayName).sort()).toEqual(['Công an xã 1', 'Trưởng CA xã 1']);
    expect(refused.statusCode).toBe(403);
  });

  it('should let only candidates claim, supervisors assign to candidates, and mail the assignee', async () => {
    const foreign = await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130']}/claim`, headers: s['ca.xa2'].headers });
    const notCandidate = await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130']}/assign`, headers: s['ca.xa1.truong'].headers, payload: { userId: s['ubnd.xa1'].userId } });
    const byStaff = await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130']}/assign`, headers: s['ca.xa2'].headers, payload: { userId: s['ca.xa2'].userId } });
    const assigned = await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130']}/assign`, headers: s['ca.xa1.truong'].headers, payload: { userId: s['ca.xa1'].userId } });

    expect(foreign.statusCode).toBe(403);
    expect(notCandidate.json().error.code).toBe('TASK_NOT_ASSIGNABLE');
    expect(byStaff.statusCode).toBe(403);
    expect(assigned.statusCode).toBe(200);
    const mine = await app.inject({ method: 'GET', url: '/api/tasks?view=mine', headers: s['ca.xa1'].headers });
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([taskOf['99130']]);
    const mail = await t.db.selectFrom('job' as never).selectAll().where('type' as never, '=', 'mail.send' as never).execute();
    expect(mail).toHaveLength(1);
  });

  it('should filter by commune (a segment of the jurisdiction path) and search accent-insensitively', async () => {
    // given the admin sees every province-99 and 98 task
    const get = (query: string) => app.inject({ method: 'GET', url: `/api/tasks?view=all&limit=100&${query}`, headers: s.admin.headers });

    // when
    const byCommune = await get('communeCode=99160');
    const byDistrict = await get('communeCode=991');
    const byName = await get(`q=${encodeURIComponent('do thi LAN')}`);
    const nothing = await get('q=zzzz-khong-co');
    const wildcard = await get(`q=${encodeURIComponent('%')}`);
    const badCode = await get(`communeCode=${encodeURIComponent("99'; --")}`);

    // then
    const ids = (r: Awaited<ReturnType<typeof get>>) => (r.json().items as { id: string }[]).map((x) => x.id).sort();
    expect(ids(byCommune)).toEqual([taskOf['99160']]);
    expect(ids(byDistrict)).toEqual([taskOf['99101'], taskOf['99104']].sort());
    expect(ids(byName)).toEqual([taskOf['99160']]);
    expect(nothing.json().total).toBe(0);
    expect(wildcard.json().total).toBe(0);
    expect(badCode.statusCode).toBe(400);
  });

  it('should filter by due date, overdue and person', async () => {
    const soon = await app.inject({ method: 'GET', url: '/api/tasks?view=all&dueWithinHours=72', headers: s['ca.xa2'].headers });
    const overdueNow = await app.inject({ method: 'GET', url: '/api/tasks?view=all&overdue=true', headers: s['ca.xa2'].headers });
    clock.advanceDays(3);
    for (const user of ['ca.xa2', 'admin', 'ca.xa1', 'ca.xa1.truong', 'lanhdao.tinh', 'ca.cu.xa1', 'ca.t98.xa1', 'admin.t98', 'yte.t98', 'ldtbxh.huyen1.truong']) s[user] = await loginAs(app, user);
    const overdueLater = await app.inject({ method: 'GET', url: '/api/tasks?view=all&overdue=true', headers: s['ca.xa2'].headers });
    const byPerson = await app.inject({ method: 'GET', url: `/api/tasks?view=all&personId=${testSeed.persons![1].id}`, headers: s.admin.headers });

    expect(soon.statusCode, soon.body).toBe(200);
    expect(soon.json().total).toBe(1);
    expect(overdueNow.json().total).toBe(0);
    expect(overdueLater.json().total).toBe(1);
    expect(byPerson.json().items.map((x: { id: string }) => x.id)).toEqual([taskOf['99160']]);
  });

  it('should keep attachments of a task readable only where the task’s commune is', async () => {
    const { payload, contentType } = multipart('anh.png', 'image/png', PNG);
    const upload = await app.inject({ method: 'POST', url: `/api/attachments?taskId=${taskOf['99130']}`, headers: { ...s['ca.xa1'].headers, 'content-type': contentType }, payload });
    const foreignUpload = await app.inject({ method: 'POST', url: `/api/attachments?taskId=${taskOf['99130']}`, headers: { ...s['ca.xa2'].headers, 'content-type': contentType }, payload });
    expect(upload.statusCode).toBe(201);
    expect(foreignUpload.statusCode).toBe(403);
    const id = upload.json().id as string;

    const codes = Object.fromEntries(await Promise.all(['ca.xa1', 'ca.xa1.truong', 'lanhdao.tinh', 'ca.xa2', 'ca.cu.xa1', 'ca.t98.xa1', 'admin.t98', 'yte.t98'].map(async (u) => [u, (await app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: s[u].headers })).statusCode])));
    expect(codes).toEqual({ 'ca.xa1': 200, 'ca.xa1.truong': 200, 'lanhdao.tinh': 200, 'ca.xa2': 403, 'ca.cu.xa1': 403, 'ca.t98.xa1': 403, 'admin.t98': 403, 'yte.t98': 403 });
  });

  it('should complete a task as its assignee, and refuse a second completion', async () => {
    const done = await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130']}/complete`, headers: s['ca.xa1'].headers, payload: { variables: { verified: true } } });
    const again = await app.inject({ method: 'POST', url: `/api/tasks/${taskOf['99130']}/complete`, headers: s['ca.xa1'].headers, payload: {} });
    const instance = await app.inject({ method: 'GET', url: `/api/instances/${instanceOf['99130']}`, headers: s['ca.xa1'].headers });

    expect(done.statusCode).toBe(200);
    expect([403, 409]).toContain(again.statusCode);
    expect(instance.json().instance.state).toBe('completed');
    expect(instance.json().variables).toMatchObject({ verified: true });
  });

  it('should let a supervisor cancel an instance of its subtree only', async () => {
    const foreign = await app.inject({ method: 'POST', url: `/api/instances/${instanceOf['99160']}/cancel`, headers: s['ca.xa1.truong'].headers });
    const own = await app.inject({ method: 'POST', url: `/api/instances/${instanceOf['99101']}/cancel`, headers: s['ldtbxh.huyen1.truong'].headers });

    expect(foreign.statusCode).toBe(403);
    expect(own.statusCode).toBe(200);
  });
});
