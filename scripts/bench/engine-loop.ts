import { createEngine } from '../../engine/index';
import { assertValidFormData, extractOutput } from '../../forms/index';
import { createDatabase } from '../../server/db/database';
import { percentile } from './http-load';
import type { Completion } from './http-sessions';

export interface EngineLoopResult {
  completions: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * The in-process engine figure of the same work as the HTTP complete: for real cloned tasks,
 * claim + complete in one transaction through `createEngine` on the same database, `clients`
 * concurrent loops, the server's pool size (20). Form validation is done before the clock starts.
 */
export async function engineCompleteLoop(databaseUrl: string, work: { completion: Completion; actor: string }[], clients: number, meter?: { start(): Promise<void>; stop(): Promise<unknown> }): Promise<EngineLoopResult & { cpu?: unknown }> {
  // 50 loops share 20 connections: on a loaded machine a loop may wait longer than the server's 5 s.
  const db = createDatabase({ url: databaseUrl, max: 20, connectionTimeoutMs: 120_000 });
  const engine = createEngine({ db });
  const jobs = work.map(({ completion, actor }) => ({
    taskId: completion.taskId,
    actor,
    variables: completion.form ? extractOutput(completion.form, assertValidFormData(completion.form, completion.data as never)) : {},
  }));
  const latencies: number[] = [];
  let next = 0;
  let cpu: unknown;
  // Open the pool's connections first so their backends are measured from the start.
  await Promise.all(Array.from({ length: 20 }, () => db.selectNoFrom((eb) => eb.val(1).as('x')).execute()));
  // Warm-up (unmeasured): the first 10 % of the work loads and compiles each procedure's graph.
  const warm = Math.ceil(jobs.length * 0.1);
  const complete = async (job: (typeof jobs)[number]) =>
    db.transaction().execute(async (tx) => {
      await engine.claimTask(job.taskId, job.actor, { tx, actor: job.actor });
      await engine.completeTask(job.taskId, job.variables, { tx, actor: job.actor });
    });
  await Promise.all(jobs.slice(0, warm).map(complete));
  next = warm;
  await meter?.start();
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        await complete(job);
        latencies.push(performance.now() - t0);
      }
    }));
    cpu = await meter?.stop();
  } finally {
    await db.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { cpu, completions: sorted.length, perSecond: sorted.length / seconds, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}
