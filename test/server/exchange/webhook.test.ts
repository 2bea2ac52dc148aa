import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { signPayload } from '../../../server/exchange/webhook.service';
import { buildTestApp, loginAs, type LoggedIn } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedTestIdentity } from '../fixtures/identity.fixture';

interface Received { headers: Record<string, string | string[] | undefined>; body: string }

describe('webhooks on case events', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let admin: LoggedIn;
  let server: Server;
  let url = '';
  const received: Received[] = [];
  let failNext = 1;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db, { clock });
    await app.ready();
    admin = await loginAs(app, 'admin.tinh');
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failNext-- > 0 ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server?.close();
    await app?.close();
    await t?.destroy();
  });

  /** A case of a person in `scope` whose root instance just started (history event). */
  async function startCase(scope: string, personId: string): Promise<string> {
    const defId = randomUUID();
    const instanceId = randomUUID();
    const now = clock.now();
    await sql`INSERT INTO process_definition (id, key, version, deployment_id, checksum, source_xml, deployed_at) VALUES (${defId}, ${'k' + defId.slice(0, 8)}, 1, ${randomUUID()}, 'x', '<x/>', ${now})`.execute(t.db);
    await sql`INSERT INTO process_instance (id, root_instance_id, definition_id, definition_key, scope, state, started_at) VALUES (${instanceId}, ${instanceId}, ${defId}, 'illegal-user-management', ${scope}, 'active', ${now})`.execute(t.db);
    const c = await t.db.insertInto('rehab_case').values({ code: `HS-WH-${instanceId.slice(0, 6)}`, person_id: personId, procedure_key: 'illegal-user-management', title: 'x', scope, instance_id: instanceId, data: '{}', medical: null, created_by: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO history_event (instance_id, root_instance_id, definition_id, type, at) VALUES (${instanceId}, ${instanceId}, ${defId}, 'instance.started', ${now})`.execute(t.db);
    return c.id;
  }

  it('should POST signed case events of the subscribed jurisdiction only, retrying a failing endpoint through the job table', async () => {
    // given a subscription of province 99 to case.started
    const sub = await app.inject({ method: 'POST', url: '/api/webhooks', headers: admin.headers, payload: { url, events: ['case.started'], jurisdictionCode: '99' } });
    expect(sub.statusCode).toBe(201);
    const { id, secret } = sub.json() as { id: string; secret: string };
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const refused = await app.inject({ method: 'POST', url: '/api/webhooks', headers: (await loginAs(app, 'ca.xa1')).headers, payload: { url, events: ['case.started'], jurisdictionCode: '99' } });
    expect(refused.statusCode).toBe(403);

    // when a case starts in 99130 and another in province 98
    const caseId = await startCase('/99/99130/', '00000000-0000-4000-8000-000000000001');
    await startCase('/98/98130/', '00000000-0000-4000-8000-000000000005');
    const executor = app.engine.createJobExecutor();
    await executor.drain();

    // then one delivery was attempted and failed (500) …
    expect(received).toHaveLength(1);
    let deliveries = (await app.inject({ method: 'GET', url: `/api/webhooks/${id}/deliveries`, headers: admin.headers })).json() as { items: { state: string; attempts: number; lastStatus: number }[] };
    expect(deliveries.items).toEqual([expect.objectContaining({ state: 'pending', attempts: 1, lastStatus: 500 })]);

    // … and retried after the backoff, then delivered
    clock.advance(60_000);
    await executor.drain();
    expect(received).toHaveLength(2);
    deliveries = (await app.inject({ method: 'GET', url: `/api/webhooks/${id}/deliveries`, headers: admin.headers })).json() as typeof deliveries;
    expect(deliveries.items).toEqual([expect.objectContaining({ state: 'delivered', attempts: 2, lastStatus: 204 })]);

    // and the body is signed with the subscription's secret
    const last = received[1];
    const body = JSON.parse(last.body) as { event: string; case: { id: string; scope: string } };
    expect(body).toMatchObject({ event: 'case.started', case: { id: caseId, scope: '/99/99130/' } });
    expect(last.headers['x-quytrinh-signature']).toBe(signPayload(secret, String(last.headers['x-quytrinh-timestamp']), last.body));
    expect(last.headers['x-quytrinh-delivery']).toBe(received[0].headers['x-quytrinh-delivery']);
  });
});
