import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity, testSeed } from './fixtures/identity.fixture';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; format?: string; anyOf?: Schema[]; additionalProperties?: unknown; pattern?: string };
interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const samples: Record<string, unknown[]> = {
  uuid: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000005', 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
  date: ['2026-01-01', '2026-02-30', '1900-13-01'],
  email: ['a@b.vn', 'not-an-email'],
};

/** Values shaped by the route's schema, with wrong types, unknown fields and junk mixed in. */
function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return fc.jsonValue({ maxDepth: 2 });
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => fromSchema(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null), fc.string({ maxLength: 5 }));
  let shaped: fc.Arbitrary<unknown>;
  if (schema.enum) shaped = fc.constantFrom(...schema.enum);
  else if (type === 'object') {
    const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
    shaped = fc.tuple(fc.record(props, { requiredKeys: [] }), fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }))).map(([o, extra]) => ({ ...o, ...(extra ?? {}) }));
  } else if (type === 'array') shaped = fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 });
  else if (type === 'string') shaped = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...(samples[schema.format ?? ''] ?? ['99130', 'ca.xa1', 'police:99130', 'x'.repeat(300), '../../etc/passwd', "' OR 1=1 --", '%_\\'])));
  else if (type === 'integer' || type === 'number') shaped = fc.oneof(fc.integer(), fc.double(), fc.constant(1e308));
  else if (type === 'boolean') shaped = fc.boolean();
  else shaped = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: junk });
}

const paramValue = fc.oneof(fc.constantFrom(...samples.uuid, '99', '99130', '98130', '2026-01-01', 'x.eml', 'abc', '%', '..', 'ca.xa1', '0'.repeat(500)), fc.string({ maxLength: 20 }), fc.uuid());

describe('fuzz: every route’s schema', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let operations: Operation[] = [];

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    app = await buildTestApp(t.db, { env: { LOGIN_RATE_LIMIT: '100000', PUBLIC_RATE_LIMIT: '100000' } });
    await app.ready();
    const spec = app.swagger() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
    operations = Object.entries(spec.paths).flatMap(([p, methods]) =>
      Object.entries(methods).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([m, op]) => ({ ...op, method: m.toUpperCase(), path: p })),
    ).filter((op) => op.path.startsWith('/api/'));
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should have found the API routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('should never answer 5xx, and answer every 4xx with a code and a bilingual message', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const op of operations) {
      for (const who of ['admin', 'ca.xa1', null] as const) {
        let session: LoggedIn | undefined = who ? await loginAs(app, who) : undefined;
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const multipart = Boolean(op.requestBody?.content?.['multipart/form-data']);
        const arb = fc.record({
          params: fc.tuple(...pathParams.map(() => paramValue)),
          query: fc.record(Object.fromEntries(queryParams.map((q) => [q.name, fc.oneof(fromSchema(q.schema).map(String), fc.string({ maxLength: 10 }))])), { requiredKeys: [] }),
          body: bodySchema ? fc.oneof({ weight: 5, arbitrary: fromSchema(bodySchema) }, { weight: 1, arbitrary: fc.jsonValue() }) : fc.option(fc.jsonValue({ maxDepth: 1 })),
        });
        await fc.assert(
          fc.asyncProperty(arb, async ({ params, query, body }) => {
            let url = op.path;
            pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(String(params[i] || 'x')))));
            const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
            const hasBody = !['GET', 'DELETE'].includes(op.method) && !multipart && body !== undefined && body !== null;
            const response = await app.inject({
              method: op.method as 'GET',
              url: qs ? `${url}?${qs}` : url,
              headers: { ...(session?.headers ?? {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
              ...(hasBody ? { payload: JSON.stringify(body) } : {}),
            });
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            if (response.statusCode === 401 && who) session = await loginAs(app, who);
            if (response.statusCode >= 500) failures.push(`${op.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
            if (response.statusCode >= 400) {
              const error = response.json().error;
              expect(error.code).toEqual(expect.any(String));
              expect(error.message.vi).toEqual(expect.any(String));
              expect(error.message.en).toEqual(expect.any(String));
            }
          }),
          { numRuns: 12, seed: 20260302 },
        );
      }
    }
    expect(failures).toEqual([]);
    // The generator reaches handlers (2xx), validation (400), authorization (403) and lookups (404).
    for (const status of [200, 400, 401, 403, 404]) expect([status, (statuses.get(status) ?? 0) > 0]).toEqual([status, true]);
    console.info('fuzz status histogram', Object.fromEntries([...statuses.entries()].sort((a, b) => a[0] - b[0])));
  }, 600_000);

  it('should refuse oversized bodies with 413 on every JSON route', async () => {
    const admin = await loginAs(app, 'admin');
    const big = JSON.stringify({ data: 'x'.repeat(3 * 1024 * 1024) });
    for (const op of operations.filter((o) => o.requestBody?.content?.['application/json'])) {
      const url = op.path.replace(/\{[^}]+\}/g, testSeed.persons![0].id);
      const response = await app.inject({ method: op.method as 'POST', url, headers: { ...admin.headers, 'content-type': 'application/json' }, payload: big });
      expect([op.path, response.statusCode]).toEqual([op.path, 413]);
      expect(response.json().error.code).toBe('BODY_TOO_LARGE');
    }
  });
});
