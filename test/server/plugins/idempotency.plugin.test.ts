import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildReliabilityApp, deploy, startWithTask, twoStepXml, type ReliabilityApp } from '../../reliability/support/fixture';

describe('Idempotency-Key on process start and task completion', () => {
  let t: TestDatabase<ServerDatabase>;
  let r: ReliabilityApp;
  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    r = await buildReliabilityApp(t.db);
    await deploy(r.app, await r.login('admin'), twoStepXml('idem'));
  });
  afterAll(async () => {
    await r.app.close();
    await t.destroy();
  });

  const start = async (key: string, headers: Record<string, string>) =>
    r.app.inject({ method: 'POST', url: '/api/instances', headers: { ...headers, 'idempotency-key': key }, payload: { definitionKey: 'idem', businessKey: key, variables: { communeCode: '99130' } } });

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
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM process_instance WHERE business_key = 'start-key-0001'`.execute(t.db);
    expect(n.rows[0].n).toBe(1);
  });

  it('should start one instance when two twins with the same key race', async () => {
    const s = await r.login('ca.xa1');
    const answers = await Promise.all([start('start-key-0002', s.headers), start('start-key-0002', s.headers)]);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM process_instance WHERE business_key = 'start-key-0002'`.execute(t.db);
    expect(n.rows[0].n).toBe(1);
    // the later twin either loses on the key (409) or, if the first had committed, gets the replay
    const ok = answers.filter((a) => a.statusCode === 201);
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
    expect(new Set(ok.map((a) => a.json().instanceId)).size).toBe(1);
  });

  it('should replay a retried completion as 200 instead of 409, and refuse the key on another request', async () => {
    // given
    const s = await r.login('ca.xa1');
    const { taskId } = await startWithTask(r.app, s, 'idem');
    const complete = (id: string) => r.app.inject({ method: 'POST', url: `/api/tasks/${id}/complete`, headers: { ...s.headers, 'idempotency-key': 'complete-key-1' }, payload: {} });
    // when
    const first = await complete(taskId);
    const retry = await complete(taskId);
    const other = await r.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: { ...s.headers, 'idempotency-key': 'complete-key-1' } });
    // then
    expect(first.statusCode).toBe(200);
    expect([retry.statusCode, retry.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(other.statusCode).toBe(409);
    const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM history_event WHERE task_id = ${taskId}::uuid AND type = 'task.completed'`.execute(t.db);
    expect(done.rows[0].n).toBe(1);
  });

  it('should keep keys per user', async () => {
    const a = await r.login('ca.xa1');
    const b = await r.login('ca.xa1.truong');
    const first = await start('shared-key-0003', a.headers);
    const second = await start('shared-key-0003', b.headers);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().instanceId).not.toBe(first.json().instanceId);
  });
});
