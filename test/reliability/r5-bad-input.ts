import fc from 'fast-check';
import type { LoggedIn } from '../support/app';
import { testSeed } from '../server/fixtures/identity.fixture';
import { bpmnPayload, hostileString, invalidUtf8Body, rawJsonBody } from './r5-payloads';
import { deploy, startWithTask, twoStepXml, type ReliabilityApp } from './support/fixture';
import type { Figure } from './support/report';

interface Operation { method: string; path: string; json: boolean }
type Input =
  | { kind: 'bpmn'; validate: boolean; xml: string }
  | { kind: 'raw-json'; op: number; body: string; as: number }
  | { kind: 'invalid-utf8'; patch: boolean; body: Buffer }
  | { kind: 'person'; name: string; address: string }
  | { kind: 'query'; op: number; value: string }
  | { kind: 'upload'; fileName: string; type: string; bytes: Uint8Array; mangle: 'none' | 'boundary' | 'truncated' | 'unterminated' }
  | { kind: 'complete'; data: string };

function multipart(fileName: string, type: string, bytes: Buffer): { payload: Buffer; contentType: string } {
  const boundary = '----qtrel' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${type.replace(/[\r\n]/g, '')}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Percent-encodes a string with lone surrogates made well-formed (the client cannot encode them). */
const enc = (value: string): string => encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

export interface BadInputResult { figure: Figure; storedPersonIds: string[] }

/**
 * R5 (API part): generated hostile inputs across every JSON route, BPMN deploy/validate (XXE, entity
 * expansion, broken references), uploads, query strings, person names and task data. Promise: no 5xx,
 * no crash (the app still answers /health), no prototype pollution of the server process.
 */
export async function runBadInput(r: ReliabilityApp, options: { inputs: number; seed?: number }): Promise<BadInputResult> {
  const { app } = r;
  const admin = await r.login('admin');
  const staff = await r.login('ca.xa1');
  const sessions: LoggedIn[] = [admin, staff];
  await deploy(app, admin, twoStepXml('rel_input'));
  const spec = app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
  const ops: Operation[] = Object.entries(spec.paths).flatMap(([p, methods]) => Object.entries(methods)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([m, op]) => ({ method: m.toUpperCase(), path: p, json: Boolean(op.requestBody?.content?.['application/json']) })))
    .filter((o) => o.path.startsWith('/api/'));
  const jsonOps = ops.filter((o) => o.json);
  const getOps = ops.filter((o) => o.method === 'GET');
  const person = testSeed.persons![0].id;
  const fill = (path: string, value = person) => path.replace(/\{[^}]+\}/g, enc(value));
  const input: fc.Arbitrary<Input> = fc.oneof(
    fc.record({ kind: fc.constant('bpmn' as const), validate: fc.boolean(), xml: bpmnPayload }),
    fc.record({ kind: fc.constant('raw-json' as const), op: fc.nat(jsonOps.length - 1), body: rawJsonBody, as: fc.nat(1) }),
    fc.record({ kind: fc.constant('invalid-utf8' as const), patch: fc.boolean(), body: invalidUtf8Body }),
    fc.record({ kind: fc.constant('person' as const), name: hostileString, address: hostileString }),
    fc.record({ kind: fc.constant('query' as const), op: fc.nat(getOps.length - 1), value: hostileString }),
    fc.record({ kind: fc.constant('upload' as const), fileName: hostileString, type: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'x/y'), bytes: fc.uint8Array({ maxLength: 2048 }), mangle: fc.constantFrom('none' as const, 'none' as const, 'boundary' as const, 'truncated' as const, 'unterminated' as const) }),
    fc.record({ kind: fc.constant('complete' as const), data: rawJsonBody }),
  );
  const samples = fc.sample(input, { numRuns: options.inputs, seed: options.seed ?? 20260302 });
  const counters: Record<string, number> = { inputs: 0, responses5xx: 0, crashes: 0, prototypePolluted: 0, storedHostileNames: 0 };
  const statuses: Record<string, number> = {};
  const violations: string[] = [];
  const storedPersonIds: string[] = [];
  let { taskId } = await startWithTask(app, staff, 'rel_input');

  const send = async (s: Input) => {
    switch (s.kind) {
      case 'bpmn':
        return app.inject({ method: 'POST', url: s.validate ? '/api/definitions/validate' : '/api/definitions', headers: admin.headers, payload: { xml: s.xml } });
      case 'raw-json': {
        const op = jsonOps[s.op];
        return app.inject({ method: op.method as 'POST', url: fill(op.path), headers: { ...sessions[s.as].headers, 'content-type': 'application/json' }, payload: s.body });
      }
      case 'invalid-utf8':
        return app.inject({ method: s.patch ? 'PATCH' : 'POST', url: s.patch ? `/api/persons/${person}` : '/api/persons', headers: { ...staff.headers, 'content-type': 'application/json' }, payload: s.body });
      case 'person': {
        const created = await app.inject({ method: 'POST', url: '/api/persons', headers: staff.headers, payload: { fullName: s.name.slice(0, 200) || 'x', communeCode: '99130', permanentAddress: s.address.slice(0, 500) } });
        if (created.statusCode === 201) {
          counters.storedHostileNames += 1;
          const id = (created.json() as { id: string }).id;
          if (storedPersonIds.length < 50) storedPersonIds.push(id);
          await app.inject({ method: 'GET', url: `/api/persons?q=${enc(s.name.slice(0, 50))}`, headers: staff.headers });
        }
        return created;
      }
      case 'query': {
        const op = getOps[s.op];
        return app.inject({ method: 'GET', url: `${fill(op.path, s.value.slice(0, 100) || 'x')}?q=${enc(s.value)}&limit=${enc(s.value.slice(0, 5))}&raw=%C3%28%FF%ED%A0%80`, headers: sessions[s.op % 2].headers });
      }
      case 'upload': {
        const body = multipart(s.fileName, s.type, Buffer.from(s.bytes));
        // malformed multipart: another boundary declared, the body cut in half, no closing boundary
        const payload = s.mangle === 'truncated' ? body.payload.subarray(0, Math.floor(body.payload.length / 2)) : s.mangle === 'unterminated' ? body.payload.subarray(0, body.payload.length - 10) : body.payload;
        const contentType = s.mangle === 'boundary' ? 'multipart/form-data; boundary=----other' : body.contentType;
        return app.inject({ method: 'POST', url: `/api/attachments?personId=${person}`, headers: { ...staff.headers, 'content-type': contentType }, payload });
      }
      case 'complete': {
        const response = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: { ...staff.headers, 'content-type': 'application/json' }, payload: s.data });
        if (response.statusCode === 200) taskId = (await startWithTask(app, staff, 'rel_input')).taskId;
        return response;
      }
    }
  };

  for (let i = 0; i < samples.length; i += 6) {
    const batch = samples.slice(i, i + 6);
    const results = await Promise.allSettled(batch.map(send));
    results.forEach((result, k) => {
      counters.inputs += 1;
      const s = batch[k];
      if (result.status === 'rejected') {
        counters.crashes += 1;
        violations.push(`${s.kind}: inject threw ${String(result.reason).slice(0, 200)}`);
        return;
      }
      const key = `${s.kind} ${result.value.statusCode}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (result.value.statusCode >= 500) {
        counters.responses5xx += 1;
        violations.push(`${s.kind} → ${result.value.statusCode} ${result.value.body.slice(0, 200)} input ${JSON.stringify(s).slice(0, 300)}`);
      }
    });
    if (({} as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).polluted !== undefined) {
      counters.prototypePolluted += 1;
      violations.push('Object.prototype.polluted is set in the server process');
    }
  }
  const health = await app.inject({ method: 'GET', url: '/health' });
  if (health.statusCode !== 200) {
    counters.crashes += 1;
    violations.push(`/health answers ${health.statusCode} after the run`);
  }
  return {
    figure: {
      name: 'R5 bad input (API)',
      scale: `${counters.inputs} generated inputs over ${jsonOps.length} JSON routes, ${getOps.length} GET routes, deploy/validate, uploads (in-process HTTP)`,
      counters: { ...counters, ...Object.fromEntries(Object.entries(statuses).sort()) },
      violations,
    },
    storedPersonIds,
  };
}
