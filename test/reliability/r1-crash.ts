import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { createEngine } from '../../engine/index';
import { verifyAuditChain } from '../../server/audit/audit-verify.service';
import type { ServerDatabase } from '../../server/db/schema';
import { RACERS, seedReliabilityIdentity, twoStepXml } from './support/fixture';
import type { Figure } from './support/report';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const KEY = 'rel_crash';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The real server as `node --import tsx server/main.ts`, killed with SIGKILL and started again. */
class ServerProcess {
  child?: ChildProcess;
  constructor(private readonly env: NodeJS.ProcessEnv) {}
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    for (const deadline = Date.now() + 240_000; !output.includes('http://localhost:');) {
      if (child.exitCode !== null) throw new Error(`server exited early: ${output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`server did not start: ${output.slice(-2000)}`);
      await sleep(200);
    }
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

interface Session { cookie: string; csrf: string }

/**
 * R1: clients drive instances of a two-step procedure (start, complete step 1, complete step 2) through
 * the real server over HTTP while it is killed with SIGKILL and restarted; clients retry on connection
 * errors and 5xx, with the same `Idempotency-Key` (server/plugins/idempotency.plugin.ts), so a retry of a
 * command that committed before the kill gets the stored answer; business keys started twice are
 * counted as duplicateStarts. Promise: acknowledged completions lost 0, duplicated effects 0,
 * instances in a state no sequence of whole commands explains 0.
 */
export interface OwnedPostgres {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function runCrash(db: Kysely<ServerDatabase>, url: string, options: { instances: number; clients: number; kills: number; postgres?: OwnedPostgres; pgRestarts?: number }): Promise<Figure> {
  await seedReliabilityIdentity(db);
  await createEngine({ db }).deploy({ xml: twoStepXml(KEY) });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qt-r1-'));
  const webDir = path.join(dataDir, 'web');
  mkdirSync(webDir, { recursive: true });
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>r1</title>');
  const server = new ServerProcess({ ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST_DIR: webDir, SEED_DEMO: 'false', LOG_LEVEL: 'fatal', LOGIN_RATE_LIMIT: '1000000' });
  const base = `http://127.0.0.1:${port}`;
  const counters = { pgRestarts: 0, instancesDriven: 0, acknowledgedCompletions: 0, retries: 0, ambiguousRetries409: 0, kills: 0, acknowledgedLost: 0, duplicatedCompletions: 0, duplicateStarts: 0, unexplainedStates: 0 };
  const violations: string[] = [];
  const acked: string[] = [];
  /** A command retried until the server answers something other than a connection error or 5xx. */
  const call = async (method: string, pathName: string, session: Session | null, body?: unknown, key?: string): Promise<{ status: number; json: Record<string, unknown> }> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await fetch(base + pathName, { method, headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { 'idempotency-key': key } : {}) }, body: body ? JSON.stringify(body) : undefined });
        const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        if (response.status < 500) return { status: response.status, json: { ...json, attempt } };
      } catch { /* connection refused / reset while the server is down */ }
      counters.retries += 1;
      if (attempt > 2_000) throw new Error(`${method} ${pathName}: no answer`);
      await sleep(150);
    }
  };
  const login = async (username: string): Promise<Session> => {
    for (;;) {
      try {
        const response = await fetch(`${base}/api/session/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Test@12345' }) });
        if (response.status === 200) {
          const cookie = /qt_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
          return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
        }
      } catch { /* down */ }
      await sleep(200);
    }
  };
  let next = 0;
  const run = Date.now().toString(36);
  const client = async (n: number) => {
    const session = await login(RACERS[n % RACERS.length]);
    for (let i = next++; i < options.instances; i = next++) {
      const started = await call('POST', '/api/instances', session, { definitionKey: KEY, businessKey: `r1-${i}`, variables: { communeCode: '99130', i } }, `r1-${run}-${i}-start`);
      if (started.status !== 201) { violations.push(`start r1-${i}: ${started.status} ${JSON.stringify(started.json).slice(0, 200)}`); continue; }
      const instanceId = started.json.instanceId as string;
      for (const step of ['verify', 'report']) {
        const task = (await sql<{ id: string }>`SELECT id FROM task WHERE instance_id = ${instanceId}::uuid AND element_id = ${step} AND state = 'created'`.execute(db)).rows[0];
        if (!task) { violations.push(`r1-${i}: no open ${step}`); break; }
        const done = await call('POST', `/api/tasks/${task.id}/complete`, session, { variables: { [step]: `by client ${n}` } }, `r1-${run}-${i}-${step}`);
        if (done.status === 200) { acked.push(task.id); counters.acknowledgedCompletions += 1; }
        else if (done.status === 409 && (done.json.attempt as number) > 0) counters.ambiguousRetries409 += 1;
        else violations.push(`r1-${i} ${step}: ${done.status} ${JSON.stringify(done.json).slice(0, 200)}`);
      }
      counters.instancesDriven += 1;
    }
  };
  await server.start();
  let driving = true;
  const killer = (async () => {
    for (let k = 0; k < options.kills && (k === 0 || driving); k += 1) {
      await sleep(k === 0 ? 800 : 1_500 + Math.random() * 2_000);
      if (!driving && k > 0) break;
      await server.kill();
      counters.kills += 1;
      await server.start();
      if (options.postgres && counters.pgRestarts < (options.pgRestarts ?? 0) && driving) {
        // PostgreSQL itself goes away under the running server (which must survive it) and comes back
        await sleep(1_000);
        await options.postgres.stop();
        await sleep(3_000);
        await options.postgres.start();
        counters.pgRestarts += 1;
      }
    }
  })();
  await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  driving = false;
  await killer;
  // the audit rows of every acknowledged command, sealed by the running server's sealer across the kills
  let unsealed = -1;
  for (let wait = 0; wait < 60 && unsealed !== 0; wait += 1) {
    unsealed = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL`.execute(db)).rows[0].n;
    if (unsealed) await sleep(500);
  }
  const chain = await verifyAuditChain(db);
  Object.assign(counters, { auditRowsSealed: chain.rows, auditUnsealedAfter30s: unsealed, auditChainBroken: chain.firstBad ? 1 : 0 });
  if (unsealed) violations.push(`${unsealed} audit rows still unsealed 30 s after the run`);
  if (chain.firstBad) violations.push(`audit chain broken at ${JSON.stringify(chain.firstBad)}`);
  await server.kill();
  // then: count
  for (const taskId of acked) {
    const row = await sql<{ state: string }>`SELECT state FROM task WHERE id = ${taskId}::uuid`.execute(db);
    if (row.rows[0]?.state !== 'completed') { counters.acknowledgedLost += 1; violations.push(`acknowledged completion of task ${taskId} lost`); }
  }
  const dup = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT task_id FROM history_event WHERE type = 'task.completed' AND task_id IS NOT NULL GROUP BY task_id HAVING count(*) > 1) x`.execute(db);
  counters.duplicatedCompletions = dup.rows[0].n;
  const starts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT business_key FROM process_instance WHERE definition_key = ${KEY} GROUP BY business_key HAVING count(*) > 1) x`.execute(db);
  counters.duplicateStarts = starts.rows[0].n;
  const instances = await sql<{ id: string; state: string }>`SELECT id, state FROM process_instance WHERE definition_key = ${KEY}`.execute(db);
  const explained = [['verify'], ['report'], []];
  for (const instance of instances.rows) {
    const open = (await sql<{ element_id: string }>`SELECT element_id FROM task WHERE instance_id = ${instance.id}::uuid AND state = 'created'`.execute(db)).rows.map((r) => r.element_id);
    const completed = (await sql<{ element_id: string }>`SELECT element_id FROM history_event WHERE instance_id = ${instance.id}::uuid AND type = 'task.completed' ORDER BY id`.execute(db)).rows.map((r) => r.element_id);
    const ok = instance.state === 'completed' ? open.length === 0 && completed.join() === 'verify,report'
      : instance.state === 'active' && explained.some((e) => e.join() === open.join()) && completed.join() === (open[0] === 'verify' ? '' : 'verify');
    if (!ok) { counters.unexplainedStates += 1; violations.push(`instance ${instance.id}: state ${instance.state}, open [${open}], completed [${completed}]`); }
  }
  if (counters.acknowledgedLost) violations.push(`${counters.acknowledgedLost} acknowledged completions lost`);
  if (counters.duplicatedCompletions) violations.push(`${counters.duplicatedCompletions} tasks completed twice`);
  if (counters.duplicateStarts) violations.push(`${counters.duplicateStarts} business keys started twice (a retried start not deduplicated)`);
  return {
    name: 'R1 crash',
    scale: `${options.instances} instances of a two-step procedure (not the dossier: its forms make each step ~10 requests), ${options.clients} HTTP clients, server SIGKILLed ${counters.kills}×, PostgreSQL restarted ${counters.pgRestarts}×`,
    counters,
    violations,
  };
}
