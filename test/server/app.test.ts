import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDatabase } from '../../server/db/database';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('app', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    app = await buildTestApp(t.db);
    app.get('/api/test/boom', { config: { public: true } }, async () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    app.post('/api/test/echo', { config: { public: true, csrf: false }, schema: { body: { type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength: 5 } } } } }, async (request) => request.body);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should answer /health with 200 when the database answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('should answer /health with 503 and a code when the database is unreachable', async () => {
    // given
    const deadDb = createDatabase<ServerDatabase>({ url: 'postgres://postgres@127.0.0.1:1/none' });
    const deadApp = await buildTestApp(deadDb);

    // when
    const response = await deadApp.inject({ method: 'GET', url: '/health' });

    // then
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('DATABASE_UNAVAILABLE');
    await deadApp.close();
    await deadDb.destroy();
  });

  it('should answer an unknown API route without a session with 401, revealing nothing', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('should give unknown routes a bilingual 404 with a code', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope' });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: { vi: 'Không có địa chỉ này.', en: 'No such route.' } },
    });
  });

  it('should never leak internals in a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/boom' });

    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(response.body).not.toContain('hunter2');
  });

  it('should refuse malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"name":' });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_REQUEST');
  });

  it('should refuse unknown properties and wrong sizes with 400 VALIDATION_FAILED and field paths', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'a', isAdmin: true } });
    const tooLong = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'abcdefgh' } });

    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(tooLong.json().error.details[0]).toMatchObject({ path: '/name', keyword: 'maxLength' });
  });

  it('should refuse an oversized body with 413 BODY_TOO_LARGE', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'x'.repeat(2 * 1024 * 1024) } });

    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('should refuse an unsupported content type with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/x-foo' }, payload: 'x' });

    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('should publish the OpenAPI document at /docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });

    expect(response.statusCode).toBe(200);
    expect(response.json().paths['/health']).toBeDefined();
  });
});
