import { spawn } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import { createEngine } from '../../engine/index';
import { chain, end, process as bpmnProcess, serviceTask, start } from '../engine/support/bpmn';
import { EFFECT_JOB, createEffectTables, registerEffectWorker } from './support/effect-worker';
import type { Figure } from './support/report';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * R8: per round, N service-task jobs; a worker process takes leases (lockMs) and is killed with SIGKILL
 * mid-run; a surviving executor takes over once the leases expire. Promise: every instance completes,
 * each job's effect is applied exactly once, and no job the dead worker held was run by the survivor
 * before its lease expired.
 */
export async function runJobs(db: Kysely<unknown>, url: string, options: { rounds: number; jobsPerRound: number; lockMs: number }): Promise<Figure> {
  await createEffectTables(db);
  const engine = createEngine({ db });
  await engine.deploy({ xml: bpmnProcess('rel_jobs', [start(), serviceTask('work', EFFECT_JOB), end(), chain(['start', 'work', 'end'])].join('\n')) });
  registerEffectWorker(engine, db, 'survivor', 0);
  const counters = { rounds: 0, jobs: 0, killedHoldingLeases: 0, leasesHeldByDead: 0, runs: 0, reRunsAfterKill: 0, effectsMissing: 0, effectsDuplicated: 0, reAppliedAbsorbedByKey: 0, bpmnCompletionsNotOnce: 0, runBeforeLeaseExpiry: 0, instancesNotCompleted: 0 };
  const violations: string[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const ids: string[] = [];
    for (let i = 0; i < options.jobsPerRound; i += 1) ids.push((await engine.startInstance({ definitionKey: 'rel_jobs', variables: { round, i } })).instanceId);
    const dead = `doomed-${round}`;
    const child = spawn('npx', ['tsx', 'test/reliability/support/child-worker.ts', url, dead, String(options.lockMs)], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // wait until it has run some jobs and holds leases, then kill it mid-flight
    for (let waited = 0; waited < 60_000; waited += 100) {
      const held = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE lock_owner = ${dead}`.execute(db);
      const ran = await sql<{ n: number }>`SELECT count(*)::int AS n FROM rel_run WHERE worker = ${dead}`.execute(db);
      if (held.rows[0].n > 0 && ran.rows[0].n >= Math.min(3, options.jobsPerRound)) break;
      await sleep(100);
    }
    process.kill(-(child.pid as number), 'SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const leases = await sql<{ id: string; lock_expires_at: Date }>`SELECT id, lock_expires_at FROM job WHERE lock_owner = ${dead}`.execute(db);
    counters.leasesHeldByDead += leases.rows.length;
    if (leases.rows.length) counters.killedHoldingLeases += 1;
    // the survivor polls from now on (also before expiry: it must not take the dead worker's jobs early)
    const executor = engine.createJobExecutor({ workerId: `survivor-${round}`, lockMs: 30_000, batchSize: 10 });
    for (let waited = 0; waited < 120_000; waited += 100) {
      await executor.runOnce();
      const open = await engine.listInstances({ definitionKey: 'rel_jobs', state: 'active', limit: 1 });
      if (open.total === 0) break;
      await sleep(100);
    }
    for (const lease of leases.rows) {
      const early = await sql<{ n: number }>`SELECT count(*)::int AS n FROM rel_run WHERE job_id = ${lease.id}::uuid AND worker = 'survivor' AND at < ${lease.lock_expires_at}`.execute(db);
      counters.runBeforeLeaseExpiry += early.rows[0].n;
      if (early.rows[0].n) violations.push(`round ${round}: job ${lease.id} re-run before the dead lease expired`);
    }
    counters.rounds += 1;
    counters.jobs += ids.length;
  }
  const open = await engine.listInstances({ definitionKey: 'rel_jobs', state: 'active', limit: 10_000 });
  counters.instancesNotCompleted = open.total;
  if (open.total) violations.push(`${open.total} instances still active`);
  const runs = await sql<{ n: number; distinct_jobs: number }>`SELECT count(*)::int AS n, count(DISTINCT job_id)::int AS distinct_jobs FROM rel_run`.execute(db);
  counters.runs = runs.rows[0].n;
  counters.reRunsAfterKill = runs.rows[0].n - runs.rows[0].distinct_jobs;
  const effects = await sql<{ n: number; again: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE applications > 1)::int AS again FROM rel_effect`.execute(db);
  counters.effectsMissing = counters.jobs - effects.rows[0].n;
  counters.reAppliedAbsorbedByKey = effects.rows[0].again;
  // The engine's own effect: the service task completes (token moves on) exactly once per instance.
  const completions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT instance_id FROM history_event
    WHERE element_id = 'work' AND type = 'element.completed' GROUP BY instance_id HAVING count(*) <> 1) x`.execute(db);
  const withoutCompletion = await sql<{ n: number }>`SELECT count(*)::int AS n FROM process_instance p WHERE p.definition_key = 'rel_jobs'
    AND NOT EXISTS (SELECT 1 FROM history_event h WHERE h.instance_id = p.id AND h.element_id = 'work' AND h.type = 'element.completed')`.execute(db);
  counters.bpmnCompletionsNotOnce = completions.rows[0].n + withoutCompletion.rows[0].n;
  if (counters.bpmnCompletionsNotOnce) violations.push(`${counters.bpmnCompletionsNotOnce} instances whose service task did not complete exactly once`);
  const variables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM history_event WHERE element_id = 'work' AND type = 'element.completed'`.execute(db);
  counters.effectsDuplicated = Math.max(0, variables.rows[0].n - counters.jobs);
  if (counters.effectsMissing) violations.push(`${counters.effectsMissing} jobs without their effect`);
  if (counters.effectsDuplicated) violations.push(`${counters.effectsDuplicated} effects applied twice`);
  if (!counters.killedHoldingLeases) violations.push('the worker never died holding a lease (nothing was tested)');
  return {
    name: 'R8 jobs',
    scale: `${options.rounds} kill rounds × ${options.jobsPerRound} jobs, lease ${options.lockMs} ms, worker in its own process killed with SIGKILL`,
    counters,
    violations,
  };
}
