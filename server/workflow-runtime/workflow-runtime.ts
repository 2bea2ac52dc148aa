import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { JobExecutor } from '../../engine/index';

/**
 * Runs due jobs now — timers, message outbox jobs and the registered workers (handovers are the
 * `message.publish` worker) — for the demo seed and the scenario tests with a FakeClock. In
 * production the platform's engine executor runs the same workers continuously (SKIP LOCKED, so
 * both may run at once).
 */
export class WorkflowRuntime {
  readonly workerId = `runtime-${randomUUID()}`;
  private readonly executor: JobExecutor;

  constructor(app: FastifyInstance) {
    this.executor = app.engine.createJobExecutor({ workerId: this.workerId });
  }

  /** One executor batch; returns how many jobs ran. */
  async tick(): Promise<number> {
    return this.executor.runOnce();
  }

  /** Runs rounds until nothing due is left (tests with a FakeClock, the demo seed). */
  async drain(maxRounds = 500): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const n = await this.tick();
      total += n;
      if (n === 0) return total;
    }
    throw new Error(`workflow runtime: jobs still due after ${maxRounds} rounds (a timer loop?)`);
  }
}
