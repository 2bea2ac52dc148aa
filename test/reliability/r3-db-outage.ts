import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import { createEngine } from '../../engine/index';
import { chain, end, process as bpmnProcess, serviceTask, start } from '../engine/support/bpmn';
import { EFFECT_JOB, createEffectTables, registerEffectWorker } from './support/effect-worker';
import type { ReliabilityApp } from './support/fixture';
import type { Figure } from './support/report';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Outage {
  /** what happens to PostgreSQL: connections cut (pg_terminate_backend) or the server stopped */
  describe: string;
  down(): Promise<void>;
  up(): Promise<void>;
  /** a connection that survives the outage, for pg_stat_activity (opened after up()) */
  activity(): Promise<number>;
}

/**
 * R3: clients drive reads and writes while PostgreSQL goes away (cycles of down → up). Promise: while it
 * is down requests get 503 DATABASE_UNAVAILABLE (never 500); afterwards the same app answers again
 * without restart; the connection count returns to its baseline; jobs locked during the outage finish.
 */
export async function runDbOutage(r: ReliabilityApp, db: Kysely<ServerDatabase>, outage: Outage, options: { clients: number; cycles: number; downMs: number; jobs: number }): Promise<Figure> {
  const { app } = r;
  const staff = await r.login('ca.xa1');
  const counters: Record<string, number> = { requests: 0, ok: 0, refused4xx: 0, unavailable503: 0, internal500: 0, otherFailures: 0, recoveredCycles: 0, connectionsBaseline: 0, connectionsAfter: 0, stuckJobLocks: 0, jobsNotDone: 0 };
  const violations: string[] = [];
  await createEffectTables(db as Kysely<unknown>);
  const engine = createEngine({ db });
  registerEffectWorker(engine, db as Kysely<unknown>, 'r3', 5);
  await engine.deploy({ xml: bpmnProcess('rel_outage_jobs', [start(), serviceTask('work', EFFECT_JOB), end(), chain(['start', 'work', 'end'])].join('\n')) });
  for (let i = 0; i < options.jobs; i += 1) await engine.startInstance({ definitionKey: 'rel_outage_jobs' });
  await sleep(500);
  counters.connectionsBaseline = await outage.activity();
  let running = true;
  const executor = engine.createJobExecutor({ workerId: 'r3-executor', lockMs: 2_000, batchSize: 2, pollIntervalMs: 50 });
  const executorLoop = (async () => {
    while (running) {
      await executor.runOnce().catch(() => undefined);
      await sleep(50);
    }
  })();
  const client = async (n: number) => {
    for (let i = 0; running; i += 1) {
      const response = await app.inject(i % 3 === 0
        ? { method: 'POST', url: '/api/persons', headers: staff.headers, payload: { fullName: `Khách ${n}-${i}`, communeCode: '99130' } }
        : { method: 'GET', url: i % 2 ? '/api/tasks?view=all' : '/api/persons?q=Nguy', headers: staff.headers });
      counters.requests += 1;
      if (response.statusCode < 400) counters.ok += 1;
      else if (response.statusCode === 503) counters.unavailable503 += 1;
      else if (response.statusCode === 500) {
        counters.internal500 += 1;
        if (counters.internal500 <= 5) violations.push(`500 during outage: request ${i} of client ${n}: ${response.body.slice(0, 160)}`);
      } else if (response.statusCode < 500) counters.refused4xx += 1;
      else counters.otherFailures += 1;
      await sleep(10);
    }
  };
  const clients = Array.from({ length: options.clients }, (_, n) => client(n));
  for (let cycle = 0; cycle < options.cycles; cycle += 1) {
    await sleep(300);
    await outage.down();
    await sleep(options.downMs);
    await outage.up();
    // recovery without restart: the same app answers a real query within 30 s
    let recovered = false;
    for (let waited = 0; waited < 30_000 && !recovered; waited += 200) {
      const health = await app.inject({ method: 'GET', url: '/api/persons?q=Nguy', headers: staff.headers });
      recovered = health.statusCode === 200;
      if (!recovered) await sleep(200);
    }
    if (recovered) counters.recoveredCycles += 1;
    else violations.push(`cycle ${cycle}: no recovery within 30 s`);
  }
  running = false;
  await Promise.all(clients);
  await executorLoop;
  await executor.drain().catch(() => undefined);
  // leases of the outage expire; then everything completes
  for (let waited = 0; waited < 30_000; waited += 300) {
    await executor.runOnce().catch(() => undefined);
    const open = await engine.listInstances({ definitionKey: 'rel_outage_jobs', state: 'active', limit: 1 });
    if (open.total === 0) break;
    await sleep(300);
  }
  counters.jobsNotDone = (await engine.listInstances({ definitionKey: 'rel_outage_jobs', state: 'active', limit: 1 })).total;
  counters.stuckJobLocks = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE lock_owner IS NOT NULL AND lock_expires_at < now() - interval '1 minute'`.execute(db)).rows[0].n;
  // idle pool connections close after 10 s; the count must come back to the baseline
  for (let waited = 0; waited < 20_000; waited += 500) {
    counters.connectionsAfter = await outage.activity();
    if (counters.connectionsAfter <= counters.connectionsBaseline) break;
    await sleep(500);
  }
  if (counters.internal500) violations.push(`${counters.internal500} answers 500 instead of 503`);
  if (counters.otherFailures) violations.push(`${counters.otherFailures} other 5xx`);
  if (counters.connectionsAfter > counters.connectionsBaseline) violations.push(`connections ${counters.connectionsBaseline} before, ${counters.connectionsAfter} after`);
  if (counters.jobsNotDone) violations.push(`${counters.jobsNotDone} job instances not completed`);
  if (counters.stuckJobLocks) violations.push(`${counters.stuckJobLocks} job locks stuck`);
  if (!counters.unavailable503) violations.push('no request saw the outage (nothing was tested)');
  return {
    name: 'R3 database outage',
    scale: `${options.clients} clients, ${options.cycles} outages of ${options.downMs} ms (${outage.describe}), ${options.jobs} jobs, in-process app`,
    counters,
    violations,
  };
}
