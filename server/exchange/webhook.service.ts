import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';
export const WEBHOOK_SCAN_JOB = 'webhook.scan';
export const WEBHOOK_RETRIES = 8;
const SCAN_EVERY_MS = 30_000;

/** Case events a subscription can ask for, from the engine's history of the case's root instance. */
export const CASE_EVENTS: Record<string, { historyType: string; rootOnly: boolean }> = {
  'case.started': { historyType: 'instance.started', rootOnly: true },
  'case.completed': { historyType: 'instance.completed', rootOnly: true },
  'case.task-completed': { historyType: 'task.completed', rootOnly: false },
};

/** `sha256=<hex>` over `<timestamp>.<body>` with the subscription's secret (like Stripe / GitHub). */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface Sub { id: string; events: string[]; scope: string; last_event_id: string }

/**
 * Turns new history events (id > each subscription's cursor) of cases in the subscription's subtree
 * into deliveries + `webhook.deliver` jobs, in one transaction per subscription (cursor moves with them).
 */
export async function scanWebhookEvents(app: FastifyInstance, max = 1000): Promise<number> {
  const { db, clock } = app.deps;
  const subs = await sql<Sub>`SELECT id, events, scope, last_event_id::text FROM webhook_subscription WHERE active`.execute(db);
  let queued = 0;
  for (const s of subs.rows) {
    await db.transaction().execute(async (tx) => {
      const locked = await sql<{ last_event_id: string }>`SELECT last_event_id::text FROM webhook_subscription WHERE id = ${s.id} FOR UPDATE SKIP LOCKED`.execute(tx);
      if (!locked.rows[0]) return;
      const wanted = s.events.filter((e) => CASE_EVENTS[e]);
      const like = s.scope.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
      const events = await sql<{ id: string; type: string; at: Date; element_id: string | null; instance_id: string; root_instance_id: string; scope: string; case_id: string; case_code: string; procedure_key: string; person_id: string }>`
        SELECT h.id::text, h.type, h.at, h.element_id, h.instance_id, h.root_instance_id, i.scope, c.id AS case_id, c.code AS case_code, c.procedure_key, c.person_id
        FROM history_event h JOIN process_instance i ON i.id = h.instance_id JOIN rehab_case c ON c.instance_id = h.root_instance_id::text
        WHERE h.id > ${locked.rows[0].last_event_id}::bigint AND h.type = ANY(${wanted.map((e) => CASE_EVENTS[e].historyType)}::text[]) AND i.scope LIKE ${like}
        ORDER BY h.id LIMIT ${max}`.execute(tx);
      let cursor = locked.rows[0].last_event_id;
      const top = await sql<{ id: string | null }>`SELECT max(id)::text AS id FROM history_event`.execute(tx);
      for (const e of events.rows) {
        const name = wanted.find((w) => CASE_EVENTS[w].historyType === e.type && (!CASE_EVENTS[w].rootOnly || e.instance_id === e.root_instance_id));
        cursor = e.id;
        if (!name) continue;
        const id = randomUUID();
        const payload = { id, event: name, occurredAt: e.at, case: { id: e.case_id, code: e.case_code, procedureKey: e.procedure_key, personId: e.person_id, scope: e.scope }, elementId: e.element_id, instanceId: e.instance_id };
        await sql`INSERT INTO webhook_delivery (id, subscription_id, event, payload, state, created_at) VALUES (${id}, ${s.id}, ${name}, ${JSON.stringify(payload)}::jsonb, 'pending', ${clock.now()})`.execute(tx);
        await app.engine.enqueueJob(tx, { type: WEBHOOK_DELIVER_JOB, payload: { deliveryId: id }, retries: WEBHOOK_RETRIES });
        queued++;
      }
      // Nothing more to read below `top` when the page was not full: skip ahead past unrelated events.
      if (events.rows.length < max && top.rows[0].id) cursor = top.rows[0].id;
      await sql`UPDATE webhook_subscription SET last_event_id = ${cursor}::bigint WHERE id = ${s.id}`.execute(tx);
    });
  }
  return queued;
}

/** Keeps one scan job queued (re-armed by the scan itself). */
export async function ensureWebhookScan(app: FastifyInstance, tx: unknown, dueAt?: Date): Promise<void> {
  const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE type = ${WEBHOOK_SCAN_JOB} AND state = 'ready'`.execute(tx as typeof app.deps.db);
  if (!pending.rows[0].n) await app.engine.enqueueJob(tx, { type: WEBHOOK_SCAN_JOB, dueAt, retries: 1_000_000 });
}

export function registerWebhookWorkers(app: FastifyInstance, fetcher: typeof fetch = fetch): void {
  const { db, clock } = app.deps;
  app.engine.registerWorker(WEBHOOK_SCAN_JOB, async () => {
    await scanWebhookEvents(app);
    await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(72620011)`.execute(tx);
      await ensureWebhookScan(app, tx, new Date(clock.now().getTime() + SCAN_EVERY_MS));
    });
  });

  // Failing endpoints throw: the engine retries with backoff, then raises an incident (retryable in /admin).
  app.engine.registerWorker(WEBHOOK_DELIVER_JOB, async (job) => {
    const id = String(job.payload.deliveryId);
    const row = await sql<{ url: string; secret: string; event: string; payload: unknown; state: string }>`
      SELECT s.url, s.secret, d.event, d.payload, d.state FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id WHERE d.id = ${id}`.execute(db);
    const d = row.rows[0];
    if (!d || d.state === 'delivered') return;
    const body = JSON.stringify(d.payload);
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    let status = 0;
    try {
      const response = await fetcher(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-quytrinh-event': d.event, 'x-quytrinh-delivery': id, 'x-quytrinh-timestamp': timestamp, 'x-quytrinh-signature': signPayload(d.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
    } finally {
      const ok = status >= 200 && status < 300;
      await sql`UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ${status || null}, state = ${ok ? 'delivered' : job.retries <= 1 ? 'failed' : 'pending'},
        delivered_at = ${ok ? clock.now() : null} WHERE id = ${id}`.execute(db);
    }
    if (status < 200 || status >= 300) throw new Error(`webhook ${d.url} answered ${status}`);
  });
}
