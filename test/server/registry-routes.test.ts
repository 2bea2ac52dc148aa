import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { saveForm, type FormsDb } from '../../forms/index';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity } from './fixtures/identity.fixture';

describe('person and case registers, public forms', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const s: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    await saveForm(t.db as unknown as FormsDb, {
      id: 'voluntary.registration',
      title: { vi: 'Đơn đăng ký cai nghiện tự nguyện', en: 'Voluntary rehab registration' },
      schema: { type: 'object', required: ['fullName'], properties: { fullName: { type: 'string', maxLength: 100 }, reason: { type: 'string', maxLength: 500 } } },
    }, { createdBy: 'test' });
    app = await buildTestApp(t.db, { env: { PUBLIC_RATE_LIMIT: '5' } });
    await app.ready();
    for (const u of ['ca.xa1', 'ca.xa2', 'yte.tinh', 'ubnd.xa1', 'lanhdao.tinh']) s[u] = await loginAs(app, u);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const post = (who: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: s[who].headers, payload });

  it('should register persons only in the caller’s communes and refuse duplicate ID numbers', async () => {
    const ok = await post('ca.xa1', '/api/persons', { fullName: 'Hoàng Văn Mới', communeCode: '99130', idType: 'cccd', idNumber: '099090111111', sex: 'male', dateOfBirth: '1990-05-05' });
    const foreign = await post('ca.xa1', '/api/persons', { fullName: 'Người khác', communeCode: '99160' });
    const leader = await post('lanhdao.tinh', '/api/persons', { fullName: 'Người khác', communeCode: '99130' });
    const duplicate = await post('ca.xa1', '/api/persons', { fullName: 'Trùng', communeCode: '99130', idNumber: '099090111111' });
    const unknownCommune = await post('ca.xa1', '/api/persons', { fullName: 'X', communeCode: '12345' });

    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ scope: '/99/99130/', province_code: '99' });
    expect(foreign.statusCode).toBe(403);
    expect(leader.statusCode).toBe(403);
    expect(duplicate.json().error.code).toBe('DUPLICATE');
    expect(unknownCommune.json().error.code).toBe('JURISDICTION_NOT_FOUND');
    const found = await app.inject({ method: 'GET', url: '/api/persons?q=hoang%20van%20moi', headers: s['ca.xa1'].headers });
    expect(found.json().items[0].id).toBe(ok.json().id);
  });

  it('should record status changes in the person’s timeline', async () => {
    const person = (await app.inject({ method: 'GET', url: '/api/persons?idNumber=099090111111', headers: s['ca.xa1'].headers })).json().items[0];
    await app.inject({ method: 'PATCH', url: `/api/persons/${person.id}`, headers: s['ca.xa1'].headers, payload: { status: 'illegal_user_managed' } });
    const timeline = await app.inject({ method: 'GET', url: `/api/persons/${person.id}/timeline`, headers: s['ca.xa1'].headers });

    expect(timeline.json().events.filter((e: { kind: string }) => e.kind === 'status').map((e: { title: string }) => e.title)).toEqual(['illegal_user_managed']);
  });

  it('should open cases; medical data only from a health facility', async () => {
    const person = (await app.inject({ method: 'GET', url: '/api/persons?idNumber=099090111111', headers: s['ca.xa1'].headers })).json().items[0];
    const byPolice = await post('ca.xa1', '/api/cases', { personId: person.id, procedureKey: 'addiction-determination', title: 'Xác định tình trạng nghiện' });
    const policeMedical = await post('ca.xa1', '/api/cases', { personId: person.id, procedureKey: 'addiction-determination', title: 'x', medical: { result: 'positive' } });
    const health = await post('yte.tinh', '/api/cases', { personId: person.id, procedureKey: 'addiction-determination', title: 'Kết quả xét nghiệm', medical: { result: 'positive' } });
    const foreign = await post('ca.xa2', '/api/cases', { personId: person.id, procedureKey: 'x', title: 'x' });
    const committee = await app.inject({ method: 'GET', url: `/api/cases/${health.json().id}`, headers: s['ubnd.xa1'].headers });

    expect(byPolice.statusCode).toBe(201);
    expect(byPolice.json().code).toMatch(/^HS-\d{8}-[0-9A-F]{6}$/);
    expect(policeMedical.statusCode).toBe(403);
    expect(health.json().medical).toEqual({ result: 'positive' });
    expect(foreign.statusCode).toBe(403);
    expect(committee.json()).toMatchObject({ medicalHidden: true });
    expect(committee.json().medical).toBeUndefined();
  });

  it('should accept citizen submissions without login, validated by the form, rate limited, visible to the commune', async () => {
    const form = await app.inject({ method: 'GET', url: '/api/public/forms/voluntary.registration' });
    const notPublic = await app.inject({ method: 'GET', url: '/api/public/forms/iu.notice' });
    const invalid = await app.inject({ method: 'POST', url: '/api/public/forms/voluntary.registration/submissions', payload: { communeCode: '99130', contact: { fullName: 'Công dân' }, data: { reason: 'x' } } });
    const ok = await app.inject({ method: 'POST', url: '/api/public/forms/voluntary.registration/submissions', payload: { communeCode: '99130', contact: { fullName: 'Công dân', phone: '0912345678' }, data: { fullName: 'Công dân' } } });
    const commune = await app.inject({ method: 'GET', url: '/api/public-submissions', headers: s['ca.xa1'].headers });
    const other = await app.inject({ method: 'GET', url: '/api/public-submissions', headers: s['ca.xa2'].headers });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await app.inject({ method: 'GET', url: '/api/public/forms/voluntary.registration' })).statusCode);

    expect(form.json()).toMatchObject({ id: 'voluntary.registration', version: 1 });
    expect(notPublic.json().error.code).toBe('FORM_NOT_FOUND');
    expect(invalid.json().error.code).toBe('FORM_INVALID');
    expect(ok.statusCode).toBe(201);
    expect(commune.json().items.map((x: { id: string }) => x.id)).toEqual([ok.json().id]);
    expect(other.json().items).toEqual([]);
    expect(codes).toContain(429);
  });
});
