import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { purgeIdempotencyKeys } from '../../../server/plugins/idempotency.plugin';
import { testSeed } from '../../server/fixtures/identity.fixture';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildReliabilityApp, deploy, startWithTask, twoStepXml, type ReliabilityApp } from '../../reliability/support/fixture';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
function upload(bytes: Buffer) {
  const boundary = '----qt' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('Idempotency-Key on every non-idempotent command', () => {
  let t: TestDatabase<ServerDatabase>;
  let r: ReliabilityApp;
  const count = async (query: RawBuilder<{ n: number }>) => (await query.execute(t.db)).rows[0].n;
  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>({ max: 12 });
    r = await buildReliabilityApp(t.db);
    await deploy(r.app, await r.login('admin'), twoStepXml('idem'));
  });
  afterAll(async () => {
    await r.app.close();
    await t.destroy();
  });

  const start = async (key: string, headers: Record<string, string>, businessKey = key) =>
    r.app.inject({ method: 'POST', url: '/api/instances', headers: { ...headers, 'idempotency-key': key }, payload: { definitionKey: 'idem', businessKey, variables: { communeCode: '99130' } } });

  it('should replay a retried start with the same answer and start one instance', async () => {
    // given
    const s = await r.login('ca.xa1');
    // when
    const first = await start('start-key-0001', s.headers);
    const retry = await start('start-key-0001', s.headers);
    // then
    expect(first.statusCode).toBe(201);
    expect([retry.statusCode, retry.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(retry.json().instanceId).toBe(first.json().instanceId);
    expect(await count(sql`SELECT count(*)::int AS n FROM process_instance WHERE business_key = 'start-key-0001'`)).toBe(1);
  });

  it('should start one instance when two twins with the same key race', async () => {
    // given
    const s = await r.login('ca.xa1');
    // when
    const answers = await Promise.all([start('start-key-0002', s.headers), start('start-key-0002', s.headers), start('start-key-0002', s.headers)]);
    // then: a later twin loses on the key (409 IDEMPOTENCY_KEY_IN_USE) or, if the first had committed, gets the replay
    expect(await count(sql`SELECT count(*)::int AS n FROM process_instance WHERE business_key = 'start-key-0002'`)).toBe(1);
    for (const a of answers) {
      if (a.statusCode !== 201) expect([a.statusCode, a.json().error.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']);
    }
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().instanceId)).size).toBe(1);
  });

  it('should refuse the same key with another body or on another route with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    // given
    const s = await r.login('ca.xa1');
    const { taskId } = await startWithTask(r.app, s, 'idem');
    await start('start-key-0003', s.headers);
    // when
    const otherBody = await start('start-key-0003', s.headers, 'another-business-key');
    const otherRoute = await r.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: { ...s.headers, 'idempotency-key': 'start-key-0003' } });
    // then
    expect([otherBody.statusCode, otherBody.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(otherBody.json().error.message).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
    expect([otherRoute.statusCode, otherRoute.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count(sql`SELECT count(*)::int AS n FROM process_instance WHERE business_key = 'another-business-key'`)).toBe(0);
  });

  it('should replay a retried completion as 200 instead of 409 TASK_ALREADY_COMPLETED', async () => {
    // given
    const s = await r.login('ca.xa1');
    const { taskId } = await startWithTask(r.app, s, 'idem');
    const complete = () => r.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: { ...s.headers, 'idempotency-key': 'complete-key-1' }, payload: {} });
    // when
    const first = await complete();
    const retry = await complete();
    // then
    expect(first.statusCode).toBe(200);
    expect([retry.statusCode, retry.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(await count(sql`SELECT count(*)::int AS n FROM history_event WHERE task_id = ${taskId}::uuid AND type = 'task.completed'`)).toBe(1);
  });

  it('should replay claim and unclaim, and claim once when twins race', async () => {
    // given
    const s = await r.login('ca.xa1');
    const { taskId } = await startWithTask(r.app, s, 'idem');
    const post = (op: string, key: string) => r.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/${op}`, headers: { ...s.headers, 'idempotency-key': key } });
    // when
    const claims = await Promise.all([post('claim', 'claim-key-01'), post('claim', 'claim-key-01'), post('claim', 'claim-key-01')]);
    const unclaim = await post('unclaim', 'unclaim-key-01');
    const unclaimRetry = await post('unclaim', 'unclaim-key-01');
    const claimRetry = await post('claim', 'claim-key-01');
    // then
    expect(claims.some((c) => c.statusCode === 200)).toBe(true);
    for (const c of claims) expect([200, 409]).toContain(c.statusCode);
    expect(await count(sql`SELECT count(*)::int AS n FROM history_event WHERE task_id = ${taskId}::uuid AND type = 'task.claimed'`)).toBe(1);
    expect([unclaim.statusCode, unclaimRetry.statusCode, unclaimRetry.headers['idempotent-replayed']]).toEqual([200, 200, 'true']);
    // the replayed claim does not claim the task again
    expect(claimRetry.headers['idempotent-replayed']).toBe('true');
    expect((await r.app.engine.getTask(taskId))?.assignee).toBeNull();
  });

  it('should create one person, one case and one attachment for retried requests', async () => {
    // given
    const s = await r.login('ca.xa1');
    const headers = (key: string) => ({ ...s.headers, 'idempotency-key': key });
    const person = { fullName: 'Lê Thị Lặp Lại', communeCode: '99130' };
    // when
    const p1 = await r.app.inject({ method: 'POST', url: '/api/persons', headers: headers('person-key-1'), payload: person });
    const p2 = await r.app.inject({ method: 'POST', url: '/api/persons', headers: headers('person-key-1'), payload: person });
    const caseBody = { personId: testSeed.persons![0].id, procedureKey: 'idem', title: 'Hồ sơ lặp' };
    const c1 = await r.app.inject({ method: 'POST', url: '/api/cases', headers: headers('case-key-01'), payload: caseBody });
    const c2 = await r.app.inject({ method: 'POST', url: '/api/cases', headers: headers('case-key-01'), payload: caseBody });
    const url = `/api/attachments?personId=${testSeed.persons![0].id}`;
    const first = upload(PNG);
    const a1 = await r.app.inject({ method: 'POST', url, headers: { ...headers('upload-key-1'), 'content-type': first.contentType }, payload: first.payload });
    const file = upload(PNG); // a retry's body has another boundary: the file's digest is compared, not the raw body
    const a2 = await r.app.inject({ method: 'POST', url, headers: { ...headers('upload-key-1'), 'content-type': file.contentType }, payload: file.payload });
    const other = upload(Buffer.concat([PNG, Buffer.from('x')]));
    const a3 = await r.app.inject({ method: 'POST', url, headers: { ...headers('upload-key-1'), 'content-type': other.contentType }, payload: other.payload });
    // then
    expect([p1.statusCode, p2.statusCode, p2.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(p2.json().id).toBe(p1.json().id);
    expect(await count(sql`SELECT count(*)::int AS n FROM person WHERE full_name = 'Lê Thị Lặp Lại'`)).toBe(1);
    expect([c1.statusCode, c2.statusCode, c2.json().id]).toEqual([201, 201, c1.json().id]);
    expect(await count(sql`SELECT count(*)::int AS n FROM rehab_case WHERE title = 'Hồ sơ lặp'`)).toBe(1);
    expect([a1.statusCode, a2.statusCode, a2.json().id]).toEqual([201, 201, a1.json().id]);
    expect([a3.statusCode, a3.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('should replay a retried cancel instead of answering INSTANCE_NOT_ACTIVE', async () => {
    // given
    const admin = await r.login('admin');
    const { instanceId } = await startWithTask(r.app, await r.login('ca.xa1'), 'idem');
    const cancel = () => r.app.inject({ method: 'POST', url: `/api/instances/${instanceId}/cancel`, headers: { ...admin.headers, 'idempotency-key': 'cancel-key-1' } });
    // when
    const first = await cancel();
    const retry = await cancel();
    // then
    expect([first.statusCode, retry.statusCode, retry.headers['idempotent-replayed']]).toEqual([200, 200, 'true']);
  });

  it('should keep keys per user', async () => {
    const a = await r.login('ca.xa1');
    const b = await r.login('ca.xa1.truong');
    const first = await start('shared-key-0003', a.headers);
    const second = await start('shared-key-0003', b.headers);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().instanceId).not.toBe(first.json().instanceId);
  });

  it('should document the header and the 422 in the OpenAPI of each idempotent route', async () => {
    // when
    const spec = (await r.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; responses: Record<string, unknown> }>> };
    // then
    const documented = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.entries(ops).filter(([, op]) => op.parameters?.some((x) => x.in === 'header' && x.name === 'idempotency-key')).map(([m, op]) => { expect(op.responses['422']).toBeDefined(); return `${m.toUpperCase()} ${p}`; }));
    for (const route of ['POST /api/instances', 'POST /api/tasks/{id}/complete', 'POST /api/tasks/{id}/claim', 'POST /api/tasks/{id}/unclaim', 'POST /api/persons', 'POST /api/cases', 'POST /api/attachments', 'POST /api/instances/{id}/cancel', 'POST /api/instances/{id}/modify', 'POST /api/instances/{id}/migrate']) {
      expect(documented).toContain(route);
    }
  });

  it('should purge results older than the TTL and keep newer ones', async () => {
    // given
    await sql`UPDATE idempotency_key SET created_at = created_at - interval '3 days' WHERE key = 'start-key-0001'`.execute(t.db);
    // when
    const purged = await purgeIdempotencyKeys(t.db, new Date(r.clock.now().getTime() - 48 * 3_600_000));
    // then
    expect(purged).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'start-key-0001'`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM idempotency_key`)).toBeGreaterThan(0);
  });
});
