import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type QueryExecutorProvider } from 'kysely';
import { canonicalJson } from '../audit/canonical-json';
import { AppError } from '../errors';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's Idempotency-Key of this command (validated, not seen before), or null. */
    idempotencyKey: string | null;
    /** sha256 of method, path and canonical body: the same key with another request is refused (422). */
    idempotencyRequestHash: string | null;
    idempotencyStored: boolean;
  }
  interface FastifyContextConfig {
    /** The route stores its result under the caller's Idempotency-Key (rememberResult in its transaction). */
    idempotent?: boolean;
  }
}

/** Route option: `{ config: idempotent, schema: … }`. */
export const idempotent = { idempotent: true } as const;

const headerSchema = {
  type: 'string',
  pattern: KEY_PATTERN.source,
  description:
    'Optional. A client-chosen key (8–200 printable ASCII characters, e.g. a UUID) that makes a retry of this command safe: ' +
    'a repeat with the same key and the same body gets the first answer again (header `idempotent-replayed: true`) and the ' +
    'command runs once; the same key with another body or route → 422 IDEMPOTENCY_KEY_REUSED; while the first is still ' +
    'running → 409 IDEMPOTENCY_KEY_IN_USE. Keys are per user and kept IDEMPOTENCY_TTL_HOURS (default 48 h).',
};

/** sha256 over method, path (with query) and the canonical JSON body — or a digest of an upload's bytes. */
export function requestHash(request: FastifyRequest, body: unknown): string {
  return createHash('sha256').update(request.method).update('\n').update(request.url).update('\n').update(canonicalJson(body ?? null)).digest('hex');
}

/**
 * `Idempotency-Key` on the state-changing commands flagged `config: idempotent`: the first request's
 * result is stored in the command's own transaction (`rememberResult`), so a retry after a crash or a lost
 * response gets the same answer and the command never runs twice. The flag also documents the header
 * (and the 422) in the route's OpenAPI. Keys are per user; purged after `idempotencyTtlHours`.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('idempotencyKey', null);
  app.decorateRequest('idempotencyRequestHash', null);
  app.decorateRequest('idempotencyStored', false);

  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const schema = (route.schema ??= {}) as { headers?: { type?: string; properties?: Record<string, unknown> }; response?: Record<string, unknown> };
    schema.headers = { ...schema.headers, type: 'object', properties: { ...schema.headers?.properties, [HEADER]: headerSchema } };
    if (schema.response && !schema.response[422]) schema.response = { ...schema.response, 422: { $ref: 'errorBody#' } };
  });

  app.addHook('preHandler', async (request, reply) => {
    const raw = request.headers[HEADER];
    if (!request.routeOptions.config?.idempotent || typeof raw !== 'string' || !request.principal) return;
    if (!KEY_PATTERN.test(raw)) throw new AppError('VALIDATION_FAILED', [{ path: `/headers/${HEADER}`, keyword: 'pattern' }]);
    request.idempotencyKey = raw;
    // An upload's bytes are read by the handler, which calls replayIfSeen itself with their digest.
    if (request.isMultipart?.()) return;
    await replayIfSeen(app.deps.db, request, reply, requestHash(request, request.body));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.idempotencyKey && !request.idempotencyStored && reply.statusCode < 300 && !reply.getHeader('idempotent-replayed')) {
      request.log.error({ url: request.url }, 'idempotent route answered without rememberResult: the key was not stored');
    }
    return payload;
  });
});

/**
 * Sends the stored answer when this user's key was seen (true), refuses a key reused for another request
 * (422); otherwise remembers the request's hash for rememberResult and returns false.
 */
export async function replayIfSeen(db: QueryExecutorProvider, request: FastifyRequest, reply: FastifyReply, hash: string): Promise<boolean> {
  if (!request.idempotencyKey || !request.principal) return false;
  request.idempotencyRequestHash = hash;
  const { rows } = await sql<{ method: string; path: string; status: number; body: unknown; request_hash: string | null }>`
    SELECT method, path, status, body, request_hash FROM idempotency_key WHERE user_id = ${request.principal.userId}::uuid AND key = ${request.idempotencyKey}`.execute(db);
  const stored = rows[0];
  if (!stored) return false;
  const sameRequest = stored.method === request.method && stored.path === request.url && (stored.request_hash === null || stored.request_hash === hash);
  if (!sameRequest) throw new AppError('IDEMPOTENCY_KEY_REUSED', { reason: 'Idempotency-Key already used for another request' });
  await reply.header('idempotent-replayed', 'true').status(stored.status).send(stored.body);
  return true;
}

/** Stores the command's result under the request's Idempotency-Key, inside the command's transaction. */
export async function rememberResult(tx: QueryExecutorProvider, request: FastifyRequest, status: number, body: unknown): Promise<void> {
  if (!request.idempotencyKey || !request.principal) return;
  try {
    // No ON CONFLICT: a concurrent twin with the same key fails here and its whole command rolls back.
    await sql`INSERT INTO idempotency_key (user_id, key, method, path, status, body, request_hash, created_at)
      VALUES (${request.principal.userId}::uuid, ${request.idempotencyKey}, ${request.method}, ${request.url}, ${status}, ${JSON.stringify(body ?? null)}::jsonb,
        ${request.idempotencyRequestHash}, ${request.server.deps.clock.now()})`.execute(tx);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('IDEMPOTENCY_KEY_IN_USE');
    throw error;
  }
  request.idempotencyStored = true;
}

/** Deletes stored results older than the TTL; returns how many. Safe to run in every process at once. */
export async function purgeIdempotencyKeys(db: QueryExecutorProvider, olderThan: Date): Promise<number> {
  const result = await sql`DELETE FROM idempotency_key WHERE created_at < ${olderThan}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The purge job of `npm start`: hourly (and once at start), unref'd so it never keeps the process alive. */
export function startIdempotencyPurge(app: FastifyInstance): { stop(): void } {
  const { db, clock, config } = app.deps;
  const run = () =>
    void purgeIdempotencyKeys(db, new Date(clock.now().getTime() - config.idempotencyTtlHours * 3_600_000)).catch((error: unknown) =>
      app.log.warn({ err: error }, 'idempotency key purge failed; retrying next hour'),
    );
  run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
