import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';
import { errorBody, errorTable, isKnownCode, type ErrorCode } from '../errors';

/** Fastify's own error codes that are the caller's fault. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
  FST_REQ_FILE_TOO_LARGE: 'ATTACHMENT_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** node-postgres / PostgreSQL conditions meaning "the database is not reachable right now". */
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export function classifyError(error: FastifyError & { details?: unknown }): { code: ErrorCode; details?: unknown } {
  if (error.validation) {
    return {
      code: 'VALIDATION_FAILED',
      details: error.validation.map((v) => ({
        path: v.instancePath || '/',
        keyword: v.keyword,
        params: v.params,
        message: v.message,
        in: error.validationContext,
      })),
    };
  }
  if (isKnownCode(error.code)) {
    // Forms' validation errors carry field-level `issues` (vi + en) instead of `details`.
    const issues = (error as { issues?: unknown }).issues;
    return { code: error.code, details: error.details ?? (issues ? { issues } : undefined) };
  }
  if (error.code && fastifyCodes[error.code]) return { code: fastifyCodes[error.code] };
  const pgCode = postgresCode(error);
  if (pgCode) return { code: pgCode };
  if (error.statusCode === 429) return { code: 'RATE_LIMITED' };
  if ((error.code && unavailableCodes.has(error.code)) || /Connection terminated|timeout exceeded when trying to connect|Client was closed and is not queryable|Client has encountered a connection error/i.test(error.message)) {
    return { code: 'DATABASE_UNAVAILABLE' };
  }
  if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
    return { code: 'BAD_REQUEST' };
  }
  return { code: 'INTERNAL' };
}

/** PostgreSQL conditions caused by the request's data (SQLSTATE classes 22 and 23, serialisation). */
function postgresCode(error: { code?: string; severity?: unknown }): ErrorCode | undefined {
  const code = error.code;
  if (!code || typeof (error as { severity?: unknown }).severity !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === '23505') return 'DUPLICATE';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'CONFLICT';
  if (code.startsWith('22') || code.startsWith('23')) return 'BAD_REQUEST';
  return undefined;
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError & { details?: unknown }, request, reply) => {
    const { code, details } = classifyError(error);
    const body = errorBody(code, details);
    const status = statusOf(code);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, err: error.message }, 'request refused');
    if (code === 'DATABASE_UNAVAILABLE') void reply.header('retry-after', '5');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('ROUTE_NOT_FOUND')));
});

function statusOf(code: ErrorCode): number {
  return errorTable[code].status;
}
