import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { callerOf, ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { jurisdictionByCode } from '../indicators/indicator.repository';
import { code, errorResponses, strictObject, uuid } from '../routes/schemas';
import { CASE_EVENTS, ensureWebhookScan, registerWebhookWorkers } from './webhook.service';

const tags = ['exchange'];

/** Webhook subscriptions (HMAC-signed POSTs of case events, retried through the engine's job table). */
export async function webhookRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  registerWebhookWorkers(app);

  app.post<{ Body: { url: string; events: string[]; jurisdictionCode: string } }>(
    '/api/webhooks',
    {
      schema: {
        tags, summary: 'Subscribe a URL to case events of a jurisdiction; the answer carries the signing secret (shown once)',
        body: strictObject({
          url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 500 },
          events: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: Object.keys(CASE_EVENTS) } },
          jurisdictionCode: code,
        }, ['url', 'events', 'jurisdictionCode']),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const j = await jurisdictionByCode(db, request.body.jurisdictionCode);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'update', 'Jurisdiction', { row: { scope: j.path } });
      const secret = randomBytes(32).toString('hex');
      const row = await db.transaction().execute(async (tx) => {
        const top = await sql<{ id: string | null }>`SELECT max(id)::text AS id FROM history_event`.execute(tx);
        const created = await sql<{ id: string }>`INSERT INTO webhook_subscription (url, secret, events, scope, last_event_id, created_by, created_at)
          VALUES (${request.body.url}, ${secret}, ${request.body.events}::text[], ${j.path}, ${top.rows[0].id ?? '0'}::bigint, ${principal.userId}, ${clock.now()}) RETURNING id`.execute(tx);
        await ensureWebhookScan(app, tx);
        return created.rows[0];
      });
      return reply.status(201).send({ id: row.id, url: request.body.url, events: request.body.events, scope: j.path, secret });
    },
  );

  app.get('/api/webhooks', { schema: { tags, summary: 'Webhook subscriptions in the caller’s administered subtree', response: errorResponses } }, async (request) => {
    const { principal } = await ensureCan(request, 'update', 'Jurisdiction', { row: { scope: callerOf(request).principal.homePath } });
    const like = principal.homePath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const rows = await sql`SELECT id, url, events, scope, active, created_at AS "createdAt" FROM webhook_subscription WHERE scope LIKE ${like} ORDER BY created_at`.execute(db);
    return { items: rows.rows };
  });

  const owned = async (request: Parameters<typeof ensureCan>[0], id: string) => {
    const row = await sql<{ id: string; scope: string }>`SELECT id, scope FROM webhook_subscription WHERE id = ${id}`.execute(db);
    if (!row.rows[0]) throw new AppError('WEBHOOK_NOT_FOUND');
    await ensureCan(request, 'update', 'Jurisdiction', { row: { scope: row.rows[0].scope } });
    return row.rows[0];
  };

  app.get<{ Params: { id: string } }>(
    '/api/webhooks/:id/deliveries',
    { schema: { tags, summary: 'Recent deliveries of a subscription (state, attempts, last HTTP status)', params: strictObject({ id: uuid }, ['id']), response: errorResponses } },
    async (request) => {
      await owned(request, request.params.id);
      const rows = await sql`SELECT id, event, state, attempts, last_status AS "lastStatus", payload, created_at AS "createdAt", delivered_at AS "deliveredAt"
        FROM webhook_delivery WHERE subscription_id = ${request.params.id} ORDER BY created_at DESC LIMIT 200`.execute(db);
      return { items: rows.rows };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/webhooks/:id',
    { schema: { tags, summary: 'Remove a subscription', params: strictObject({ id: uuid }, ['id']), response: errorResponses } },
    async (request, reply) => {
      await owned(request, request.params.id);
      await db.transaction().execute((tx) => sql`DELETE FROM webhook_subscription WHERE id = ${request.params.id}`.execute(tx));
      return reply.status(204).send();
    },
  );
}
