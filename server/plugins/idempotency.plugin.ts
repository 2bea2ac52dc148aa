import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type QueryExecutorProvider } from 'kysely';
import { AppError } from '../errors';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's Idempotency-Key of this command (validated), or null. */
    idempotencyKey: string | null;
  }
}

/**
 * `Idempotency-Key` on state-changing commands (task completion, process start): the first request's
 * result is stored in the command's own transaction (`rememberResult`), so a retry after a crash or a lost
 * response gets the same answer (header `idempotent-replayed: true`) and the command never runs twice.
 * Keys are per user; reusing a key for another method/path is a 409 CONFLICT.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('idempotencyKey', null);
  app.addHook('preHandler', async (request, reply) => {
    const raw = request.headers[HEADER];
    if (request.method !== 'POST' || typeof raw !== 'string' || !request.principal) return;
    if (!KEY_PATTERN.test(raw)) throw new AppError('VALIDATION_FAILED', [{ path: `/headers/${HEADER}`, keyword: 'pattern' }]);
    const { rows } = await sql<{ method: string; path: string; status: number; body: unknown }>`
      SELECT method, path, status, body FROM idempotency_key WHERE user_id = ${request.principal.userId}::uuid AND key = ${raw}`.execute(app.deps.db);
    const stored = rows[0];
    if (stored) {
      if (stored.method !== request.method || stored.path !== request.url) throw new AppError('CONFLICT', { reason: 'Idempotency-Key already used for another request' });
      return reply.header('idempotent-replayed', 'true').status(stored.status).send(stored.body);
    }
    request.idempotencyKey = raw;
  });
});

/** Stores the command's result under the request's Idempotency-Key, inside the command's transaction. */
export async function rememberResult(tx: QueryExecutorProvider, request: FastifyRequest, status: number, body: unknown): Promise<void> {
  if (!request.idempotencyKey || !request.principal) return;
  // No ON CONFLICT: a concurrent twin with the same key fails here (23505 → 409) and its command rolls back.
  await sql`INSERT INTO idempotency_key (user_id, key, method, path, status, body)
    VALUES (${request.principal.userId}::uuid, ${request.idempotencyKey}, ${request.method}, ${request.url}, ${status}, ${JSON.stringify(body)}::jsonb)`.execute(tx);
}
